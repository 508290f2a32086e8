-- What an event or a volunteering opportunity helps newcomers with, by need
-- (the keys of app/needs.json), like place_needs. An event without tags
-- meets the needs of its category; an opportunity has no category, so only
-- its tags. Same on both databases (the PostgreSQL file is a link to this
-- one).
CREATE TABLE event_needs (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    need TEXT NOT NULL,
    PRIMARY KEY (event_id, need)
);
CREATE TABLE opportunity_needs (
    opportunity_id BIGINT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    need TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, need)
);
