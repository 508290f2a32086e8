//! Counts for the officials' statistics page: listings per kind and state,
//! proposals waiting, organisations, open reports and interest requests per
//! opportunity. Only counts: nothing here reads who asked or what they
//! wrote, and no page views are recorded anywhere.
use super::Db;
use crate::values::Timestamp;

impl Db {
    /// (kind, status, count) of every listing table, of one city or all.
    pub async fn listing_counts(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
        let per = |kind: &str, table: &str| {
            format!(
                "SELECT '{kind}' AS kind, status, COUNT(*) AS n FROM {table} \
                 WHERE ($1 = '' OR city = $1) GROUP BY status"
            )
        };
        let sql = format!(
            "SELECT kind, status, n FROM ({} UNION ALL {} UNION ALL {}) c ORDER BY kind, status",
            per("place", "places"),
            per("event", "events"),
            per("opportunity", "opportunities")
        );
        sql_as!(&sql, (city.unwrap_or(""))).fetch_all(&self.pool).await
    }

    /// (kind, sent at) of every proposal waiting for review.
    pub async fn waiting_changes(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<(String, Timestamp)>, sqlx::Error> {
        sql_as!(
            "SELECT kind, created_at FROM listing_changes \
             WHERE state = 'pending' AND ($1 = '' OR city = $1) ORDER BY created_at",
            (city.unwrap_or(""))
        )
        .fetch_all(&self.pool)
        .await
    }

    /// (status, count) of the organisations.
    pub async fn organisation_counts(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<(String, i64)>, sqlx::Error> {
        sql_as!(
            "SELECT status, COUNT(*) FROM organisations WHERE ($1 = '' OR city = $1) \
             GROUP BY status ORDER BY status",
            (city.unwrap_or(""))
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Problem reports from visitors not yet handled.
    pub async fn open_report_count(&self, city: Option<&str>) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) = sql_as!(
            "SELECT COUNT(*) FROM reports WHERE state = 'open' AND ($1 = '' OR city = $1)",
            (city.unwrap_or(""))
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// (opportunity id, title, interest requests) of every opportunity with
    /// at least one request, most first.
    pub async fn interest_counts(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
        sql_as!(
            "SELECT o.id, o.title, COUNT(i.id) AS n FROM opportunities o \
             JOIN interest_requests i ON i.opportunity_id = o.id \
             WHERE ($1 = '' OR o.city = $1) GROUP BY o.id, o.title ORDER BY n DESC, o.title",
            (city.unwrap_or(""))
        )
        .fetch_all(&self.pool)
        .await
    }
}
