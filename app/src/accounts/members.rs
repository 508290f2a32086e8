//! An organisation's members add and remove each other. Someone without an
//! account is invited: the account is made and a link to choose a password
//! is sent. Admins may do the same (support); nobody else.
use super::model::{required_text, Email, FieldError, FieldErrors, FormError, Role};
use super::session::CurrentUser;
use super::tokens;
use crate::db::{Db, MemberChange, NewAudit, NewInvite, NewMessage};
use crate::http::form_post::{id_field, FormRefusal, FormValues};
use crate::i18n::td_string;
use crate::values::AuditAction;
use crate::values::Organisation;
use crate::values::Timestamp;
use chrono::{DateTime, Duration, Utc};
use leptos_i18n::Locale as _;

/// How long the link in an invitation works.
pub const INVITE_LINK_DAYS: i64 = 7;

/// The organisation named by the form, if `user` may manage its members.
async fn managed(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
) -> Result<(CurrentUser, Organisation), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    let org = db.organisation(id).await?.ok_or(FormRefusal::Forbidden)?;
    let member = db.organisations_of(user.id).await?.iter().any(|o| o.id == id);
    if !(member || user.role == Role::Admin) {
        return Err(FormRefusal::Forbidden);
    }
    Ok((user.clone(), org))
}

fn field<'a>(v: &'a FormValues, k: &str) -> &'a str {
    v.get(k).map(String::as_str).unwrap_or("")
}

/// Adds the person with the form's e-mail to the organisation, inviting them
/// when they have no account yet.
pub async fn add_member(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let (actor, org) = managed(db, user, values).await?;
    let mut errors = FieldErrors::new();
    let email = Email::parse(field(values, "member_email"))
        .map_err(|e| errors.insert("member_email", e))
        .ok();
    let name = required_text(field(values, "member_name"))
        .map_err(|e| errors.insert("member_name", e))
        .ok();
    let (Some(email), Some(name)) = (email, name) else {
        return Err(FormRefusal::Fields(errors));
    };
    let audit = NewAudit::of(Some(actor.id), "organisation", org.id, AuditAction::MemberAdded)
        .details(email.as_str());
    let already =
        || FormRefusal::Fields(FieldErrors::from([("member_email", FieldError::AlreadyMember)]));
    let subject = |locale: crate::i18n::Locale| {
        td_string!(locale, mail_member_added_subject, organisation = org.name.clone()).to_string()
    };
    match db.user_by_email(email.as_str()).await? {
        Some(existing) => {
            let locale = crate::locale::parse(&existing.locale).unwrap_or_default();
            let link = format!("{base_url}/{}/dashboard", locale.as_str());
            let message = NewMessage {
                recipient: existing.email.clone(),
                subject: subject(locale),
                body: td_string!(
                    locale,
                    mail_member_added_body,
                    name = existing.display_name.clone(),
                    by = actor.display_name.clone(),
                    organisation = org.name.clone(),
                    link = link
                )
                .to_string(),
            };
            match db.add_member(org.id, existing.id, &message, &audit, Timestamp::from(now)).await?
            {
                MemberChange::Done => Ok(()),
                _ => Err(already()),
            }
        }
        None => {
            // The invitation is written in the inviter's language: the only
            // hint we have of what the new member reads.
            let locale = crate::locale::parse(&actor.locale).unwrap_or_default();
            let (token, token_hash) = tokens::new_token();
            let link =
                format!("{base_url}/{}/account/reset/confirm?token={token}", locale.as_str());
            let message = NewMessage {
                recipient: email.as_str().to_string(),
                subject: subject(locale),
                body: td_string!(
                    locale,
                    mail_member_invited_body,
                    name = name.clone(),
                    by = actor.display_name.clone(),
                    organisation = org.name.clone(),
                    link = link,
                    days = INVITE_LINK_DAYS
                )
                .to_string(),
            };
            let invite = NewInvite {
                email: email.as_str(),
                display_name: &name,
                locale: locale.as_str(),
                token_hash: &token_hash,
                token_expires_at: Timestamp::from(now + Duration::days(INVITE_LINK_DAYS)),
            };
            match db.invite_member(org.id, &invite, &message, &audit, Timestamp::from(now)).await? {
                Some(_) => Ok(()),
                None => Err(already()),
            }
        }
    }
}

/// Removes a member (oneself included), never the last one.
pub async fn remove_member(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let (actor, org) = managed(db, user, values).await?;
    let member = id_field(values, "user").ok_or(FormRefusal::Forbidden)?;
    let removed = db.user_by_id(member).await?.ok_or(FormRefusal::Forbidden)?;
    let locale = crate::locale::parse(&removed.locale).unwrap_or_default();
    let message = NewMessage {
        recipient: removed.email.clone(),
        subject: td_string!(locale, mail_member_removed_subject, organisation = org.name.clone())
            .to_string(),
        body: td_string!(
            locale,
            mail_member_removed_body,
            name = removed.display_name.clone(),
            by = actor.display_name.clone(),
            organisation = org.name.clone()
        )
        .to_string(),
    };
    let audit = NewAudit::of(Some(actor.id), "organisation", org.id, AuditAction::MemberRemoved)
        .details(removed.email.clone());
    match db.remove_member(org.id, member, &message, &audit, Timestamp::from(now)).await? {
        MemberChange::Done => Ok(()),
        MemberChange::LastMember => Err(FormRefusal::Form(FormError::LastMember)),
        _ => Err(FormRefusal::Forbidden),
    }
}
