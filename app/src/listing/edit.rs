//! A moderator changes listings directly: adds one (owned by the city),
//! edits one (published at once), or takes one off the site with a reason.
//! Each is audited; the owning organisation's members are told.
use super::core::{tell_members, Listing, Publish};
use super::draft::{diff_json, diff_text};
use super::form::place_choices;
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::db::{Db, Written};
use crate::geocode::Geo;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::i18n::td_string;
use crate::values::Timestamp;
use chrono::{DateTime, Utc};
use leptos_i18n::Locale as _;
use std::sync::Arc;

/// A free-text field of at most 2,000 characters, trimmed; `required`
/// refuses it empty.
fn note_field<'a>(
    values: &'a FormValues,
    name: &'static str,
    required: bool,
) -> Result<&'a str, FormRefusal> {
    let text = values.get(name).map(|n| n.trim()).unwrap_or("");
    let error = if text.chars().count() > 2000 {
        Some(FieldError::TooLong)
    } else if required && text.is_empty() {
        Some(FieldError::Required)
    } else {
        None
    };
    match error {
        Some(e) => Err(FormRefusal::Fields(FieldErrors::from([(name, e)]))),
        None => Ok(text),
    }
}

/// The person's id and the listing `id`, which they must be allowed to
/// moderate.
pub(super) async fn moderated_row<D: Listing>(
    db: &Db,
    user: Option<&CurrentUser>,
    id: Option<i64>,
) -> Result<(i64, D::Row), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let row = match id {
        Some(id) => D::row(db, id).await?,
        None => None,
    }
    .ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(D::facts(&row).city) {
        return Err(FormRefusal::Forbidden);
    }
    Ok((user.id, row))
}

/// A moderator adds a listing to a city they moderate (the form's `city`):
/// published at once, owned by the city, the whole listing and the optional
/// note in the audit log. Returns the listing's public path.
pub async fn create<D: Listing>(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<String, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let city = values.get("city").map(|c| c.trim()).unwrap_or("");
    if !user.can_moderate(city) {
        return Err(FormRefusal::Forbidden);
    }
    let city = db.city(city).await?.ok_or(FormRefusal::Forbidden)?;
    let note = note_field(values, "note", false)?;
    let places = place_choices(db, None, &city.slug, None).await?;
    let draft = D::parse(db, values, &city, &places).await?.map_err(FormRefusal::Fields)?;
    let now = Timestamp::from(now);
    let diff = diff_json(None, &draft);
    let reason = Some(note).filter(|n| !n.is_empty());
    for _ in 0..super::review::SLUG_TRIES {
        let slug =
            super::review::unique_slug(db, D::KIND, &city.slug, &draft.slug_source()).await?;
        let publish = Publish {
            slug: &slug,
            city: &city,
            current: None,
            organisation: None,
            geo,
            today: city.today(now.utc()),
        };
        let new = draft.publish(db, publish).await?;
        if let Written::Done(_) =
            db.add_listing(D::write(&new), &diff, user.id, reason, now).await?
        {
            return Ok(format!("/{}/{}/{slug}", city.slug, D::KIND.section()));
        }
    }
    Err(super::review::no_free_slug())
}

/// A moderator's direct edit: published at once, the diff and the optional
/// note in the audit log, the organisation's members told.
pub async fn edit<D: Listing>(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let id = crate::http::form_post::id_field(values, D::KIND.as_str());
    let (actor, row) = moderated_row::<D>(db, user, id).await?;
    let facts = D::facts(&row);
    let city = db.city(facts.city).await?.ok_or(FormRefusal::Forbidden)?;
    let note = note_field(values, "note", false)?;
    let owner = D::owner(db, &row).await?;
    let places = place_choices(db, owner, &city.slug, facts.place).await?;
    let draft = D::parse(db, values, &city, &places).await?.map_err(FormRefusal::Fields)?;
    let current = D::current(db, &row, &city.local_lang).await?;
    let now = Timestamp::from(now);
    let publish = Publish {
        slug: facts.slug,
        city: &city,
        current: Some(&row),
        organisation: None,
        geo,
        today: city.today(now.utc()),
    };
    let new = draft.publish(db, publish).await?;
    let diff = diff_text(Some(&current), &draft);
    let name = draft.title();
    let link = format!("/{}/{}/{}", facts.city, D::KIND.section(), facts.slug);
    let messages = tell_members(db, owner, |locale| {
        let subject = td_string!(locale, mail_edited_subject, name = name.clone());
        let body = td_string!(
            locale,
            mail_edited_body,
            name = name.clone(),
            changes = diff.clone(),
            link = format!("{base_url}/{}{link}", locale.as_str())
        );
        (subject.to_string(), body.to_string())
    })
    .await?;
    let reason = Some(note).filter(|n| !n.is_empty());
    let recorded = diff_json(Some(&current), &draft);
    db.edit_listing(D::write(&new), &recorded, actor, reason, &messages, now).await?;
    Ok(())
}

/// A moderator takes a listing off the site, with a reason the organisation
/// is told. `id`: the listing's id, from whichever field its form uses.
pub async fn take_down<D: Listing>(
    db: &Db,
    user: Option<&CurrentUser>,
    id: Option<i64>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let (actor, row) = moderated_row::<D>(db, user, id).await?;
    let reason = note_field(values, "reason", true)?;
    let name = D::facts(&row).title.to_string();
    let owner = D::owner(db, &row).await?;
    let messages = tell_members(db, owner, |locale| {
        let subject = td_string!(locale, mail_unpublished_subject, name = name.clone());
        let body = td_string!(
            locale,
            mail_unpublished_body,
            name = name.clone(),
            reason = reason.to_string()
        );
        (subject.to_string(), body.to_string())
    })
    .await?;
    if D::take_down(db, &row, reason, actor, &messages, Timestamp::from(now)).await? {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}
