//! Machine-readable events: `GET /api/v1/events` (JSON, paginated, ETag),
//! `GET /events.ics` and `GET /events.atom` for any filtered view (and per
//! organisation with `organisation=`), and `GET /calendar/{city}/{slug}` for
//! one event's .ics. Bad parameters get 400 naming the parameter.
use super::ics::{calendar, IcsEvent};
use super::query::EventQuery;
use super::service;
use crate::cities::{known_city, refuse, unknown_city, City, CityQuery};
use crate::db::CachedEvent;
use crate::error::AppError;
use crate::http::etag::text_with_etag;
use crate::http::params::pairs;
use crate::i18n::{td_string, Locale};
use crate::state::{base_url_from, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos_i18n::Locale as _;

/// The filters of a request (without `city`), or 400.
async fn query_of(state: &AppState, query: &CityQuery) -> Result<EventQuery, AppError> {
    let (mut q, mut errors) = EventQuery::parse(query.params(), &[]);
    let event = crate::values::ListingKind::Event;
    errors.extend(crate::categories::check_in_db(&state.db, event, &mut q.category).await?);
    refuse(errors)?;
    Ok(q)
}

/// The language texts are shown in: the `lang` filter when it is a UI
/// language, else English.
fn locale_of(q: &EventQuery) -> Locale {
    q.lang.as_deref().and_then(crate::locale::parse).unwrap_or(Locale::en)
}

pub async fn events(
    State(state): State<AppState>,
    query: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let q = query_of(&state, &query).await?;
    let city = query.city;
    let lang = locale_of(&q);
    // The listing looks the city up first, so an unknown one is reported
    // as before without a query of its own.
    let listing = match service::listing(&state.db, &city, &q, lang.as_str(), state.now()).await {
        Err(AppError::NotFound) => return Err(unknown_city(&city)),
        other => other?,
    };
    let body = serde_json::to_string(&EventsBody {
        city: &city,
        from: &listing.from,
        to: &listing.to,
        timezone: &listing.city.timezone,
        total: listing.total,
        page: listing.page,
        per_page: listing.per_page,
        occurrences: &listing.items,
    })
    .map_err(|e| AppError::Internal(format!("events body: {e}")))?;
    Ok(text_with_etag(&headers, body, "application/json"))
}

/// The body of `GET /api/v1/events`, serialized directly (a
/// `serde_json::Value` of the page's items showed up in a profile).
#[derive(serde::Serialize)]
struct EventsBody<'a> {
    city: &'a str,
    from: &'a str,
    to: &'a str,
    timezone: &'a str,
    total: usize,
    page: u32,
    per_page: u32,
    occurrences: &'a [super::model::OccurrenceItem],
}

fn host_of(base: &str) -> String {
    base.split("://").nth(1).unwrap_or(base).trim_end_matches('/').to_string()
}

fn ics_entries<'a>(
    events: &'a [CachedEvent],
    lang: &str,
    local_lang: &str,
    base: &str,
    descriptions: &'a [Option<String>],
    locations: &'a [Option<String>],
) -> Vec<IcsEvent<'a>> {
    events
        .iter()
        .zip(descriptions)
        .zip(locations)
        .map(|((e, d), l)| IcsEvent {
            row: &e.row,
            title: service::title_for(&e.row, lang, local_lang).0,
            description: d.clone(),
            location: l.clone(),
            url: format!("{base}/{lang}/{}/events/{}", e.row.city, e.row.slug),
        })
        .collect()
}

/// Description and location of each event, in `lang` where there is one.
async fn texts(
    state: &AppState,
    events: &[CachedEvent],
    lang: &str,
    local_lang: &str,
) -> Result<(Vec<Option<String>>, Vec<Option<String>>), AppError> {
    let city = events.first().map(|e| e.row.city.clone()).unwrap_or_default();
    let places = state.db.place_labels(&city).await?;
    let mut descriptions = Vec::with_capacity(events.len());
    let mut locations = Vec::with_capacity(events.len());
    for e in events {
        let all = state.db.descriptions(crate::values::ListingKind::Event, e.row.id).await?;
        descriptions
            .push(crate::locale::content::pick_text(&all, lang, local_lang).map(|(_, t)| t));
        let place = e.row.place_id.and_then(|id| places.get(&id));
        let location = match (place, &e.row.address, &e.row.online_url) {
            (Some(p), _, _) => Some(format!("{}, {}", p.name, p.address)),
            (None, Some(a), _) => Some(a.clone()),
            (None, None, Some(u)) => Some(u.clone()),
            _ => None,
        };
        locations.push(location);
    }
    Ok((descriptions, locations))
}

fn calendar_response(body: String, filename: Option<&str>) -> Response {
    let mut resp = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"))],
        body,
    )
        .into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    if let Some(name) = filename {
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.ics\"")) {
            resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    resp
}

