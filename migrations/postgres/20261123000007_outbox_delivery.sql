-- Delivery state of outbox messages when SMTP is configured: a sender claims
-- a message until a time (so two app instances never send it twice), counts
-- failed attempts and keeps the last error for the admin.
-- Keep in step with migrations/sqlite.
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
CREATE INDEX outbox_unsent ON outbox (sent_at, claimed_until);
