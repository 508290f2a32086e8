-- When the organisation was last reminded to confirm a place, so reminders
-- go out at most once a month per place.
ALTER TABLE places ADD COLUMN reminded_at TEXT;
