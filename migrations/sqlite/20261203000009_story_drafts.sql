-- Stories written in the app: a moderator's draft (a new story or a new
-- version of one) waits here until someone else who moderates the city (a
-- moderator or an admin, never its author) publishes it or sends it back
-- with a message. The public reads
-- only the stories tables; publishing copies the draft there in one
-- transaction with its audit entry. A newer draft of the same story marks
-- the older pending one 'superseded'. Keep in step with the other
-- database's migrations.
CREATE TABLE story_drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    city TEXT NOT NULL REFERENCES cities(slug),
    -- NULL: a new story
    story_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
    -- {"community", "title_en", "summary_en", "body_en", "title_local",
    --  "summary_local", "body_local", "sources": [{"title", "url"}]}
    data TEXT NOT NULL,
    -- the draft this one revises (a new story sent back and written again),
    -- so the published story's history keeps the whole review
    previous_id INTEGER REFERENCES story_drafts(id),
    author INTEGER NOT NULL REFERENCES users(id),
    -- pending | published | rejected | superseded
    state TEXT NOT NULL DEFAULT 'pending',
    -- the reviewer's message (required to send back)
    message TEXT,
    decided_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX story_drafts_city_state ON story_drafts (city, state);
