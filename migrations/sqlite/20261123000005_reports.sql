-- Problems newcomers report about a listing. Anonymous: nothing about the
-- reporter is stored. Keep in step with migrations/postgres.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    city TEXT NOT NULL REFERENCES cities(slug),
    -- closed | wrong_hours | wrong_place | other
    kind TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    -- open | handled
    state TEXT NOT NULL DEFAULT 'open',
    handled_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    handled_at TEXT
);
CREATE INDEX reports_state ON reports (state, city);
