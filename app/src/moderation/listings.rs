//! Listing proposals: organisations submit new places and edits; moderators
//! accept, reject or send them back. The public sees a change only once
//! accepted. Every function checks who is asking.
use super::draft::{diff, diff_text, ListingDraft};
use super::service::can_moderate;
use crate::accounts::model::{FieldError, FieldErrors, FormError};
use crate::accounts::session::CurrentUser;
use crate::cities::City;
use crate::db::{
    ChangeRow, Db, EventRow, Listing, NewChange, NewEvent, NewMessage, NewOpportunity, NewPlace,
    OpportunityRow, OrganisationRow,
};
use crate::events::draft::{
    draft_of as event_draft_of, parse_event, to_new_event, EventDraft, Venue,
};
use crate::form_post::{FormRefusal, FormValues};
use crate::geocode::Geo;
use crate::i18n::td_string;
use crate::places::draft::PlaceDraft;
use crate::places::submission::{draft_of, parse_draft, slug_for, to_new_place};
use crate::volunteering::draft::{
    draft_of as opportunity_draft_of, parse_opportunity, to_new_opportunity, OpportunityDraft,
};
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
    let org = member_organisation(db, user, values).await?;
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
    let categories = db.category_keys().await?;
    let draft = parse_draft(values, &city, &categories).map_err(FormRefusal::Fields)?;
    store_change(db, &draft, listing_id, org.id, &city.slug, user.id, now).await
}

/// The organisation named by the form's `organisation` field, if the person
/// is one of its members and it is not suspended.
pub async fn member_organisation(
    db: &Db,
    user: &CurrentUser,
    values: &FormValues,
) -> Result<OrganisationRow, FormRefusal> {
    let org_id =
        crate::form_post::id_field(values, "organisation").ok_or(FormRefusal::Forbidden)?;
    db.organisations_of(user.id)
        .await?
        .into_iter()
        .find(|o| o.id == org_id && o.status != "suspended")
        .ok_or(FormRefusal::Forbidden)
}

async fn store_change<D: ListingDraft>(
    db: &Db,
    draft: &D,
    listing_id: Option<i64>,
    organisation_id: i64,
    city: &str,
    submitted_by: i64,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let data = serde_json::to_string(draft)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    Ok(db
        .submit_change(
            &NewChange {
                kind: D::KIND,
                listing_id,
                organisation_id,
                city,
                submitted_by,
                data,
            },
            &ts(now),
        )
        .await?)
}

/// The places an organisation may hold an event or opportunity at: its own
/// in the city, and the one the listing already names.
pub async fn place_choices(
    db: &Db,
    org: i64,
    city: &str,
    current: Option<i64>,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let mut out: Vec<(i64, String)> = db
        .places_of_organisation(org)
        .await?
        .into_iter()
        .filter(|(_, c, ..)| c == city)
        .map(|(id, _, _, name, _)| (id, name))
        .collect();
    if let Some(id) = current.filter(|id| !out.iter().any(|(p, _)| p == id)) {
        if let Some(p) = db.place_by_id(id).await? {
            out.push((p.id, p.name));
        }
    }
    Ok(out)
}

/// Stores a proposed new event (no `event` value) or a proposed edit of one
/// of the organisation's events, for review.
pub async fn submit_event(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org = member_organisation(db, user, values).await?;
    let current = match crate::form_post::id_field(values, "event") {
        Some(id) => {
            let row = db.event_by_id(id).await?.ok_or(FormRefusal::Forbidden)?;
            if row.organisation_id != Some(org.id) {
                return Err(FormRefusal::Forbidden);
            }
            Some(row)
        }
        None => None,
    };
    let city_slug = current
        .as_ref()
        .map_or(org.city.clone(), |r| r.city.clone());
    let city = db.city(&city_slug).await?.ok_or(FormRefusal::Forbidden)?;
    let places = place_choices(
        db,
        org.id,
        &city.slug,
        current.as_ref().and_then(|r| r.place_id),
    )
    .await?;
    let draft = parse_event(values, &city, &places).map_err(FormRefusal::Fields)?;
    store_change(
        db,
        &draft,
        current.map(|r| r.id),
        org.id,
        &city.slug,
        user.id,
        now,
    )
    .await
}

