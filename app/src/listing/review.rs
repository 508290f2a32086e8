//! A moderator's review of a proposal: what it changes, field by field, and
//! the decision (accept and publish, send back, reject), each with a message
//! to the person who proposed it.
use super::core::{local_lang, Listing, Publish};
use super::draft::{diff, diff_json, merge_fields};
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::db::{ChangeRow, Db, FieldOutcomes, NewMessage, PartAccepted, Written};
use crate::error::AppError;
use crate::geocode::Geo;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::i18n::td_string;
use crate::values::Organisation;
use crate::values::OrganisationStatus;
use crate::values::ReviewState;
use crate::values::Timestamp;
use chrono::{DateTime, Utc};
use leptos_i18n::Locale as _;
use std::sync::Arc;

pub enum Review {
    Accept,
    Reject,
    SendBack,
    /// Accept the fields ticked in `accept_field`, send the rest back.
    ByField,
}

/// What the queue shows of a pending change of any kind.
pub struct ChangeSummary {
    pub title: String,
    pub diff: Vec<(&'static str, String, String)>,
    /// False when a place has no point on the map.
    pub located: bool,
    /// The listing has no organisation yet (the city imported it): accepting
    /// gives it to the proposing organisation.
    pub takeover: bool,
}

/// The proposed draft, and the listing with its draft as the public sees it
/// now (None for a new listing or one that is gone).
async fn drafts<D: Listing>(db: &Db, c: &ChangeRow) -> Result<(D, Option<(D::Row, D)>), AppError> {
    let draft: D = serde_json::from_str(&c.data).map_err(|e| AppError::Internal(e.to_string()))?;
    let row = match c.listing_id {
        Some(id) => D::row(db, id).await?,
        None => None,
    };
    let current = match row {
        Some(row) => {
            let local = local_lang(db, D::facts(&row).city).await?;
            let d = D::current(db, &row, &local).await?;
            Some((row, d))
        }
        None => None,
    };
    Ok((draft, current))
}

/// What the queue shows of a change of kind `D`.
pub async fn summarise<D: Listing>(db: &Db, c: &ChangeRow) -> Result<ChangeSummary, AppError> {
    let (d, current) = drafts::<D>(db, c).await?;
    let takeover = match &current {
        Some((row, _)) => D::owner(db, row).await?.is_none(),
        None => false,
    };
    Ok(ChangeSummary {
        title: d.title(),
        diff: diff(current.as_ref().map(|c| &c.1), &d),
        located: d.located(),
        takeover,
    })
}

/// Publishes the change (or, with `part`, only its accepted fields): the
/// listing, its audit entry with the diff and the note to the submitter, in
/// one transaction. False when another moderator decided first.
#[allow(clippy::too_many_arguments)]
async fn accept<D: Listing>(
    db: &Db,
    geo: &Arc<Geo>,
    change: &ChangeRow,
    org: &Organisation,
    moderator: i64,
    note: &NewMessage,
    now: Timestamp,
    part: Option<PartAccepted<'_>>,
) -> Result<bool, FormRefusal> {
    let city = db.city(&change.city).await?.ok_or(FormRefusal::Forbidden)?;
    let (mut draft, current) = drafts::<D>(db, change).await?;
    if let (Some(p), Some((_, now_public))) = (&part, &current) {
        let accepted: Vec<&str> = p.outcomes.accepted.iter().map(String::as_str).collect();
        draft = merge_fields(now_public, &draft, &accepted)
            .ok_or_else(|| AppError::Internal("draft not merged".into()))?;
    }
    let diff = diff_json(current.as_ref().map(|c| &c.1), &draft);
    let today = city.today(now.utc());
    for _ in 0..SLUG_TRIES {
        let slug = match &current {
            Some((row, _)) => D::facts(row).slug.to_string(),
            None => unique_slug(db, D::KIND, &city.slug, &draft.slug_source()).await?,
        };
        let publish = Publish {
            slug: &slug,
            city: &city,
            current: current.as_ref().map(|c| &c.0),
            organisation: Some(org),
            geo,
            today,
        };
        let new = draft.publish(db, publish).await?;
        let write = D::write(&new);
        let part = part.as_ref().map(|p| PartAccepted { message: p.message, outcomes: p.outcomes });
        match db
            .accept_change(change.id, org.id, write, &diff, moderator, note, now, today, part)
            .await?
        {
            Written::Done(_) => return Ok(true),
            Written::AlreadyDecided => return Ok(false),
            Written::SlugTaken => continue,
        }
    }
    Err(no_free_slug())
}

/// How often a new listing's slug is chosen again when another listing
/// took it between choosing and writing (two listings with one English name
/// published at the same moment).
pub(super) const SLUG_TRIES: usize = 3;

pub(super) fn no_free_slug() -> FormRefusal {
    sqlx::Error::Protocol(format!("no free slug after {SLUG_TRIES} tries")).into()
}

/// A URL-safe, readable slug from the English name (`fallback` when it
/// has no letters or digits).
pub(crate) fn slug_from(name_en: &str, fallback: &str) -> String {
    let s = crate::search::normalize(name_en).replace(' ', "-");
    let s: String = s.chars().take(60).collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        fallback.into()
    } else {
        s
    }
}

