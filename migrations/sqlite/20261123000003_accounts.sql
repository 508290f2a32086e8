-- Accounts, organisations, sessions, single-use tokens, the outbox and the
-- audit log. Keep in step with migrations/postgres.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    -- member | moderator | admin
    role TEXT NOT NULL DEFAULT 'member',
    -- A moderator limited to one city; NULL = every city.
    moderator_city TEXT REFERENCES cities(slug),
    email_verified_at TEXT,
    locale TEXT NOT NULL DEFAULT 'en',
    -- Bumped by "log out everywhere" and password changes: sessions carry the
    -- epoch they were made in and die when it moves.
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    registration_no TEXT NOT NULL,
    website TEXT,
    contact_person TEXT NOT NULL,
    city TEXT NOT NULL REFERENCES cities(slug),
    -- unverified | verified | suspended
    status TEXT NOT NULL DEFAULT 'unverified',
    status_note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);

-- Only a hash of each token is stored; the link carries the token itself.
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- verify_email | reset_password
    purpose TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Messages for people; sent by SMTP when configured, otherwise kept here
-- for an admin to read.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);

-- Append-only: the application never updates or deletes rows here.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    reason TEXT
);
CREATE INDEX audit_subject ON audit_log (subject_kind, subject_id);

ALTER TABLE places ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
