//! The city's officials, for admins: who moderates which city and who
//! administers, and inviting someone as a moderator (of one city or of
//! every city) or an admin by e-mail. Someone without an account gets a
//! link to choose a password, as invited members do; an existing account
//! gets the role and a message saying so.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffItem {
    pub email: String,
    pub name: String,
    /// moderator | admin
    pub role: String,
    /// A moderator's city; None: every city.
    pub city: Option<String>,
    /// False while an invited person has not chosen a password yet.
    pub active: bool,
}

/// Moderators and admins; for admins only.
#[server]
pub async fn staff_list() -> Result<Vec<StaffItem>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = super::session::request_user(&state.db).await?;
    if user.map(|u| u.role) != Some(super::model::Role::Admin) {
        return Err(crate::page_error::forbidden());
    }
    Ok(state
        .db
        .staff()
        .await?
        .into_iter()
        .map(|s| StaffItem {
            email: s.email,
            name: s.display_name,
            role: s.role,
            city: s.moderator_city,
            active: s.active != 0,
        })
        .collect())
}

#[cfg(feature = "ssr")]
pub mod invite {
    //! The admins' invitation form.
    use crate::accounts::act::act_as_admin;
    use crate::accounts::model::{required_text, Email, FieldErrors, Role};
    use crate::db::{Db, NewInvite, NewMessage, StaffRole};
    use crate::forms::FieldError;
    use crate::http::form_post::{text, FormRefusal, FormValues};
    use crate::i18n::{td_string, Locale};
    use crate::state::AppState;
    use crate::values::Timestamp;
    use axum::http::request::Parts;
    use axum::response::Response;
    use chrono::{DateTime, Duration, Utc};
    use leptos_i18n::Locale as _;
    use tower_sessions::Session;

    pub async fn handler(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
        let base = crate::state::base_url_from(&s, &p.headers);
        act_as_admin(l, s, se, p, v, "people", |st, admin, v| async move {
            invite(&st.db, admin, &v, &base, st.now()).await
        })
        .await
    }

    /// The role in words, as the message names it.
    fn role_words(l: Locale, role: Role, city: Option<&str>) -> String {
        match (role, city) {
            (Role::Admin, _) => td_string!(l, staff_role_admin).to_string(),
            (_, Some(city)) => td_string!(l, staff_role_moderator_of, city = city).to_string(),
            (_, None) => td_string!(l, staff_role_moderator_all).to_string(),
        }
    }

    /// Checks the form (e-mail, name, role, a moderator's city) and gives
    /// the role: to the existing account with that e-mail, or to a new one
    /// whose owner is sent the link to choose a password.
    pub async fn invite(
        db: &Db,
        admin: i64,
        v: &FormValues,
        base_url: &str,
        now: DateTime<Utc>,
    ) -> Result<(), FormRefusal> {
        let mut errors = FieldErrors::new();
        let email = Email::parse(text(v, "email")).map_err(|e| errors.insert("email", e)).ok();
        let name = required_text(text(v, "name")).map_err(|e| errors.insert("name", e)).ok();
        let role = match text(v, "role") {
            "moderator" => Some(Role::Moderator),
            "admin" => Some(Role::Admin),
            _ => {
                errors.insert("role", FieldError::UnknownChoice);
                None
            }
        };
        // An admin acts in every city: a city chosen for one means nothing.
        let city = Some(text(v, "city")).filter(|c| !c.is_empty() && role == Some(Role::Moderator));
        if let Some(c) = city {
            if db.city(c).await?.is_none() {
                errors.insert("city", FieldError::UnknownChoice);
            }
        }
        let (Some(email), Some(name), Some(role), true) = (email, name, role, errors.is_empty())
        else {
            return Err(FormRefusal::Fields(errors));
        };
        let by = db.user_by_id(admin).await?.map(|u| (u.display_name, u.locale));
        let (by, by_locale) = by.ok_or(FormRefusal::Forbidden)?;
        let grant = StaffRole { role: role.as_str(), city, admin };
        let now_ts = Timestamp::from(now);
        match db.user_by_email(email.as_str()).await? {
            Some(existing) => {
                let l = crate::locale::parse(&existing.locale).unwrap_or_default();
                let words = role_words(l, role, city);
                let message = NewMessage {
                    recipient: existing.email.clone(),
                    subject: td_string!(l, mail_staff_subject, role = words.clone()).to_string(),
                    body: td_string!(
                        l,
                        mail_staff_role_body,
                        name = existing.display_name.clone(),
                        by = by,
                        role = words,
                        link = format!("{base_url}/{}/moderation", l.as_str())
                    )
                    .to_string(),
                };
                db.grant_role(existing.id, &grant, &message, now_ts).await?;
                Ok(())
            }
            None => {
                // Written in the inviter's language: the only hint there is
                // of what the new official reads.
                let l = crate::locale::parse(&by_locale).unwrap_or_default();
                let words = role_words(l, role, city);
                let (token, token_hash) = crate::accounts::tokens::new_token();
                let days = crate::accounts::members::INVITE_LINK_DAYS;
                let link = format!("{base_url}/{}/account/reset/confirm?token={token}", l.as_str());
                let message = NewMessage {
                    recipient: email.as_str().to_string(),
                    subject: td_string!(l, mail_staff_subject, role = words.clone()).to_string(),
                    body: td_string!(
                        l,
                        mail_staff_invited_body,
                        name = name.clone(),
                        by = by,
                        role = words,
                        link = link,
                        days = days
                    )
                    .to_string(),
                };
                let invite = NewInvite {
                    email: email.as_str(),
                    display_name: &name,
                    locale: l.as_str(),
                    token_hash: &token_hash,
                    token_expires_at: Timestamp::from(now + Duration::days(days)),
                };
                match db.invite_staff(&invite, &grant, &message, now_ts).await? {
                    Some(_) => Ok(()),
                    None => Err(FormRefusal::Fields(FieldErrors::from([(
                        "email",
                        FieldError::EmailTaken,
                    )]))),
                }
            }
        }
    }
}
