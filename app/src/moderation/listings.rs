//! Listing proposals: organisations submit new places and edits; moderators
//! accept, reject or send them back. The public sees a change only once
//! accepted. Every function checks who is asking.
use super::service::can_moderate;
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::db::{ChangeRow, Db, NewChange, NewMessage};
use crate::form_post::{FormRefusal, FormValues};
use crate::geocode::Geo;
use crate::i18n::td_string;
use crate::places::draft::PlaceDraft;
use crate::places::submission::{draft_of, parse_draft, slug_for, to_new_place};
use chrono::{DateTime, SecondsFormat, Utc};
use leptos_i18n::Locale as _;
use std::sync::Arc;

fn ts(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Stores a proposed new place (no `place` value) or a proposed edit of one
/// of the organisation's places, for review.
pub async fn submit_place(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org_id =
        crate::form_post::id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    let org = db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .find(|o| o.id == org_id && o.status != "suspended")
        .ok_or(FormRefusal::Forbidden)?;
    let listing_id = crate::form_post::id_field(values, "place");
    let city_slug = match listing_id {
        Some(place) => {
            if db.place_organisation(place).await? != Some(org.id) {
                return Err(FormRefusal::Forbidden);
            }
            db.place_by_id(place)
                .await?
                .ok_or(FormRefusal::Forbidden)?
                .city
        }
        None => org.city.clone(),
    };
    let city = db.city(&city_slug).await?.ok_or(FormRefusal::Forbidden)?;
    let draft = parse_draft(values, &city).map_err(FormRefusal::Fields)?;
    let data = serde_json::to_string(&draft)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    Ok(db
        .submit_change(
            &NewChange {
                kind: "place",
                listing_id,
                organisation_id: org.id,
                city: &city.slug,
                submitted_by: user.id,
                data,
            },
            &ts(now),
        )
        .await?)
}

pub enum Review {
    Accept,
    Reject,
    SendBack,
}

/// The draft of a change and what the public sees now (for the diff).
pub async fn change_drafts(
    db: &Db,
    c: &ChangeRow,
) -> Result<(PlaceDraft, Option<PlaceDraft>), crate::error::AppError> {
    let draft: PlaceDraft = serde_json::from_str(&c.data)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    let current = match c.listing_id {
        Some(id) => match db.place_by_id(id).await? {
            Some(row) => {
                let local = db
                    .city(&row.city)
                    .await?
                    .map(|c| c.local_lang)
                    .unwrap_or_default();
                let texts = db.place_descriptions(id).await?;
                Some(draft_of(&row, &texts, &local))
            }
            None => None,
        },
        None => None,
    };
    Ok((draft, current))
}

/// A moderator's decision on a pending change. Rejecting and sending back
/// need a message, which the organisation sees.
pub async fn review(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    values: &FormValues,
    decision: Review,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let change = match crate::form_post::id_field(values, "change") {
        Some(id) => db.change(id).await?,
        None => None,
    }
    .ok_or(FormRefusal::Forbidden)?;
    if !can_moderate(user, &change.city) {
        return Err(FormRefusal::Forbidden);
    }
    if change.state != "pending" {
        return Err(FormRefusal::Form(FormError::AlreadyDecided));
    }
    let message = values.get("message").map(|m| m.trim()).unwrap_or("");
    if message.chars().count() > 2000 {
        return Err(FormRefusal::Fields(FieldErrors::from([(
            "message",
            FieldError::TooLong,
        )])));
    }
    let (draft, current) = change_drafts(db, &change).await?;
    let submitter = db.user_by_id(change.submitted_by).await?;
    let locale = submitter
        .as_ref()
        .and_then(|u| crate::locale::parse(&u.locale))
        .unwrap_or_default();
    let note = |outcome: &str| NewMessage {
        recipient: submitter
            .as_ref()
            .map(|u| u.email.clone())
            .unwrap_or_default(),
        subject: td_string!(locale, mail_review_subject, name = draft.name.clone()).to_string(),
        body: td_string!(
            locale,
            mail_review_body,
            outcome = outcome.to_string(),
            message = message.to_string(),
            link = format!("{base_url}/{}/dashboard", locale.as_str())
        )
        .to_string(),
    };
    let now = ts(now);
    let done = match decision {
        Review::Reject | Review::SendBack => {
            if message.is_empty() {
                return Err(FormRefusal::Fields(FieldErrors::from([(
                    "message",
                    FieldError::Required,
                )])));
            }
            let (state, outcome) = match decision {
                Review::Reject => ("rejected", td_string!(locale, change_state_rejected)),
                _ => (
                    "changes_requested",
                    td_string!(locale, change_state_changes_requested),
                ),
            };
            db.decide_change(change.id, state, message, user.id, &note(outcome), &now)
                .await?
        }
        Review::Accept => {
            let org = db
                .organisation(change.organisation_id)
                .await?
                .ok_or(FormRefusal::Forbidden)?;
            if org.status != "verified" {
                return Err(FormRefusal::Form(FormError::OrganisationNotVerified));
            }
            let city = db.city(&change.city).await?.ok_or(FormRefusal::Forbidden)?;
            let slug = match change.listing_id {
                Some(id) => db
                    .place_by_id(id)
                    .await?
                    .map(|p| p.slug)
                    .ok_or(FormRefusal::Forbidden)?,
                None => unique_slug(db, &city.slug, &draft.name_en).await?,
            };
            let mut place = to_new_place(&draft, &slug, &city, org.website.clone(), &now[..10]);
            place.district = district_of(geo, &place).await;
            let diff = diff_text(current.as_ref(), &draft);
            let outcome = td_string!(locale, change_state_accepted);
            db.accept_place_change(
                change.id,
                org.id,
                &place,
                &diff,
                user.id,
                &note(outcome),
                &now,
            )
            .await?
            .is_some()
        }
    };
    if done {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}

async fn unique_slug(db: &Db, city: &str, name_en: &str) -> Result<String, sqlx::Error> {
    let base = slug_for(name_en);
    let mut slug = base.clone();
    let mut n = 2;
    while db.slug_taken(city, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// The municipal district of a place's point (Prague's address data).
async fn district_of(geo: &Arc<Geo>, place: &crate::db::NewPlace) -> Option<String> {
    match (place.lat, place.lon) {
        (Some(lat), Some(lon)) => geo.district(&place.city, lat, lon).await,
        _ => None,
    }
}

/// The diff of a change as audit text, one "field: old → new" per line.
fn diff_text(current: Option<&PlaceDraft>, draft: &PlaceDraft) -> String {
    PlaceDraft::diff(current, draft)
        .into_iter()
        .map(|(f, a, b)| format!("{f}: {a} → {b}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A moderator edits a place directly: published at once, the diff and the
/// optional note recorded in the audit log, the organisation's members told.
pub async fn edit_place(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = crate::form_post::id_field(values, "place").ok_or(FormRefusal::Forbidden)?;
    let row = db.place_by_id(id).await?.ok_or(FormRefusal::Forbidden)?;
    if !can_moderate(user, &row.city) {
        return Err(FormRefusal::Forbidden);
    }
    let city = db.city(&row.city).await?.ok_or(FormRefusal::Forbidden)?;
    let note = values.get("note").map(|n| n.trim()).unwrap_or("");
    if note.chars().count() > 2000 {
        return Err(FormRefusal::Fields(FieldErrors::from([(
            "note",
            FieldError::TooLong,
        )])));
    }
    let draft = parse_draft(values, &city).map_err(FormRefusal::Fields)?;
    let texts = db.place_descriptions(id).await?;
    let current = draft_of(&row, &texts, &city.local_lang);
    let stamp = ts(now);
    let mut place = to_new_place(&draft, &row.slug, &city, None, &stamp[..10]);
    // What the edit does not touch stays as it was.
    place.sources = row.source_list();
    place.source_date = row.source_date.clone();
    place.status = row.status.clone();
    place.district = if (place.lat, place.lon) == (row.lat, row.lon) {
        row.district.clone()
    } else {
        district_of(geo, &place).await
    };
    place.last_verified = row.last_verified.clone();
    let diff = diff_text(Some(&current), &draft);
    let mut messages = Vec::new();
    if let Some(org) = db.place_organisation(id).await? {
        for (email, lang) in db.members_of(org).await? {
            let locale = crate::locale::parse(&lang).unwrap_or_default();
            messages.push(NewMessage {
                recipient: email,
                subject: td_string!(locale, mail_edited_subject, name = draft.name.clone())
                    .to_string(),
                body: td_string!(
                    locale,
                    mail_edited_body,
                    name = draft.name.clone(),
                    changes = diff.clone(),
                    link = format!(
                        "{base_url}/{}/{}/places/{}",
                        locale.as_str(),
                        row.city,
                        row.slug
                    )
                )
                .to_string(),
            });
        }
    }
    let reason = Some(note).filter(|n| !n.is_empty());
    db.edit_place(&place, &diff, user.id, reason, &messages, &stamp)
        .await?;
    Ok(())
}
