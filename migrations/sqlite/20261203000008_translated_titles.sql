-- Titles of events and opportunities, and group descriptions, in more
-- languages than the city's own and English: a JSON object from language
-- code to text ("{}" when there are none). A title or description shown in
-- another language than the visitor's is marked with its language; a
-- group says which language it wrote its description in (NULL: not said).
-- Keep in step with the other database's migrations.
ALTER TABLE events ADD COLUMN title_translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE opportunities ADD COLUMN title_translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN profile_translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN profile_description_lang TEXT;
