//! Users, organisations, memberships, single-use tokens, the outbox and the
//! audit log.
use super::Db;
use super::Tx;
use crate::values::AuditAction;
use crate::values::CitySlug;
use crate::values::Organisation;
use crate::values::Timestamp;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub role: String,
    pub moderator_city: Option<String>,
    pub email_verified_at: Option<Timestamp>,
    pub locale: String,
    pub session_epoch: i64,
}

const USER_COLUMNS: &str = "id, email, password_hash, display_name, role, moderator_city, \
     email_verified_at, locale, session_epoch";

pub(super) const ORG_COLUMNS: &str =
    "id, name, legal_form, registration_no, website, contact_person, city, status, status_note, kind";

/// A registration, already validated.
#[derive(Clone, Debug)]
pub struct NewRegistration {
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub locale: String,
    pub org_name: String,
    pub legal_form: String,
    pub registration_no: String,
    pub website: Option<String>,
    pub city: CitySlug,
    /// ngo | community_group
    pub kind: String,
}

/// A message to store in the outbox.
#[derive(Clone, Debug)]
pub struct NewMessage {
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor_user_id: Option<i64>,
    pub subject_kind: String,
    pub subject_id: i64,
    pub action: crate::values::AuditAction,
    pub details: String,
    pub reason: Option<String>,
}

/// One audit entry to append.
#[derive(Clone, Debug)]
pub struct NewAudit<'a> {
    pub actor: Option<i64>,
    pub subject_kind: &'a str,
    pub subject_id: i64,
    pub action: crate::values::AuditAction,
    pub details: String,
    pub reason: Option<String>,
}

impl<'a> NewAudit<'a> {
    /// `actor` (None: the system) did `action` to the subject (kind, id);
    /// no details, no reason until added.
    pub fn of(
        actor: Option<i64>,
        subject_kind: &'a str,
        subject_id: i64,
        action: crate::values::AuditAction,
    ) -> Self {
        NewAudit { actor, subject_kind, subject_id, action, details: String::new(), reason: None }
    }

    pub fn details(mut self, details: impl Into<String>) -> Self {
        self.details = details.into();
        self
    }

