-- A place known only from an older source that has probably closed (a
-- historical record) stays public, marked, but lists and searches leave
-- it out unless asked to show it. Same on both databases (the PostgreSQL
-- file is a link to this one).
ALTER TABLE places ADD COLUMN historical BIGINT NOT NULL DEFAULT 0;
