-- The days a moderator was sent the daily digest of their queue: at most
-- one a day, recorded in the same transaction as the message.
CREATE TABLE moderator_digests (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    PRIMARY KEY (user_id, day)
);
