-- Visitors report problems on events and volunteering opportunities too:
-- a report names exactly one listing (place, event or opportunity). Keep in
-- step with migrations/sqlite.
ALTER TABLE reports ALTER COLUMN place_id DROP NOT NULL;
ALTER TABLE reports ADD COLUMN event_id BIGINT REFERENCES events(id) ON DELETE CASCADE;
ALTER TABLE reports ADD COLUMN opportunity_id BIGINT REFERENCES opportunities(id) ON DELETE CASCADE;
ALTER TABLE reports ADD CONSTRAINT reports_one_listing CHECK (
    (place_id IS NOT NULL)::int + (event_id IS NOT NULL)::int + (opportunity_id IS NOT NULL)::int = 1
);
