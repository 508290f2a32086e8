-- Freshness for events and volunteering opportunities, as places have it:
-- the day the organisation (or a moderator) last confirmed the listing, and
-- when the organisation was last reminded to. Until first confirmed, a
-- listing counts as checked when it was last written. Keep in step with the
-- other database's migrations.
ALTER TABLE events ADD COLUMN last_verified TEXT;
ALTER TABLE events ADD COLUMN reminded_at TEXT;
ALTER TABLE opportunities ADD COLUMN last_verified TEXT;
ALTER TABLE opportunities ADD COLUMN reminded_at TEXT;
