//! What the moderation queue shows; moderators and admins only.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Queue {
    /// The city filter in force (a moderator of one city always has it).
    pub city: Option<String>,
    pub organisations: Vec<crate::values::Organisation>,
    /// (id, name) of every organisation in the asker's cities, for the filter.
    pub choices: Vec<(i64, String)>,
}

/// Organisations waiting for verification (or all, with `all`; or the one
/// chosen), of `city` or of every city the asker moderates.
#[server]
pub async fn moderation_queue(
    city: String,
    all: bool,
    organisation: Option<i64>,
) -> Result<Queue, crate::page_error::PageError> {
    let (state, city) = moderator_scope(city).await?;
    let every = state.db.organisations(city.as_deref(), None).await?;
    let choices = every.iter().map(|o| (o.id, o.name.clone())).collect();
    let organisations = every
        .into_iter()
        .filter(|o| match organisation {
            Some(id) => o.id == id,
            None => all || o.status == crate::values::OrganisationStatus::Unverified,
        })
        .collect();
    Ok(Queue { city, organisations, choices })
}

/// One row of a review diff: field, what the public sees, what is proposed.
pub type DiffRow = (String, String, String);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeItem {
    pub id: i64,
    pub kind: crate::values::ListingKind,
    pub name: String,
    pub organisation: String,
    pub organisation_status: crate::values::OrganisationStatus,
    pub city: crate::values::CitySlug,
    pub is_new: bool,
    pub created_at: String,
    pub diff: Vec<DiffRow>,
    /// False when the proposal has no coordinates (flagged for moderators).
    pub located: bool,
    /// The organisation asks to take over a listing the city imported.
    pub takeover: bool,
}

/// Pending listing changes with their diffs, for the moderation page: of a
/// kind, of an organisation, waiting longer than some days.
#[server]
pub async fn pending_changes(
    city: String,
    kind: String,
    organisation: Option<i64>,
    older_than_days: Option<i64>,
) -> Result<Vec<ChangeItem>, crate::page_error::PageError> {
    let (state, city) = moderator_scope(city).await?;
    let before = older_than_days
        .filter(|d| *d > 0)
        .map(|d| crate::values::Day::from((state.now() - chrono::Duration::days(d)).date_naive()));
    let filter = crate::db::ChangeFilter {
        city: city.as_deref(),
        kind: Some(kind.as_str()).filter(|k| crate::listing::ListingKind::parse(k).is_some()),
        organisation,
        created_before: before,
    };
    let mut items = Vec::new();
    for c in state.db.pending_changes(&filter).await? {
        let summary = crate::kinds::summarise(&state.db, &c).await?;
        let org = state.db.organisation(c.organisation_id).await?;
        items.push(ChangeItem {
            id: c.id,
            kind: c.kind,
            name: summary.title,
            organisation: org.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            organisation_status: org.map(|o| o.status).unwrap_or_default(),
            city: c.city,
            is_new: c.listing_id.is_none(),
            created_at: c.created_at.to_string(),
            located: summary.located,
            takeover: summary.takeover,
            diff: summary.diff.into_iter().map(|(f, a, b)| (f.to_string(), a, b)).collect(),
        });
    }
    Ok(items)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportItem {
    pub id: i64,
    /// place | event | opportunity
    pub listing: String,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub message: String,
    pub created_at: String,
}

/// Open problem reports of the cities the asker moderates.
#[server]
pub async fn open_reports(city: String) -> Result<Vec<ReportItem>, crate::page_error::PageError> {
    let (state, city) = moderator_scope(city).await?;
    Ok(state
        .db
        .open_reports(city.as_deref())
        .await?
        .into_iter()
        .map(|r| ReportItem {
            id: r.id,
            listing: r.listing,
            city: r.city,
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            message: r.message,
            created_at: r.created_at.to_string(),
        })
        .collect())
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaleItem {
    /// place | event | opportunity | group
    pub kind: String,
    pub id: i64,
    /// The public page's path after the city: places/…, events/…
    pub path: String,
    pub city: crate::values::CitySlug,
    pub name: String,
    pub last_verified: Option<String>,
}

/// Published listings of every kind, and public group profiles, not confirmed
/// for the configured number of days (events that have ended and closed
/// opportunities left out).
#[server]
pub async fn stale_listings(
    city: String,
) -> Result<(i64, Vec<StaleItem>), crate::page_error::PageError> {
    let (state, city) = moderator_scope(city).await?;
    let days = state.config.stale_days;
    let now = state.now();
    let items = crate::kinds::freshness::stale(&state.db, city.as_deref(), days, now)
        .await?
        .into_iter()
        .map(|(kind, path, row)| StaleItem {
            kind: kind.to_string(),
            id: row.id,
            path,
            city: row.city,
            name: row.name,
            last_verified: row.last_verified.map(|d| d.to_string()),
        })
        .collect();
    Ok((days, items))
}

/// (id, name) of the verified organisations of `city`, to give a listing
/// to; for the city's moderators only.
#[server]
pub async fn assignable_organisations(
    city: String,
) -> Result<Vec<(i64, String)>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    if !user.is_some_and(|u| u.can_moderate(&city)) {
        return Err(crate::page_error::forbidden());
    }
    let verified = Some(crate::values::OrganisationStatus::Verified);
    let orgs = state.db.organisations(Some(&city), verified).await?;
    let mut orgs: Vec<(i64, String)> = orgs.into_iter().map(|o| (o.id, o.name)).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(orgs)
}

/// Whether the asker may moderate `city` (the place page shows its
/// moderation box then). Never an error: visitors just get false.
#[server]
pub async fn may_moderate(city: String) -> Result<bool, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    Ok(user.is_some_and(|u| u.can_moderate(&city)))
}

