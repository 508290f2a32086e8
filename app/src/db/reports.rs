//! Problem reports from visitors, and their handling (audited).
use super::{append_audit, Db, NewAudit};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub place_id: i64,
    pub city: String,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub message: String,
    pub created_at: String,
}

impl Db {
    pub async fn add_report(
        &self,
        place_id: i64,
        city: &str,
        kind: &str,
        message: &str,
        now: &str,
    ) -> Result<i64, sqlx::Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO reports (place_id, city, kind, message, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(place_id)
        .bind(city)
        .bind(kind)
        .bind(message)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Open reports, oldest first, of one city or all.
    pub async fn open_reports(&self, city: Option<&str>) -> Result<Vec<ReportRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT r.id, r.place_id, r.city, p.slug, p.name, r.kind, r.message, r.created_at \
             FROM reports r JOIN places p ON p.id = r.place_id \
             WHERE r.state = 'open' AND ($1 = '' OR r.city = $1) ORDER BY r.id",
        )
        .bind(city.unwrap_or(""))
        .fetch_all(&self.pool)
        .await
    }

    pub async fn report_city(&self, id: i64) -> Result<Option<String>, sqlx::Error> {
        let row: Option<(String,)> = sqlx::query_as("SELECT city FROM reports WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    /// Marks a report handled; false if it was not open.
    pub async fn handle_report(
        &self,
        id: i64,
        moderator: i64,
        now: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE reports SET state = 'handled', handled_by = $1, handled_at = $2 \
             WHERE id = $3 AND state = 'open'",
        )
        .bind(moderator)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        append_audit(
            &mut tx,
            &NewAudit {
                actor: Some(moderator),
                subject_kind: "report",
                subject_id: id,
                action: "handled",
                details: String::new(),
                reason: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