    pub fn reason<S: Into<String>>(mut self, reason: Option<S>) -> Self {
        self.reason = reason.map(Into::into);
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("e-mail already registered")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub(super) async fn append_audit(
    tx: &mut Tx<'_>,
    a: &NewAudit<'_>,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sql!(
        "INSERT INTO audit_log (at, actor_user_id, subject_kind, subject_id, action, details, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        (now, a.actor, a.subject_kind, a.subject_id, a.action, &a.details, &a.reason)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn queue_message(
    tx: &mut Tx<'_>,
    m: &NewMessage,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sql!(
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)",
        (&m.recipient, &m.subject, &m.body, now)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn store_token(
    tx: &mut Tx<'_>,
    hash: &str,
    user_id: i64,
    purpose: &str,
    expires_at: Timestamp,
) -> Result<(), sqlx::Error> {
    sql!(
        "INSERT INTO tokens (hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)",
        (hash, user_id, purpose, expires_at)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Uses a token: its user if it exists, has this purpose, is unused and
/// unexpired; the same statement marks it used, so it works only once.
async fn use_token(
    tx: &mut Tx<'_>,
    hash: &str,
    purpose: &str,
    now: Timestamp,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sql_as!(
        "UPDATE tokens SET used_at = $3 WHERE hash = $1 AND purpose = $2 \
         AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
        (hash, purpose, now)
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| r.0))
}

impl Db {
    /// Creates the user, the organisation (unverified), the membership, the
    /// e-mail verification token and its message, and the audit entry, all in
    /// one transaction.
    pub async fn register(
        &self,
        r: &NewRegistration,
        token_hash: &str,
        token_expires_at: Timestamp,
        message: &NewMessage,
        now: Timestamp,
    ) -> Result<(i64, i64), RegisterError> {
        let mut tx = self.begin_write().await?;
        let taken: Option<(i64,)> = sql_as!("SELECT id FROM users WHERE email = $1", (&r.email))
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(RegisterError::EmailTaken);
        }
        let (user_id,): (i64,) = sql_as!(
            "INSERT INTO users (email, password_hash, display_name, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            (&r.email, &r.password_hash, &r.display_name, &r.locale, now)
        )
        .fetch_one(&mut *tx)
        .await?;
        let (org_id,): (i64,) = sql_as!(
            "INSERT INTO organisations (name, legal_form, registration_no, website, contact_person, \
             city, created_at, updated_at, kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id",
            (
                &r.org_name, &r.legal_form, &r.registration_no, &r.website, &r.display_name,
                &r.city, now, &r.kind,
            )
        )
        .fetch_one(&mut *tx)
        .await?;
        sql!(
            "INSERT INTO memberships (user_id, organisation_id, created_at) VALUES ($1, $2, $3)",
            (user_id, org_id, now)
        )
        .execute(&mut *tx)
        .await?;
        store_token(&mut tx, token_hash, user_id, "verify_email", token_expires_at).await?;
        queue_message(&mut tx, message, now).await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(user_id), "organisation", org_id, AuditAction::Registered).details(
                match r.kind.as_str() {
                    "ngo" => format!("{} ({})", r.org_name, r.registration_no),
                    kind => format!("{} ({}, {kind})", r.org_name, r.registration_no),
                },
            ),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((user_id, org_id))
    }

    /// Creates an admin, or makes an existing user one (password replaced).
    pub async fn upsert_admin(
        &self,
        email: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let existing: Option<(i64,)> = sql_as!("SELECT id FROM users WHERE email = $1", (email))
            .fetch_optional(&mut *tx)
            .await?;
        let id = match existing {
            Some((id,)) => {
                sql!(
                    "UPDATE users SET role = 'admin', password_hash = $1, \
                     email_verified_at = COALESCE(email_verified_at, $2), \
                     session_epoch = session_epoch + 1 WHERE id = $3",
                    (password_hash, now, id)
                )
                .execute(&mut *tx)
                .await?;
                id
            }
            None => {
                let (id,): (i64,) = sql_as!(
                    "INSERT INTO users (email, password_hash, display_name, role, email_verified_at, created_at) \
                     VALUES ($1, $2, $1, 'admin', $3, $3) RETURNING id",
                    (email, password_hash, now)
                )
                .fetch_one(&mut *tx)
                .await?;
                id
            }
        };
        append_audit(
            &mut tx,
            &NewAudit::of(None, "user", id, AuditAction::AdminCreated).details(email.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        sql_as!(&sql, (email)).fetch_optional(&self.pool).await
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        sql_as!(&sql, (id)).fetch_optional(&self.pool).await
    }

    pub async fn organisations_of(&self, user_id: i64) -> Result<Vec<Organisation>, sqlx::Error> {
        let sql = format!(
            "SELECT {} FROM organisations o JOIN memberships m ON m.organisation_id = o.id \
             WHERE m.user_id = $1 ORDER BY o.name",
            ORG_COLUMNS.split(", ").map(|c| format!("o.{c}")).collect::<Vec<_>>().join(", ")
        );
        sql_as!(&sql, (user_id)).fetch_all(&self.pool).await
    }

    /// Verifies a user's e-mail with a token, in one transaction.
    pub async fn verify_email(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let Some(user_id) = use_token(&mut tx, hash, "verify_email", now).await? else {
            return Ok(None);
        };
        sql!(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2",
            (now, user_id)
        )
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(user_id), "user", user_id, AuditAction::EmailVerified),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }

    /// Stores a password-reset token and its message for an existing user.
    pub async fn start_password_reset(
        &self,
        user_id: i64,
        token_hash: &str,
        expires_at: Timestamp,
        message: &NewMessage,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        store_token(&mut tx, token_hash, user_id, "reset_password", expires_at).await?;
        queue_message(&mut tx, message, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password with a reset token; every existing session ends.
    pub async fn finish_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let Some(user_id) = use_token(&mut tx, token_hash, "reset_password", now).await? else {
            return Ok(None);
        };
        // Following the link proves the address as well.
        sql!(
            "UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1, \
             email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $3",
            (password_hash, now, user_id)
        )
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(user_id), "user", user_id, AuditAction::PasswordReset),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }

    /// Ends every session of a user ("log out everywhere").
    pub async fn bump_session_epoch(&self, user_id: i64) -> Result<(), sqlx::Error> {
        sql!("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1", (user_id))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest messages first.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, recipient, subject, body, created_at, sent_at, attempts, last_error \
             FROM outbox ORDER BY id DESC LIMIT $1",
            (limit)
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn audit_for(&self, kind: &str, id: i64) -> Result<Vec<AuditRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, at, actor_user_id, subject_kind, subject_id, action, details, reason \
             FROM audit_log WHERE subject_kind = $1 AND subject_id = $2 ORDER BY id",
            (kind, id)
        )
        .fetch_all(&self.pool)
        .await
    }
}
