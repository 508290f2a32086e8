-- Reference data, places and stories. Keep in step with migrations/postgres.
CREATE TABLE cities (
    slug TEXT PRIMARY KEY,
    name_local TEXT NOT NULL,
    name_en TEXT NOT NULL,
    country TEXT NOT NULL,
    timezone TEXT NOT NULL,
    local_lang TEXT NOT NULL,
    center_lat REAL NOT NULL,
    center_lon REAL NOT NULL,
    south REAL NOT NULL,
    west REAL NOT NULL,
    north REAL NOT NULL,
    east REAL NOT NULL,
    zoom BIGINT NOT NULL,
    sort_order BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    key TEXT PRIMARY KEY,
    sort_order BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE places (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    city TEXT NOT NULL REFERENCES cities(slug),
    slug TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories(key),
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    address TEXT NOT NULL,
    district TEXT,
    lat REAL,
    lon REAL,
    coord_precision TEXT,
    coord_source TEXT,
    phone TEXT,
    email TEXT,
    website TEXT,
    opening_hours TEXT,
    hours_text TEXT,
    languages TEXT NOT NULL DEFAULT '',
    wheelchair TEXT,
    sources TEXT NOT NULL DEFAULT '',
    source_date TEXT,
    last_verified TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    status_note TEXT,
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (city, slug)
);
CREATE INDEX places_city_status ON places (city, status);

CREATE TABLE place_descriptions (
    place_id BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (place_id, lang)
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    city TEXT NOT NULL REFERENCES cities(slug),
    slug TEXT NOT NULL,
    community TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    sort_order BIGINT NOT NULL DEFAULT 0,
    UNIQUE (city, slug)
);

CREATE TABLE story_texts (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (story_id, lang)
);

CREATE TABLE story_sources (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

CREATE TABLE story_places (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    place_id BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, place_id)
);

INSERT INTO cities VALUES
 ('prague', 'Praha', 'Prague', 'CZ', 'Europe/Prague', 'cs', 50.0810, 14.4280, 49.94, 14.22, 50.18, 14.71, 12, 1),
 ('kosice', 'Košice', 'Košice', 'SK', 'Europe/Bratislava', 'sk', 48.7164, 21.2611, 48.64, 21.15, 48.78, 21.35, 13, 2);

INSERT INTO categories VALUES
 ('foreigners_office', 1), ('integration_centre', 2), ('ngo', 3), ('language_school', 4),
 ('embassy_consulate', 5), ('community_club', 6), ('library_community_centre', 7),
 ('health', 8), ('city_hall', 9);
