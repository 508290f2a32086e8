-- What a place helps newcomers with, by need (the keys of app/needs.json),
-- as tagged by whoever knows the place; a place without tags meets the
-- needs of its category. Same on both databases (the PostgreSQL file is a
-- link to this one).
CREATE TABLE place_needs (
    place_id BIGINT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    need TEXT NOT NULL,
    PRIMARY KEY (place_id, need)
);
