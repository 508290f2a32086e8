-- Visitors report problems with a community group's public profile too: a
-- report names exactly one listing or one group. SQLite cannot change a
-- CHECK in place, so the table is rebuilt with its rows. Keep in step with
-- migrations/postgres.
CREATE TABLE reports_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    place_id INTEGER REFERENCES places(id) ON DELETE CASCADE,
    city TEXT NOT NULL REFERENCES cities(slug),
    -- closed | wrong_hours | wrong_place | other
    kind TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    -- open | handled
    state TEXT NOT NULL DEFAULT 'open',
    handled_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    handled_at TEXT,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    CHECK ((place_id IS NOT NULL) + (event_id IS NOT NULL) + (opportunity_id IS NOT NULL)
        + (organisation_id IS NOT NULL) = 1)
);
INSERT INTO reports_new (id, place_id, city, kind, message, state, handled_by, created_at,
    handled_at, event_id, opportunity_id)
SELECT id, place_id, city, kind, message, state, handled_by, created_at, handled_at, event_id,
    opportunity_id FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_state ON reports (state, city);
