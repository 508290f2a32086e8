-- Proposed listings and proposed edits, waiting for a moderator. The public
-- keeps seeing the approved version (in places) until a change is accepted.
-- One table for every kind of listing. Keep in step with migrations/postgres.
CREATE TABLE listing_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- place (events and volunteering opportunities later)
    kind TEXT NOT NULL,
    -- NULL for a new listing
    listing_id INTEGER,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    city TEXT NOT NULL REFERENCES cities(slug),
    submitted_by INTEGER NOT NULL REFERENCES users(id),
    -- The whole proposed listing, JSON.
    data TEXT NOT NULL,
    -- pending | accepted | rejected | changes_requested
    state TEXT NOT NULL DEFAULT 'pending',
    message TEXT,
    decided_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX listing_changes_state ON listing_changes (state, city);
CREATE INDEX listing_changes_org ON listing_changes (organisation_id);
