//! The city's officials: who moderates (and where) and who administers,
//! and admins inviting new ones. Each change is one transaction with its
//! audit entry and the message to the person.
use super::accounts::{append_audit, queue_message, NewAudit, NewMessage};
use super::{Db, NewInvite};
use crate::values::{AuditAction, Timestamp};

/// An official as the admins' page lists them.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub moderator_city: Option<String>,
    /// 0 until an invited person has chosen a password (a number: SQLite
    /// has no boolean expressions).
    pub active: i64,
}

/// A role given by an admin: `role` (moderator or admin) and, for a
/// moderator, the city (None: every city).
pub struct StaffRole<'a> {
    pub role: &'a str,
    pub city: Option<&'a str>,
    pub admin: i64,
}

fn role_audit<'a>(user: i64, r: &StaffRole<'a>) -> NewAudit<'a> {
    NewAudit::of(Some(r.admin), "user", user, AuditAction::Role).details(format!(
        "{} {}",
        r.role,
        r.city.unwrap_or("(every city)")
    ))
}

impl Db {
    /// Moderators and admins, admins first, then by e-mail.
    pub async fn staff(&self) -> Result<Vec<StaffRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, email, display_name, role, moderator_city, \
             CAST(CASE WHEN password_hash = '!' THEN 0 ELSE 1 END AS BIGINT) AS active \
             FROM users WHERE role IN ('moderator', 'admin') \
             ORDER BY CASE role WHEN 'admin' THEN 0 ELSE 1 END, email",
            ()
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Gives an existing account `role` and tells the person.
    pub async fn grant_role(
        &self,
        user: i64,
        role: &StaffRole<'_>,
        message: &NewMessage,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sql!(
            "UPDATE users SET role = $1, moderator_city = $2 WHERE id = $3",
            (role.role, role.city, user)
        )
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, &role_audit(user, role), now).await?;
        queue_message(&mut tx, message, now).await?;
        tx.commit().await
    }

    /// Creates the account of someone invited as an official, with the
    /// link to choose a password; None when the e-mail is taken meanwhile.
    pub async fn invite_staff(
        &self,
        invite: &NewInvite<'_>,
        role: &StaffRole<'_>,
        message: &NewMessage,
        now: Timestamp,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let invited = super::members::insert_invited(&mut tx, invite, role.role, role.city, now);
        let Some(user) = invited.await? else {
            return Ok(None);
        };
        append_audit(&mut tx, &role_audit(user, role), now).await?;
        queue_message(&mut tx, message, now).await?;
        tx.commit().await?;
        Ok(Some(user))
    }
}
