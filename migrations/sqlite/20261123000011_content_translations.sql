-- Listing texts in many languages. A listing's source text is its English
-- one when it has English, else the one in the city's language; every other
-- language is a translation of it. A translation "may be out of date" when
-- the source text changed after it (compare updated_at), so each text row
-- keeps its own updated_at (an edit rewrites only the texts that changed).
-- translated_by says who translated a text when that is worth telling
-- visitors (the demo data's translations are the project team's own).
ALTER TABLE place_descriptions ADD COLUMN translated_by TEXT;
ALTER TABLE event_descriptions ADD COLUMN translated_by TEXT;
ALTER TABLE opportunity_descriptions ADD COLUMN translated_by TEXT;
ALTER TABLE story_texts ADD COLUMN translated_by TEXT;
ALTER TABLE story_texts ADD COLUMN updated_at TEXT NOT NULL DEFAULT '2026-01-01T00:00:00Z';