/// What became of an item the moderator just decided on (the queue says
/// it after the redirect): a change, an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub name: String,
    pub change: Option<crate::values::ReviewState>,
    pub organisation: Option<crate::values::OrganisationStatus>,
    /// A change accepted in part.
    #[serde(default)]
    pub partly: bool,
}

/// The outcome of the decision on `what` ("change" or "organisation") `id`;
/// None for another city's or an unknown item.
#[server]
pub async fn decision_outcome(
    what: String,
    id: i64,
) -> Result<Option<Outcome>, crate::page_error::PageError> {
    let (state, city) = moderator_scope(String::new()).await?;
    let db = &state.db;
    let ours = |c: &str| city.as_deref().is_none_or(|own| own == c);
    Ok(match what.as_str() {
        "change" => match db.change(id).await? {
            Some(c) if ours(c.city.as_str()) => {
                let name = crate::kinds::summarise(db, &c).await?.title;
                let partly = c.field_outcomes.is_some();
                Some(Outcome { name, change: Some(c.state), organisation: None, partly })
            }
            _ => None,
        },
        "organisation" => match db.organisation(id).await? {
            Some(o) if ours(o.city.as_str()) => Some(Outcome {
                name: o.name,
                change: None,
                organisation: Some(o.status),
                partly: false,
            }),
            _ => None,
        },
        _ => None,
    })
}

/// The app state and the city filter for a moderator or admin asking; a
/// moderator of one city always gets that city. Anyone else: 403.
#[cfg(feature = "ssr")]
pub(crate) async fn moderator_scope(
    city: String,
) -> Result<(crate::state::AppState, Option<String>), crate::page_error::PageError> {
    use crate::accounts::model::Role;
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    let Some(user) = user.filter(|u| u.role != Role::Member) else {
        return Err(crate::page_error::forbidden());
    };
    let city = match user.moderated_city() {
        Some(own) => Some(own.to_string()),
        None => Some(city).filter(|c| !c.is_empty()),
    };
    Ok((state, city))
}
