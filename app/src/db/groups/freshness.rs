//! Freshness of community group profiles: which are due a check, a group's
//! confirmation, and the reminders to their members.
use super::{PROFILE_VERIFIED, PUBLIC};
use crate::db::accounts::{append_audit, queue_message, NewAudit, NewMessage};
use crate::db::Db;
use crate::values::AuditAction;
use crate::values::{Day, Timestamp};

impl Db {
    /// Public group profiles last checked before `cutoff` (YYYY-MM-DD), of
    /// one city or all, oldest first (as `StaleRow`s: the organisation is
    /// its own owner, the slug empty).
    pub async fn stale_group_profiles(
        &self,
        city: Option<&str>,
        cutoff: Day,
    ) -> Result<Vec<crate::db::StaleRow>, sqlx::Error> {
        let sql = format!(
            "SELECT id, city, '' AS slug, name, id AS organisation_id, \
             {PROFILE_VERIFIED} AS last_verified, profile_reminded_at AS reminded_at \
             FROM organisations WHERE {PUBLIC} AND ($1 = '' OR city = $1) \
             AND {PROFILE_VERIFIED} < $2 ORDER BY {PROFILE_VERIFIED}, id"
        );
        sql_as!(&sql, (city.unwrap_or(""), cutoff)).fetch_all(&self.pool).await
    }

    /// The group's profile is still right: checked today (audited).
    pub async fn confirm_group_profile(
        &self,
        org: i64,
        today: Day,
        actor: i64,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sql!("UPDATE organisations SET profile_verified = $1 WHERE id = $2", (today, org))
            .execute(&mut *tx)
            .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(actor), "organisation", org, AuditAction::ProfileConfirmed)
                .details(format!("last verified {today}")),
            now,
        )
        .await?;
        tx.commit().await
    }

    /// Queues reminders and notes the time on the groups, together.
    pub async fn send_group_reminders(
        &self,
        groups: &[i64],
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        for id in groups {
            sql!("UPDATE organisations SET profile_reminded_at = $1 WHERE id = $2", (now, id))
                .execute(&mut *tx)
                .await?;
        }
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        tx.commit().await
    }
}
