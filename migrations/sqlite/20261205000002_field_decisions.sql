-- A change decided field by field: which of its fields were accepted and
-- which sent back, as JSON ({"accepted": [...], "sent_back": [...]}); NULL
-- when the whole change was decided at once.
ALTER TABLE listing_changes ADD COLUMN field_outcomes TEXT;
