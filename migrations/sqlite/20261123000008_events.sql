-- Events: one-off or recurring (RFC 5545 RRULE), at a place from the map or
-- at their own address or online. Times are wall-clock times in the city's
-- zone plus the zone's name; first_start_utc and last_end_utc (NULL for an
-- endless series) bound the series for window queries. Keep in step with
-- migrations/postgres.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    city TEXT NOT NULL REFERENCES cities(slug),
    slug TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id),
    -- the organiser as published, for events without an organisation account
    organiser TEXT,
    place_id INTEGER REFERENCES places(id),
    -- conversation_club | city_walk | community_lunch | festival | open_day |
    -- language_course | talk | culture | sport | support
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    address TEXT,
    online_url TEXT,
    lat REAL,
    lon REAL,
    district TEXT,
    -- 'YYYY-MM-DDTHH:MM', local time in timezone
    starts_local TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    all_day INTEGER NOT NULL DEFAULT 0,
    timezone TEXT NOT NULL,
    rrule TEXT,
    -- comma-separated local dates (YYYY-MM-DD) left out of the series
    exceptions TEXT NOT NULL DEFAULT '',
    -- comma-separated local dates called off (shown as cancelled)
    cancelled_dates TEXT NOT NULL DEFAULT '',
    -- ',uk,en,' like places.languages
    languages TEXT NOT NULL DEFAULT '',
    no_czech INTEGER NOT NULL DEFAULT 0,
    free INTEGER NOT NULL DEFAULT 1,
    price TEXT,
    children INTEGER NOT NULL DEFAULT 0,
    accessibility TEXT,
    registration_url TEXT,
    capacity INTEGER,
    -- published | cancelled | unpublished
    status TEXT NOT NULL DEFAULT 'published',
    status_note TEXT,
    -- a dated edition from the past, kept as an example of what the
    -- organiser runs
    past_example INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '',
    first_start_utc TEXT NOT NULL,
    last_end_utc TEXT,
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (city, slug)
);
CREATE INDEX events_window ON events (city, status, first_start_utc, last_end_utc);
CREATE INDEX events_place ON events (place_id);
CREATE INDEX events_org ON events (organisation_id);

CREATE TABLE event_descriptions (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (event_id, lang)
);

-- Bumped in the same transaction as every event write (see places_version).
ALTER TABLE cities ADD COLUMN events_version INTEGER NOT NULL DEFAULT 0;
