-- Volunteering opportunities, and the requests of people interested in one.
-- Keep in step with migrations/postgres.
CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    city TEXT NOT NULL REFERENCES cities(slug),
    slug TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id),
    organiser TEXT,
    place_id INTEGER REFERENCES places(id),
    title TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    -- place | address | remote
    location_kind TEXT NOT NULL,
    address TEXT,
    district TEXT,
    -- one_off | recurring | flexible
    schedule_kind TEXT NOT NULL,
    -- the date of a one-off (YYYY-MM-DD)
    date TEXT,
    -- "Tuesdays 16:00–18:00", "2 hours a week", as the organiser says it
    schedule_text TEXT,
    skills TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    no_czech INTEGER NOT NULL DEFAULT 0,
    -- newcomers | locals | both
    audience TEXT NOT NULL,
    min_age INTEGER,
    contact TEXT,
    registration_url TEXT,
    -- last day to apply (YYYY-MM-DD)
    deadline TEXT,
    -- published | unpublished
    status TEXT NOT NULL DEFAULT 'published',
    sources TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (city, slug)
);
CREATE INDEX opportunities_org ON opportunities (organisation_id);

CREATE TABLE opportunity_descriptions (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, lang)
);

-- What a person sent to say they would like to help. Personal data: only
-- the organisation's members read it; deleted when withdrawn and, at the
-- latest, at delete_after.
CREATE TABLE interest_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    consent_at TEXT NOT NULL,
    -- SHA-256 of the withdrawal link's token
    withdraw_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    delete_after TEXT NOT NULL
);
CREATE INDEX interest_by_opportunity ON interest_requests (opportunity_id);
CREATE INDEX interest_expiry ON interest_requests (delete_after);
