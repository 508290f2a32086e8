//! Delivering outbox messages: claiming, marking sent, recording failures.
use super::Db;
use crate::values::Timestamp;

/// A message claimed for sending.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct PendingMessage {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

impl Db {
    /// Claims up to `limit` unsent messages until `until`. A message is
    /// claimed by one sender only (the UPDATE re-checks the claim), so two
    /// app instances sharing a database never send it twice; a sender that
    /// dies releases its claim when `until` passes.
    pub async fn claim_unsent(
        &self,
        now: Timestamp,
        until: Timestamp,
        max_attempts: i64,
        limit: i64,
    ) -> Result<Vec<PendingMessage>, sqlx::Error> {
        let candidates: Vec<PendingMessage> = sql_as!(
            "SELECT id, recipient, subject, body, attempts FROM outbox \
             WHERE sent_at IS NULL AND attempts < $1 \
               AND (claimed_until IS NULL OR claimed_until < $2) \
             ORDER BY id LIMIT $3",
            (max_attempts, now, limit)
        )
        .fetch_all(&self.pool)
        .await?;
        let mut claimed = Vec::with_capacity(candidates.len());
        for m in candidates {
            let done = sql!(
                "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
                 AND (claimed_until IS NULL OR claimed_until < $3)",
                (until, m.id, now)
            )
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 1 {
                claimed.push(m);
            }
        }
        Ok(claimed)
    }

    pub async fn mark_sent(&self, id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
        sql!(
            "UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2",
            (now, id)
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Counts a failed attempt; the message is not tried again before `retry_at`.
    pub async fn mark_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Timestamp,
    ) -> Result<(), sqlx::Error> {
        sql!(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = $2 \
             WHERE id = $3",
            (error, retry_at, id)
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
