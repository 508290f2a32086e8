//! Problem reports from visitors, and their handling (audited).
use super::{append_audit, Db, NewAudit};
use crate::values::AuditAction;
use crate::values::{ListingKind, Timestamp};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    /// place | event | opportunity
    pub listing: String,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub message: String,
    pub created_at: Timestamp,
}

/// The listing a report is about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reported {
    /// A place, event or opportunity by its id.
    Listing(ListingKind, i64),
    /// A community group's public profile (its organisation's id).
    Group(i64),
}

impl Db {
    pub async fn add_report(
        &self,
        about: Reported,
        city: &str,
        kind: &str,
        message: &str,
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let (column, id) = match about {
            Reported::Listing(ListingKind::Place, id) => ("place_id", id),
            Reported::Listing(ListingKind::Event, id) => ("event_id", id),
            Reported::Listing(ListingKind::Opportunity, id) => ("opportunity_id", id),
            Reported::Group(id) => ("organisation_id", id),
        };
        let (id,): (i64,) = sql_as!(
            &format!(
                "INSERT INTO reports ({column}, city, kind, message, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id"
            ),
            (id, city, kind, message, now)
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Open reports, oldest first, of one city or all, with the listing
    /// each is about.
    pub async fn open_reports(&self, city: Option<&str>) -> Result<Vec<ReportRow>, sqlx::Error> {
        sql_as!(
            "SELECT r.id, \
             CASE WHEN r.place_id IS NOT NULL THEN 'place' \
                  WHEN r.event_id IS NOT NULL THEN 'event' \
                  WHEN r.opportunity_id IS NOT NULL THEN 'opportunity' ELSE 'group' END AS listing, \
             r.city, COALESCE(p.slug, e.slug, o.slug, '') AS slug, \
             COALESCE(p.name, e.title, o.title, g.name) AS name, r.kind, r.message, r.created_at \
             FROM reports r \
             LEFT JOIN places p ON p.id = r.place_id \
             LEFT JOIN events e ON e.id = r.event_id \
             LEFT JOIN opportunities o ON o.id = r.opportunity_id \
             LEFT JOIN organisations g ON g.id = r.organisation_id \
             WHERE r.state = 'open' AND ($1 = '' OR r.city = $1) ORDER BY r.id",
            (city.unwrap_or(""))
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn report_city(&self, id: i64) -> Result<Option<String>, sqlx::Error> {
        let row: Option<(String,)> = sql_as!("SELECT city FROM reports WHERE id = $1", (id))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    /// Marks a report handled; false if it was not open.
    pub async fn handle_report(
        &self,
        id: i64,
        moderator: i64,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let done = sql!(
            "UPDATE reports SET state = 'handled', handled_by = $1, handled_at = $2 \
             WHERE id = $3 AND state = 'open'",
            (moderator, now, id)
        )
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(moderator), "report", id, AuditAction::Handled),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