/// What a feed of a filtered view shows: its filters (400 when one is
/// wrong), the city (404 when unknown), its events, the feed's language.
async fn feed_of(
    state: &AppState,
    query: &CityQuery,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(City, Vec<CachedEvent>, Locale), AppError> {
    let q = query_of(state, query).await?;
    known_city(state, &query.city).await?;
    let (city, events) = service::feed_events(&state.db, &query.city, &q, now).await?;
    Ok((city, events, locale_of(&q)))
}

/// `events` as an .ics calendar named `name` (None: after its first event),
/// a download named after `slug` when given.
async fn ics(
    state: &AppState,
    (events, city, lang): (&[CachedEvent], &City, &str),
    headers: &HeaderMap,
    name: Option<String>,
    slug: Option<&str>,
) -> Result<Response, AppError> {
    let base = base_url_from(state, headers);
    let (d, l) = texts(state, events, lang, &city.local_lang).await?;
    let entries = ics_entries(events, lang, &city.local_lang, &base, &d, &l);
    let name = name.or_else(|| entries.first().map(|e| e.title.clone())).unwrap_or_default();
    Ok(calendar_response(calendar(&name, &entries, &host_of(&base)), slug))
}

/// `/events.ics?city=…&…`: a subscribable calendar of a filtered view.
pub async fn events_ics(
    State(state): State<AppState>,
    query: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (city, events, locale) = feed_of(&state, &query, state.now()).await?;
    let lang = locale.as_str();
    let name = td_string!(locale, feed_events_title, city = city_name(&city, lang)).to_string();
    ics(&state, (&events, &city, lang), &headers, Some(name), None).await
}

/// `/calendar/{city}/{slug}`: one event as an .ics download.
pub async fn event_ics(
    State(state): State<AppState>,
    Path((city, slug)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let pairs = pairs(&raw);
    let locale = pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| crate::locale::parse(v))
        .unwrap_or(Locale::en);
    let city = state.db.city(&city).await?.ok_or(AppError::NotFound)?;
    let row = state
        .db
        .public_row::<crate::db::EventRow>(&city.slug, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let events =
        vec![CachedEvent { schedule: crate::db::schedule_of(&row), row, needs: Vec::new() }];
    ics(&state, (&events, &city, locale.as_str()), &headers, None, Some(&slug)).await
}

fn city_name(city: &crate::cities::City, lang: &str) -> String {
    if lang == city.local_lang {
        city.name_local.clone()
    } else {
        city.name_en.clone()
    }
}

/// `/events.atom?city=…&…`: the same view as an Atom feed, one entry per event.
pub async fn events_atom(
    State(state): State<AppState>,
    query: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    use atom_syndication::{Entry, Feed, Link, Person, Text};
    let now = state.now();
    let (city, events, locale) = feed_of(&state, &query, now).await?;
    let lang = locale.as_str();
    let base = base_url_from(&state, &headers);
    let (descriptions, _) = texts(&state, &events, lang, &city.local_lang).await?;
    let link = |href: String, rel: &str| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel.to_string());
        l
    };
    let mut entries = Vec::new();
    let mut newest = None;
    for (e, d) in events.iter().zip(descriptions) {
        let url = format!("{base}/{lang}/{}/events/{}", e.row.city, e.row.slug);
        let mut entry = Entry::default();
        entry.set_title(service::title_for(&e.row, lang, &city.local_lang).0);
        entry.set_id(url.clone());
        let updated = e.row.updated_at.utc().fixed_offset();
        newest = newest.max(Some(updated));
        entry.set_updated(updated);
        entry.set_links(vec![link(url, "alternate")]);
        let next = e
            .schedule
            .as_ref()
            .and_then(|s| s.between(now, now + chrono::Duration::days(366), 1).ok())
            .and_then(|v| v.into_iter().next())
            .map(|o| {
                o.start
                    .with_timezone(
                        &e.row
                            .timezone
                            .parse::<chrono_tz::Tz>()
                            .unwrap_or(chrono_tz::Europe::Prague),
                    )
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            });
        let summary = match (next, d) {
            (Some(n), Some(d)) => format!("{n} · {d}"),
            (Some(n), None) => n,
            (None, Some(d)) => d,
            (None, None) => String::new(),
        };
        entry.set_summary(Some(Text::plain(summary)));
        if let Some(o) = &e.row.organiser {
            let mut p = Person::default();
            p.set_name(o.clone());
            entry.set_authors(vec![p]);
        }
        entries.push(entry);
    }
    let self_url = format!("{base}/events.atom?{}", query.raw);
    let mut feed = Feed::default();
    feed.set_title(
        td_string!(locale, feed_events_title, city = city_name(&city, lang)).to_string(),
    );
    feed.set_id(self_url.clone());
    feed.set_updated(newest.unwrap_or_else(|| now.fixed_offset()));
    feed.set_lang(Some(lang.to_string()));
    let mut author = Person::default();
    author.set_name("Welcome Kit".to_string());
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(self_url, "self"),
        link(format!("{base}/{lang}/{}/events", city.slug), "alternate"),
    ]);
    feed.set_entries(entries);
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"))],
        feed.to_string(),
    )
        .into_response())
}
