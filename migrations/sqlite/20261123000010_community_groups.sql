-- Mother-tongue community groups (a Vietnamese or Ukrainian association, …):
-- an organisation is an NGO (the default, as before) or a community group.
-- A group publishes a profile: the languages it uses, a short description in
-- its own words and its channels (website, Facebook group, chat invite
-- links, e-mail, meeting place).
--
-- Nothing unreviewed is ever public, so the profile exists twice:
--  * the approved profile, which the public page reads: the profile_*
--    columns of organisations and the rows of organisation_channels. It is
--    shown only while the organisation is verified, is a community group and
--    profile_approved_at is set;
--  * proposals, in group_profile_proposals: the whole proposed profile as
--    JSON (like listing_changes.data), with its review state. The public
--    never reads this table. Approving copies a proposal into the approved
--    columns and rows in one transaction with its audit entry and messages.
--    A moderator decides on a proposal by its id, and a newer proposal
--    marks the older pending one 'superseded', so what a moderator approves
--    is exactly what they looked at.
-- (A separate table rather than listing_changes: a profile is not a
-- listing, and the queue and dashboard code that reads listing_changes
-- expects listings there.) Keep in step with migrations/postgres.
ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'ngo';
-- ',uk,ru,' like places.languages
ALTER TABLE organisations ADD COLUMN profile_languages TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN profile_description TEXT;
-- Where the facts of a profile come from (demo data), one URL per line.
ALTER TABLE organisations ADD COLUMN profile_sources TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN profile_approved_at TEXT;
CREATE INDEX organisations_groups ON organisations (city, kind, status);

-- The approved channels of a group, in the order the group gave them.
CREATE TABLE organisation_channels (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    -- website | facebook | telegram | viber | whatsapp | signal | instagram |
    -- email | meeting_place | other
    kind TEXT NOT NULL,
    -- an https link, an e-mail address, or (meeting_place) free text
    value TEXT NOT NULL,
    PRIMARY KEY (organisation_id, position)
);

CREATE TABLE group_profile_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    submitted_by INTEGER NOT NULL REFERENCES users(id),
    -- {"languages": [...], "description": "...", "channels": [{"kind", "value"}]}
    data TEXT NOT NULL,
    -- pending | approved | rejected | superseded
    state TEXT NOT NULL DEFAULT 'pending',
    -- the moderator's message (required to reject)
    message TEXT,
    decided_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX group_profile_proposals_org ON group_profile_proposals (organisation_id, state);
CREATE INDEX group_profile_proposals_state ON group_profile_proposals (state);
