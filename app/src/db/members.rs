//! Members of organisations: listing, adding (existing people or invited
//! ones) and removing, each with its audit entry and message in one
//! transaction.
use super::accounts::{append_audit, queue_message, store_token, NewAudit, NewMessage};
use super::Db;
use super::Tx;
use crate::values::Timestamp;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct MemberRow {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// None for someone invited who has not chosen a password yet.
    pub email_verified_at: Option<Timestamp>,
}

/// Someone invited by e-mail who has no account yet.
pub struct NewInvite<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub token_hash: &'a str,
    pub token_expires_at: Timestamp,
}

/// Creates the account of someone invited, with `role` (and the city a
/// moderator moderates), and stores the link with which they choose a
/// password; None when the e-mail is taken meanwhile.
pub(super) async fn insert_invited(
    tx: &mut Tx<'_>,
    invite: &NewInvite<'_>,
    role: &str,
    city: Option<&str>,
    now: Timestamp,
) -> Result<Option<i64>, sqlx::Error> {
    let taken: Option<(i64,)> = sql_as!("SELECT id FROM users WHERE email = $1", (invite.email))
        .fetch_optional(&mut **tx)
        .await?;
    if taken.is_some() {
        return Ok(None);
    }
    // "!" is no password hash, so nobody can sign in before choosing one.
    let (user,): (i64,) = sql_as!(
        "INSERT INTO users (email, password_hash, display_name, locale, role, moderator_city, \
         created_at) VALUES ($1, '!', $2, $3, $4, $5, $6) RETURNING id",
        (invite.email, invite.display_name, invite.locale, role, city, now)
    )
    .fetch_one(&mut **tx)
    .await?;
    store_token(tx, invite.token_hash, user, "reset_password", invite.token_expires_at).await?;
    Ok(Some(user))
}

#[derive(Debug, PartialEq, Eq)]
pub enum MemberChange {
    Done,
    AlreadyMember,
    NotMember,
    /// Removing would leave the organisation without members.
    LastMember,
}

async fn insert_membership(
    tx: &mut Tx<'_>,
    user: i64,
    org: i64,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sql!(
        "INSERT INTO memberships (user_id, organisation_id, created_at) VALUES ($1, $2, $3)",
        (user, org, now)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn is_member(tx: &mut Tx<'_>, user: i64, org: i64) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sql_as!(
        "SELECT user_id FROM memberships WHERE user_id = $1 AND organisation_id = $2",
        (user, org)
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some())
}

impl Db {
    pub async fn organisation_members(&self, org: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
        sql_as!(
            "SELECT u.id AS user_id, u.display_name, u.email, u.email_verified_at \
             FROM users u JOIN memberships m ON m.user_id = u.id \
             WHERE m.organisation_id = $1 ORDER BY u.display_name, u.id",
            (org)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Adds an existing person to the organisation.
    pub async fn add_member(
        &self,
        org: i64,
        user: i64,
        message: &NewMessage,
        audit: &NewAudit<'_>,
        now: Timestamp,
    ) -> Result<MemberChange, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if is_member(&mut tx, user, org).await? {
            return Ok(MemberChange::AlreadyMember);
        }
        insert_membership(&mut tx, user, org, now).await?;
        queue_message(&mut tx, message, now).await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(MemberChange::Done)
    }

    /// Creates an account without a usable password for someone new, makes
    /// them a member and stores the link with which they choose a password.
    /// None when the e-mail is taken meanwhile.
    pub async fn invite_member(
        &self,
        org: i64,
        invite: &NewInvite<'_>,
        message: &NewMessage,
        audit: &NewAudit<'_>,
        now: Timestamp,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let Some(user) = insert_invited(&mut tx, invite, "member", None, now).await? else {
            return Ok(None);
        };
        insert_membership(&mut tx, user, org, now).await?;
        queue_message(&mut tx, message, now).await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Some(user))
    }

    /// Removes a member, unless they are the organisation's last one.
    pub async fn remove_member(
        &self,
        org: i64,
        user: i64,
        message: &NewMessage,
        audit: &NewAudit<'_>,
        now: Timestamp,
    ) -> Result<MemberChange, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        // Writing the organisation's row first serialises concurrent removals
        // (row lock on PostgreSQL, write lock on SQLite), so two members
        // removing each other cannot leave nobody.
        sql!("UPDATE organisations SET updated_at = $1 WHERE id = $2", (now, org))
            .execute(&mut *tx)
            .await?;
        if !is_member(&mut tx, user, org).await? {
            return Ok(MemberChange::NotMember);
        }
        let (count,): (i64,) =
            sql_as!("SELECT COUNT(*) FROM memberships WHERE organisation_id = $1", (org))
                .fetch_one(&mut *tx)
                .await?;
        if count <= 1 {
            return Ok(MemberChange::LastMember);
        }
        sql!("DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2", (user, org))
            .execute(&mut *tx)
            .await?;
        queue_message(&mut tx, message, now).await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(MemberChange::Done)
    }
}
