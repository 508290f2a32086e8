//! Sessions: the rows behind the session store in `accounts::session`.
use super::Db;
use sqlx::Row;

impl Db {
    /// A live session's data and expiry (unix seconds).
    pub async fn session_load(
        &self,
        id: &str,
        now: i64,
    ) -> Result<Option<(String, i64)>, sqlx::Error> {
        let row = sql!(
            "SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
            (id, now)
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((r.try_get("data")?, r.try_get("expires_at")?))).transpose()
    }

    pub async fn session_save(
        &self,
        id: &str,
        data: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sql!(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
            (id, data, expires_at)
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Stores a new session; false if the id is already taken.
    pub async fn session_create(
        &self,
        id: &str,
        data: &str,
        expires_at: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = sql!(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            (id, data, expires_at)
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn session_delete(&self, id: &str) -> Result<(), sqlx::Error> {
        sql!("DELETE FROM sessions WHERE id = $1", (id)).execute(&self.pool).await?;
        Ok(())
    }

    pub async fn sessions_purge_expired(&self, now: i64) -> Result<u64, sqlx::Error> {
        let done =
            sql!("DELETE FROM sessions WHERE expires_at <= $1", (now)).execute(&self.pool).await?;
        Ok(done.rows_affected())
    }
}
