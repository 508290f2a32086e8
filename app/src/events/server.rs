//! Server functions of the event pages.
use super::model::{EventDetail, EventListing, OccurrenceItem};
use leptos::prelude::*;

/// One page of a city's events; `query` is the page's URL query string.
#[server]
pub async fn list_events(
    city: String,
    query: String,
    lang: String,
) -> Result<(EventListing, Vec<String>), crate::page_error::PageError> {
    use super::query::EventQuery;
    let state = crate::state::AppState::from_context()?;
    let params = crate::http::params::url_pairs(&query);
    let (mut query, mut errors) =
        EventQuery::parse(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &["view"]);
    let event = crate::values::ListingKind::Event;
    errors.extend(crate::categories::check_in_db(&state.db, event, &mut query.category).await?);
    let ignored = errors.into_iter().map(|e| e.param).collect();
    let listing = super::service::listing(&state.db, &city, &query, &lang, state.now()).await;
    // A window that is too long is cut to the longest one from its first
    // day, and the page says so.
    let listing = match listing {
        Err(crate::error::AppError::BadParam { .. }) => {
            let mut q = query.clone();
            q.to = q
                .from
                .as_deref()
                .and_then(|f| chrono::NaiveDate::parse_from_str(f, "%Y-%m-%d").ok())
                .map(|f| {
                    let last = f + chrono::Duration::days(super::query::MAX_WINDOW_DAYS - 1);
                    last.format("%Y-%m-%d").to_string()
                });
            if q.to.is_none() {
                q.from = None;
                q.when = super::query::When::Month;
            }
            super::service::listing(&state.db, &city, &q, &lang, state.now())
                .await
                .map(|l| EventListing { shortened: true, ..l })
        }
        other => other,
    };
    crate::page_error::from_service(listing).map(|l| (l, ignored))
}

#[server]
pub async fn get_event(
    city: String,
    slug: String,
    lang: String,
) -> Result<EventDetail, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let mut d = crate::page_error::from_service(
        super::detail::detail(&state.db, &city, &slug, &lang, state.now()).await,
    )?;
    d.share_url = format!("{}/{lang}/{city}/events/{slug}", crate::state::base_url(&state));
    d.tile_url = state.config.tile_url.clone();
    d.tile_attribution = state.config.tile_attribution.clone();
    d.json_ld = super::detail::json_ld(&d);
    Ok(d)
}

/// The next occurrence of each event at a place.
#[server]
pub async fn events_at_place(
    city: String,
    place: i64,
    lang: String,
) -> Result<Vec<OccurrenceItem>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    Ok(super::detail::at_place(&state.db, &city, place, &lang, state.now()).await?)
}

/// What the event form starts from: empty, or the event as it is now.
/// Members propose for their organisations; with `moderate`, a moderator of
/// the event's city edits it directly.
#[server]
pub async fn event_form(
    event: Option<i64>,
    moderate: bool,
    city: Option<String>,
    change: Option<i64>,
) -> Result<crate::listing::draft::ListingFormData, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    // The page answers 403 too, not just the message.
    use crate::page_error::forbidden;
    let user = crate::accounts::session::request_user(&state.db).await?.ok_or_else(forbidden)?;
    let blank = super::draft::EventDraft { free: true, ..Default::default() };
    let city = city.as_deref();
    let target = crate::listing::form::FormTarget { id: event, change, moderate, city };
    crate::listing::form::form_data(&state.db, &user, target, blank).await?.ok_or_else(forbidden)
}
