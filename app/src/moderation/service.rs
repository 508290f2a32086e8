//! Who may moderate what, and the organisation decisions.
use crate::accounts::model::{FieldError, FieldErrors, Role};
use crate::accounts::session::CurrentUser;
use crate::db::Db;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::values::OrganisationStatus;
use crate::values::Timestamp;
use chrono::{DateTime, Utc};

pub enum Decision {
    Verify,
    Suspend,
}

/// Verifies or suspends an organisation. Suspending needs a reason, which the
/// organisation's members see.
pub async fn decide_organisation(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let id: i64 =
        crate::http::form_post::id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    let org = db.organisation(id).await?.ok_or(FormRefusal::Forbidden)?;
    let user = user.ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(&org.city) {
        return Err(FormRefusal::Forbidden);
    }
    let reason = values.get("reason").map(|r| r.trim()).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > 2000) {
        return Err(FormRefusal::Fields(FieldErrors::from([("reason", FieldError::TooLong)])));
    }
    let status = match decision {
        Decision::Verify => OrganisationStatus::Verified,
        Decision::Suspend => {
            if reason.is_none() {
                return Err(FormRefusal::Fields(FieldErrors::from([(
                    "reason",
                    FieldError::Required,
                )])));
            }
            OrganisationStatus::Suspended
        }
    };
    db.set_organisation_status(id, status, reason, user.id, Timestamp::from(now)).await?;
    Ok(id)
}

/// `welcome-kit set-role`: checks the role and city, then records the change.
pub async fn set_role(
    db: &Db,
    email: &str,
    role: &str,
    city: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let role = Role::parse(role)
        .ok_or_else(|| format!("unknown role `{role}`: use member, moderator or admin"))?;
    if let Some(c) = city {
        if role != Role::Moderator {
            return Err("--city only applies to moderators".into());
        }
        if db.city(c).await.map_err(|e| e.to_string())?.is_none() {
            return Err(format!("unknown city `{c}`"));
        }
    }
    let email = crate::accounts::model::Email::parse(email)
        .map_err(|_| format!("`{email}` is not an e-mail address"))?;
    let user = db
        .user_by_email(email.as_str())
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with the e-mail {}", email.as_str()))?;
    db.set_role(user.id, role.as_str(), city, None, Timestamp::from(now))
        .await
        .map_err(|e| e.to_string())
}
