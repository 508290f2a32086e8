//! A moderator gives a listing to a verified organisation of its city: a
//! listing the city imported, or one moving between organisations. From
//! then on the organisation confirms it and proposes its changes through
//! review; its members are told, the audit log keeps old → new.
use super::core::{tell_members, Listing};
use super::edit::moderated_row;
use crate::accounts::session::CurrentUser;
use crate::db::Db;
use crate::forms::{FieldError, FieldErrors, FormError};
use crate::http::form_post::{id_field, FormRefusal, FormValues};
use crate::i18n::td_string;
use crate::values::{OrganisationStatus, Timestamp};
use chrono::{DateTime, Utc};
use leptos_i18n::Locale as _;

/// Gives listing `id` of kind `D` to the form's `organisation`.
pub async fn assign<D: Listing>(
    db: &Db,
    user: Option<&CurrentUser>,
    id: Option<i64>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let (actor, row) = moderated_row::<D>(db, user, id).await?;
    let facts = D::facts(&row);
    let unknown =
        || FormRefusal::Fields(FieldErrors::from([("organisation", FieldError::UnknownChoice)]));
    let org = match id_field(values, "organisation") {
        Some(o) => db.organisation(o).await?,
        None => None,
    }
    .filter(|o| o.city.as_str() == facts.city.as_str() && o.status == OrganisationStatus::Verified)
    .ok_or_else(unknown)?;
    let before = D::owner(db, &row).await?;
    if before == Some(org.id) {
        return Err(FormRefusal::Form(FormError::NothingChanged));
    }
    let before = match before {
        Some(b) => db.organisation(b).await?.map(|o| o.name).unwrap_or_default(),
        None => String::new(),
    };
    let changes = serde_json::to_string(&[("organisation", before, org.name.clone())])
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    let name = facts.title.to_string();
    let messages = tell_members(db, Some(org.id), |locale| {
        let subject = td_string!(locale, mail_assigned_subject, name = name.clone());
        let body = td_string!(
            locale,
            mail_assigned_body,
            name = name.clone(),
            organisation = org.name.clone(),
            link = format!("{base_url}/{}/dashboard", locale.as_str())
        );
        (subject.to_string(), body.to_string())
    })
    .await?;
    let id = facts.id;
    db.assign_listing(D::KIND, id, org.id, &changes, actor, &messages, Timestamp::from(now))
        .await?;
    Ok(())
}
