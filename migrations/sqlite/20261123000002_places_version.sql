-- Bumped in the same transaction as every change to a city's places, so each
-- app instance can tell whether its in-memory copy of the city's published
-- places is still current with one single-row read.
ALTER TABLE cities ADD COLUMN places_version INTEGER NOT NULL DEFAULT 0;
