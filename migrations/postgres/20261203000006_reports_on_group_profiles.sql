-- Visitors report problems with a community group's public profile too: a
-- report names exactly one listing or one group. Keep in step with
-- migrations/sqlite.
ALTER TABLE reports ADD COLUMN organisation_id BIGINT REFERENCES organisations(id) ON DELETE CASCADE;
ALTER TABLE reports DROP CONSTRAINT reports_one_listing;
ALTER TABLE reports ADD CONSTRAINT reports_one_listing CHECK (
    (place_id IS NOT NULL)::int + (event_id IS NOT NULL)::int + (opportunity_id IS NOT NULL)::int
    + (organisation_id IS NOT NULL)::int = 1
);