/// Stores a proposed new opportunity or an edit of one of the
/// organisation's, for review.
pub async fn submit_opportunity(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org = member_organisation(db, user, values).await?;
    let current = match crate::form_post::id_field(values, "opportunity") {
        Some(id) => {
            let row = db
                .opportunity_by_id(id)
                .await?
                .ok_or(FormRefusal::Forbidden)?;
            if row.organisation_id != Some(org.id) {
                return Err(FormRefusal::Forbidden);
            }
            Some(row)
        }
        None => None,
    };
    let city = current
        .as_ref()
        .map_or(org.city.clone(), |r| r.city.clone());
    let places =
        place_choices(db, org.id, &city, current.as_ref().and_then(|r| r.place_id)).await?;
    let local = db
        .city(&city)
        .await?
        .map(|c| c.local_lang)
        .unwrap_or_default();
    let draft = parse_opportunity(values, &local, &places).map_err(FormRefusal::Fields)?;
    store_change(
        db,
        &draft,
        current.map(|r| r.id),
        org.id,
        &city,
        user.id,
        now,
    )
    .await
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

/// What the queue shows of a pending change of any kind.
pub struct ChangeSummary {
    pub title: String,
    pub diff: Vec<(&'static str, String, String)>,
    /// False when a place or event has no point on the map.
    pub located: bool,
}

fn decode<D: ListingDraft>(c: &ChangeRow) -> Result<D, crate::error::AppError> {
    serde_json::from_str(&c.data).map_err(|e| crate::error::AppError::Internal(e.to_string()))
}

async fn place_name(db: &Db, id: Option<i64>) -> Result<Option<String>, sqlx::Error> {
    Ok(match id {
        Some(id) => db.place_by_id(id).await?.map(|p| p.name),
        None => None,
    })
}

async fn local_lang(db: &Db, city: &str) -> Result<String, sqlx::Error> {
    Ok(db
        .city(city)
        .await?
        .map(|c| c.local_lang)
        .unwrap_or_default())
}

/// The draft of an event change and the event as the public sees it.
async fn event_drafts(
    db: &Db,
    c: &ChangeRow,
) -> Result<(EventDraft, Option<(EventRow, EventDraft)>), crate::error::AppError> {
    let draft: EventDraft = decode(c)?;
    let current = match c.listing_id {
        Some(id) => match db.event_by_id(id).await? {
            Some(row) => {
                let texts = db.event_descriptions(id).await?;
                let local = local_lang(db, &row.city).await?;
                let name = place_name(db, row.place_id).await?;
                let d = event_draft_of(&row, &texts, &local, name);
                Some((row, d))
            }
            None => None,
        },
        None => None,
    };
    Ok((draft, current))
}

async fn opportunity_drafts(
    db: &Db,
    c: &ChangeRow,
) -> Result<(OpportunityDraft, Option<(OpportunityRow, OpportunityDraft)>), crate::error::AppError>
{
    let draft: OpportunityDraft = decode(c)?;
    let current = match c.listing_id {
        Some(id) => match db.opportunity_by_id(id).await? {
            Some(row) => {
                let texts = db.opportunity_descriptions(id).await?;
                let local = local_lang(db, &row.city).await?;
                let name = place_name(db, row.place_id).await?;
                let d = opportunity_draft_of(&row, &texts, &local, name);
                Some((row, d))
            }
            None => None,
        },
        None => None,
    };
    Ok((draft, current))
}

pub async fn summarise(db: &Db, c: &ChangeRow) -> Result<ChangeSummary, crate::error::AppError> {
    Ok(match c.kind.as_str() {
        "event" => {
            let (d, cur) = event_drafts(db, c).await?;
            ChangeSummary {
                title: d.title(),
                diff: diff(cur.as_ref().map(|c| &c.1), &d),
                // Events need no point: an address or a link is enough.
                located: true,
            }
        }
        "opportunity" => {
            let (d, cur) = opportunity_drafts(db, c).await?;
            ChangeSummary {
                title: d.title(),
                diff: diff(cur.as_ref().map(|c| &c.1), &d),
                located: true,
            }
        }
        _ => {
            let (d, cur) = change_drafts(db, c).await?;
            ChangeSummary {
                title: d.title(),
                diff: diff(cur.as_ref(), &d),
                located: d.lat.is_some() && d.lon.is_some(),
            }
        }
    })
}

/// A listing ready to publish, with the audit diff.
enum Prepared {
    Place(NewPlace),
    Event(NewEvent),
    Opportunity(NewOpportunity),
}

impl Prepared {
    fn listing(&self) -> Listing<'_> {
        match self {
            Prepared::Place(p) => Listing::Place(p),
            Prepared::Event(e) => Listing::Event(e),
            Prepared::Opportunity(o) => Listing::Opportunity(o),
        }
    }
}

/// What accepting `change` publishes: the listing and the diff.
async fn prepare(
    db: &Db,
    geo: &Arc<Geo>,
    change: &ChangeRow,
    org: &OrganisationRow,
    now: &str,
) -> Result<(Prepared, String), FormRefusal> {
    let city = db.city(&change.city).await?.ok_or(FormRefusal::Forbidden)?;
    let internal = |e: String| FormRefusal::Internal(crate::error::AppError::Internal(e));
    Ok(match change.kind.as_str() {
        "event" => {
            let (draft, current) = event_drafts(db, change).await?;
            let slug = match &current {
                Some((row, _)) => row.slug.clone(),
                None => unique_slug(db, "event", &city.slug, &draft.title_en).await?,
            };
            let venue = venue_of(db, draft.place).await?;
            let e = to_new_event(
                &draft,
                &slug,
                &city,
                (Some(org.id), Some(org.name.clone())),
                venue,
                current.as_ref().map(|c| &c.0),
            )
            .map_err(internal)?;
            let d = diff_text(current.as_ref().map(|c| &c.1), &draft);
            (Prepared::Event(e), d)
        }
        "opportunity" => {
            let (draft, current) = opportunity_drafts(db, change).await?;
            let slug = match &current {
                Some((row, _)) => row.slug.clone(),
                None => unique_slug(db, "opportunity", &city.slug, &draft.title_en).await?,
            };
            let o = to_new_opportunity(
                &draft,
                &slug,
                &city,
                (Some(org.id), Some(org.name.clone())),
                current.as_ref().map(|c| &c.0),
            );
            let d = diff_text(current.as_ref().map(|c| &c.1), &draft);
            (Prepared::Opportunity(o), d)
        }
        _ => {
            let (draft, current) = change_drafts(db, change).await?;
            let slug = match change.listing_id {
                Some(id) => db
                    .place_by_id(id)
                    .await?
                    .map(|p| p.slug)
                    .ok_or(FormRefusal::Forbidden)?,
                None => unique_slug(db, "place", &city.slug, &draft.name_en).await?,
            };
            let mut place = to_new_place(&draft, &slug, &city, org.website.clone(), &now[..10]);
            place.district = district_of(geo, &city, &place).await;
            (Prepared::Place(place), diff_text(current.as_ref(), &draft))
        }
    })
}

/// Where an event at a place is: the place's point and district.
async fn venue_of(db: &Db, place: Option<i64>) -> Result<Venue, sqlx::Error> {
    let row = match place {
        Some(id) => db.place_by_id(id).await?,
        None => None,
    };
    Ok(Venue {
        lat: row.as_ref().and_then(|p| p.lat),
        lon: row.as_ref().and_then(|p| p.lon),
        district: row.and_then(|p| p.district),
    })
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
    let title = summarise(db, &change).await?.title;
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
            let (listing, diff) = prepare(db, geo, &change, &org, &now).await?;
            let outcome = td_string!(locale, change_state_accepted);
            db.accept_change(
                change.id,
                org.id,
                listing.listing(),
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

async fn unique_slug(
    db: &Db,
    kind: &str,
    city: &str,
    name_en: &str,
) -> Result<String, sqlx::Error> {
    let base = slug_for(name_en);
    let mut slug = base.clone();
    let mut n = 2;
    while db.listing_slug_taken(kind, city, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// The municipal district of a place's point, where the city's address
/// lookup knows districts.
async fn district_of(geo: &Arc<Geo>, city: &City, place: &crate::db::NewPlace) -> Option<String> {
    match (place.lat, place.lon) {
        (Some(lat), Some(lon)) => geo.district(city, lat, lon).await,
        _ => None,
    }
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
    let note = edit_note(values)?;
    let categories = db.category_keys().await?;
    let draft = parse_draft(values, &city, &categories).map_err(FormRefusal::Fields)?;
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
        district_of(geo, &city, &place).await
    };
    place.last_verified = row.last_verified.clone();
    let diff = diff_text(Some(&current), &draft);
    let link = format!("/{}/places/{}", row.city, row.slug);
    let owner = db.place_organisation(id).await?;
    let messages = edited_notes(db, owner, &draft.name, &diff, base_url, &link).await?;
    let reason = Some(note).filter(|n| !n.is_empty());
    db.edit_listing(
        Listing::Place(&place),
        &diff,
        user.id,
        reason,
        &messages,
        &stamp,
    )
    .await?;
    Ok(())
}

/// A moderator's optional note on a direct edit.
fn edit_note(values: &FormValues) -> Result<&str, FormRefusal> {
    let note = values.get("note").map(|n| n.trim()).unwrap_or("");
    if note.chars().count() > 2000 {
        return Err(FormRefusal::Fields(FieldErrors::from([(
            "note",
            FieldError::TooLong,
        )])));
    }
    Ok(note)
}

/// The messages telling an organisation's members that a moderator changed
/// their listing (`link`: the listing's page, without language).
async fn edited_notes(
    db: &Db,
    org: Option<i64>,
    name: &str,
    diff: &str,
    base_url: &str,
    link: &str,
) -> Result<Vec<NewMessage>, sqlx::Error> {
    let mut messages = Vec::new();
    if let Some(org) = org {
        for (email, lang) in db.members_of(org).await? {
            let locale = crate::locale::parse(&lang).unwrap_or_default();
            messages.push(NewMessage {
                recipient: email,
                subject: td_string!(locale, mail_edited_subject, name = name.to_string())
                    .to_string(),
                body: td_string!(
                    locale,
                    mail_edited_body,
                    name = name.to_string(),
                    changes = diff.to_string(),
                    link = format!("{base_url}/{}{link}", locale.as_str())
                )
                .to_string(),
            });
        }
    }
    Ok(messages)
}

/// The places a moderator may choose for a listing: its organisation's and
/// the one it names.
async fn choices_for(
    db: &Db,
    org: Option<i64>,
    city: &str,
    current: Option<i64>,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    match org {
        Some(org) => place_choices(db, org, city, current).await,
        None => Ok(match current {
            Some(id) => db
                .place_by_id(id)
                .await?
                .map(|p| vec![(p.id, p.name)])
                .unwrap_or_default(),
            None => Vec::new(),
        }),
    }
}

/// A moderator edits an event directly: published at once, audited, the
/// organisation told.
pub async fn edit_event(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = crate::form_post::id_field(values, "event").ok_or(FormRefusal::Forbidden)?;
    let row = db.event_by_id(id).await?.ok_or(FormRefusal::Forbidden)?;
    if !can_moderate(user, &row.city) {
        return Err(FormRefusal::Forbidden);
    }
    let city = db.city(&row.city).await?.ok_or(FormRefusal::Forbidden)?;
    let note = edit_note(values)?;
    let places = choices_for(db, row.organisation_id, &city.slug, row.place_id).await?;
    let draft = parse_event(values, &city, &places).map_err(FormRefusal::Fields)?;
    let texts = db.event_descriptions(id).await?;
    let current = event_draft_of(
        &row,
        &texts,
        &city.local_lang,
        place_name(db, row.place_id).await?,
    );
    let venue = venue_of(db, draft.place).await?;
    let event = to_new_event(
        &draft,
        &row.slug,
        &city,
        (row.organisation_id, row.organiser.clone()),
        venue,
        Some(&row),
    )
    .map_err(|e| FormRefusal::Internal(crate::error::AppError::Internal(e)))?;
    let diff = diff_text(Some(&current), &draft);
    let link = format!("/{}/events/{}", row.city, row.slug);
    let messages = edited_notes(
        db,
        row.organisation_id,
        &draft.title,
        &diff,
        base_url,
        &link,
    )
    .await?;
    let reason = Some(note).filter(|n| !n.is_empty());
    db.edit_listing(
        Listing::Event(&event),
        &diff,
        user.id,
        reason,
        &messages,
        &ts(now),
    )
    .await?;
    Ok(())
}

/// A moderator edits a volunteering opportunity directly.
pub async fn edit_opportunity(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = crate::form_post::id_field(values, "opportunity").ok_or(FormRefusal::Forbidden)?;
    let row = db
        .opportunity_by_id(id)
        .await?
        .ok_or(FormRefusal::Forbidden)?;
    if !can_moderate(user, &row.city) {
        return Err(FormRefusal::Forbidden);
    }
    let city = db.city(&row.city).await?.ok_or(FormRefusal::Forbidden)?;
    let note = edit_note(values)?;
    let places = choices_for(db, row.organisation_id, &city.slug, row.place_id).await?;
    let draft =
        parse_opportunity(values, &city.local_lang, &places).map_err(FormRefusal::Fields)?;
    let texts = db.opportunity_descriptions(id).await?;
    let current = opportunity_draft_of(
        &row,
        &texts,
        &city.local_lang,
        place_name(db, row.place_id).await?,
    );
    let o = to_new_opportunity(
        &draft,
        &row.slug,
        &city,
        (row.organisation_id, row.organiser.clone()),
        Some(&row),
    );
    let diff = diff_text(Some(&current), &draft);
    let link = format!("/{}/volunteering/{}", row.city, row.slug);
    let messages = edited_notes(
        db,
        row.organisation_id,
        &draft.title,
        &diff,
        base_url,
        &link,
    )
    .await?;
    let reason = Some(note).filter(|n| !n.is_empty());
    db.edit_listing(
        Listing::Opportunity(&o),
        &diff,
        user.id,
        reason,
        &messages,
        &ts(now),
    )
    .await?;
    Ok(())
}

/// A moderator takes an event or opportunity off the site, with a reason
/// the organisation is told.
pub async fn unpublish_listing(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let id = crate::form_post::id_field(values, "id").ok_or(FormRefusal::Forbidden)?;
    let kind = values.get("kind").map(String::as_str).unwrap_or("");
    let (city, org, title, cancelled, note) = match kind {
        "event" => {
            let r = db.event_by_id(id).await?.ok_or(FormRefusal::Forbidden)?;
            (
                r.city,
                r.organisation_id,
                r.title,
                r.cancelled_dates,
                r.status_note,
            )
        }
        "opportunity" => {
            let r = db
                .opportunity_by_id(id)
                .await?
                .ok_or(FormRefusal::Forbidden)?;
            (r.city, r.organisation_id, r.title, String::new(), None)
        }
        _ => return Err(FormRefusal::Forbidden),
    };
    if !can_moderate(user, &city) {
        return Err(FormRefusal::Forbidden);
    }
    let reason = values.get("reason").map(|r| r.trim()).unwrap_or("");
    if reason.is_empty() || reason.chars().count() > 2000 {
        let e = if reason.is_empty() {
            FieldError::Required
        } else {
            FieldError::TooLong
        };
        return Err(FormRefusal::Fields(FieldErrors::from([("reason", e)])));
    }
    let mut messages = Vec::new();
    if let Some(org) = org {
        for (email, lang) in db.members_of(org).await? {
            let locale = crate::locale::parse(&lang).unwrap_or_default();
            messages.push(NewMessage {
                recipient: email,
                subject: td_string!(locale, mail_unpublished_subject, name = title.clone())
                    .to_string(),
                body: td_string!(
                    locale,
                    mail_unpublished_body,
                    name = title.clone(),
                    reason = reason.to_string()
                )
                .to_string(),
            });
        }
    }
    let state = crate::db::ListingState {
        status: "unpublished",
        cancelled_dates: &cancelled,
        note: note.as_deref(),
        details: String::new(),
    };
    db.set_listing_state(
        kind,
        id,
        &state,
        user.id,
        "unpublished",
        Some(reason),
        &messages,
        &ts(now),
    )
    .await?;
    Ok(())
}

/// Who may fill in an event or opportunity form, and with what choices.
pub struct FormStart {
    /// (id, name) of the organisations a member proposes for (empty for a
    /// moderator's direct edit).
    pub organisations: Vec<(i64, String)>,
    pub places: Vec<(i64, String)>,
    /// The city's language (its description has a field of its own).
    pub local_lang: String,
}

/// The listing's owner, city and place when editing one; None for a new
/// listing. Returns None when the person may not use the form.
pub async fn form_start(
    db: &Db,
    user: &CurrentUser,
    existing: Option<(Option<i64>, String, Option<i64>)>,
    moderate: bool,
) -> Result<Option<FormStart>, sqlx::Error> {
    if moderate {
        let Some((org, city, place)) = existing.filter(|(_, c, _)| can_moderate(user, c)) else {
            return Ok(None);
        };
        return Ok(Some(FormStart {
            organisations: Vec::new(),
            places: choices_for(db, org, &city, place).await?,
            local_lang: local_lang(db, &city).await?,
        }));
    }
    let orgs: Vec<OrganisationRow> = db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .filter(|o| o.status != "suspended")
        .filter(|o| match &existing {
            Some((owner, ..)) => Some(o.id) == *owner,
            None => true,
        })
        .collect();
    if orgs.is_empty() {
        return Ok(None);
    }
    let mut places = Vec::new();
    for o in &orgs {
        let (city, current) = match &existing {
            Some((_, c, p)) => (c.clone(), *p),
            None => (o.city.clone(), None),
        };
        for p in place_choices(db, o.id, &city, current).await? {
            if !places.contains(&p) {
                places.push(p);
            }
        }
    }
    let city = match &existing {
        Some((_, c, _)) => c.clone(),
        None => orgs[0].city.clone(),
    };
    Ok(Some(FormStart {
        organisations: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
        places,
        local_lang: local_lang(db, &city).await?,
    }))
}
