//! Organisation review and roles: each change with its audit entry, in one
//! transaction.
use super::accounts::ORG_COLUMNS;
use super::{append_audit, Db, NewAudit};
use crate::values::AuditAction;
use crate::values::Organisation;
use crate::values::OrganisationStatus;
use crate::values::Timestamp;

impl Db {
    /// Organisations, newest first, optionally of one city and one status.
    pub async fn organisations(
        &self,
        city: Option<&str>,
        status: Option<OrganisationStatus>,
    ) -> Result<Vec<Organisation>, sqlx::Error> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations \
             WHERE ($1 = '' OR city = $1) AND ($2 = '' OR status = $2) ORDER BY id DESC"
        );
        sql_as!(&sql, (city.unwrap_or(""), status.map_or("", |s| s.as_str())))
            .fetch_all(&self.pool)
            .await
    }

    pub async fn organisation(&self, id: i64) -> Result<Option<Organisation>, sqlx::Error> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1");
        sql_as!(&sql, (id)).fetch_optional(&self.pool).await
    }

    /// Sets an organisation's status (verified, suspended, …) and records who
    /// did it and why.
    pub async fn set_organisation_status(
        &self,
        id: i64,
        status: OrganisationStatus,
        reason: Option<&str>,
        actor: i64,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let before: Option<(String,)> =
            sql_as!("SELECT status FROM organisations WHERE id = $1", (id))
                .fetch_optional(&mut *tx)
                .await?;
        let Some((before,)) = before else {
            return Err(sqlx::Error::RowNotFound);
        };
        sql!(
            "UPDATE organisations SET status = $1, status_note = $2, updated_at = $3 WHERE id = $4",
            (status, reason, now, id)
        )
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(actor), "organisation", id, status.into())
                .details(format!("status: {before} → {status}"))
                .reason(reason.map(str::to_string)),
            now,
        )
        .await?;
        tx.commit().await
    }

    /// Gives a user a role (and, for moderators, a city or every city).
    pub async fn set_role(
        &self,
        user_id: i64,
        role: &str,
        city: Option<&str>,
        actor: Option<i64>,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sql!(
            "UPDATE users SET role = $1, moderator_city = $2 WHERE id = $3",
            (role, city, user_id)
        )
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(actor, "user", user_id, AuditAction::Role)
                .details(format!("{role} {}", city.unwrap_or("(every city)"))),
            now,
        )
        .await?;
        tx.commit().await
    }
}