/// A slug no listing of the kind in the city has yet.
pub(super) async fn unique_slug(
    db: &Db,
    kind: super::ListingKind,
    city: &str,
    name_en: &str,
) -> Result<String, sqlx::Error> {
    let base = slug_from(name_en, kind.as_str());
    let mut slug = base.clone();
    let mut n = 2;
    while db.listing_slug_taken(kind, city, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// The moderator's message: required to reject or send back, never longer
/// than 2,000 characters.
pub(crate) fn decision_message(values: &FormValues, required: bool) -> Result<&str, FormRefusal> {
    let message = values.get("message").map(|m| m.trim()).unwrap_or("");
    let error = if message.chars().count() > 2000 {
        Some(FieldError::TooLong)
    } else if required && message.is_empty() {
        Some(FieldError::Required)
    } else {
        None
    };
    match error {
        Some(e) => Err(FormRefusal::Fields(FieldErrors::from([("message", e)]))),
        None => Ok(message),
    }
}

/// A moderator's decision on a pending change of kind `D`.
#[allow(clippy::too_many_arguments)]
pub async fn review<D: Listing>(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    change: ChangeRow,
    values: &FormValues,
    decision: Review,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(&change.city) {
        return Err(FormRefusal::Forbidden);
    }
    if change.state != ReviewState::Pending {
        return Err(FormRefusal::Form(FormError::AlreadyDecided));
    }
    let summary = summarise::<D>(db, &change).await?;
    // Field by field: every field ticked is an acceptance, none a sending
    // back; only a mix is decided in part.
    let mut outcomes = FieldOutcomes::default();
    let decision = match decision {
        Review::ByField => {
            let ticked = values.get("accept_field").map(String::as_str).unwrap_or("");
            let ticked: Vec<&str> = ticked.split(',').map(str::trim).collect();
            for (field, _, _) in &summary.diff {
                let list = if ticked.contains(field) {
                    &mut outcomes.accepted
                } else {
                    &mut outcomes.sent_back
                };
                list.push(field.to_string());
            }
            if change.listing_id.is_none() {
                return Err(FormRefusal::Form(FormError::WholeNewListing));
            }
            match (outcomes.accepted.is_empty(), outcomes.sent_back.is_empty()) {
                (true, _) => Review::SendBack,
                (false, true) => Review::Accept,
                (false, false) => Review::ByField,
            }
        }
        other => other,
    };
    let message = decision_message(values, !matches!(decision, Review::Accept))?;
    let title = summary.title;
    let submitter = db.user_by_id(change.submitted_by).await?;
    let locale =
        submitter.as_ref().and_then(|u| crate::locale::parse(&u.locale)).unwrap_or_default();
    let note = |outcome: &str| NewMessage {
        recipient: submitter.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        subject: td_string!(locale, mail_review_subject, name = title.clone()).to_string(),
        body: td_string!(
            locale,
            mail_review_body,
            outcome = outcome.to_string(),
            message = message.to_string(),
            link = format!("{base_url}/{}/dashboard", locale.as_str())
        )
        .to_string(),
    };
    let now = Timestamp::from(now);
    let done = match decision {
        Review::Reject => {
            let outcome = td_string!(locale, change_state_rejected);
            db.decide_change(
                change.id,
                ReviewState::Rejected,
                message,
                user.id,
                &note(outcome),
                now,
            )
            .await?
        }
        Review::SendBack => {
            let outcome = td_string!(locale, change_state_changes_requested);
            let n = note(outcome);
            db.decide_change(change.id, ReviewState::ChangesRequested, message, user.id, &n, now)
                .await?
        }
        Review::Accept => {
            let org =
                db.organisation(change.organisation_id).await?.ok_or(FormRefusal::Forbidden)?;
            if org.status != OrganisationStatus::Verified {
                return Err(FormRefusal::Form(FormError::OrganisationNotVerified));
            }
            let n = note(td_string!(locale, change_state_accepted));
            accept::<D>(db, geo, &change, &org, user.id, &n, now, None).await?
        }
        Review::ByField => {
            let org =
                db.organisation(change.organisation_id).await?.ok_or(FormRefusal::Forbidden)?;
            if org.status != OrganisationStatus::Verified {
                return Err(FormRefusal::Form(FormError::OrganisationNotVerified));
            }
            let n = note(td_string!(locale, change_state_partly_accepted));
            let part = PartAccepted { message, outcomes: &outcomes };
            accept::<D>(db, geo, &change, &org, user.id, &n, now, Some(part)).await?
        }
    };
    if done {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}
