//! Organisation review and roles: each change with its audit entry, in one
//! transaction.
use super::accounts::{OrganisationRow, ORG_COLUMNS};
use super::{append_audit, Db, NewAudit};
use crate::values::AuditAction;
use crate::values::OrganisationStatus;
use crate::values::Timestamp;

impl Db {
    /// Organisations, newest first, optionally of one city and one status.
    pub async fn organisations(
        &self,
        city: Option<&str>,
        status: Option<OrganisationStatus>,
    ) -> Result<Vec<OrganisationRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations \
             WHERE ($1 = '' OR city = $1) AND ($2 = '' OR status = $2) ORDER BY id DESC"
        );
        sqlx::query_as(&sql)
            .bind(city.unwrap_or(""))
            .bind(status.map_or("", |s| s.as_str()))
            .fetch_all(&self.pool)
            .await
    }

    pub async fn organisation(&self, id: i64) -> Result<Option<OrganisationRow>, sqlx::Error> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1");
        sqlx::query_as(&sql).bind(id).fetch_optional(&self.pool).await
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
            sqlx::query_as("SELECT status FROM organisations WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((before,)) = before else {
            return Err(sqlx::Error::RowNotFound);
        };
        sqlx::query(
            "UPDATE organisations SET status = $1, status_note = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(status)
        .bind(reason)
        .bind(now)
        .bind(id)
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
        sqlx::query("UPDATE users SET role = $1, moderator_city = $2 WHERE id = $3")
            .bind(role)
            .bind(city)
            .bind(user_id)
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
