//! The service worker and the manifests, answered by the server itself: the
//! worker with a policy that lets it fetch from this site (static files get
//! the strictest policy, under which a worker could fetch nothing), and a
//! manifest per interface language, so an installed Welcome Kit starts in
//! the language it was installed in.
use crate::i18n::{td_string, Locale};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos_i18n::Locale as _;

const WORKER: &str = include_str!("sw.js");

/// What the worker may do: fetch from this site, nothing else.
const WORKER_POLICY: &str = "default-src 'none'; connect-src 'self'; script-src 'self'";

pub fn routes() -> Router<AppState> {
    let mut router = Router::new().route("/sw.js", get(worker));
    for &l in Locale::get_all() {
        let path = format!("/{}/manifest.webmanifest", l.as_str());
        router = router.route(&path, get(move |s: State<AppState>| manifest(s, l)));
    }
    router
}

async fn worker(State(state): State<AppState>) -> Response {
    if !state.config.offline {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, WORKER_POLICY),
            // Browsers look for a new worker on every visit; never a stale one.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        WORKER,
    )
        .into_response()
}

async fn manifest(State(_state): State<AppState>, l: Locale) -> Response {
    let lang = l.as_str();
    let body = serde_json::json!({
        "name": td_string!(l, site_name),
        "short_name": td_string!(l, site_name),
        "description": td_string!(l, tagline),
        "lang": lang,
        "dir": if lang == "ar" { "rtl" } else { "ltr" },
        "start_url": format!("/{lang}"),
        "scope": "/",
        "id": format!("/{lang}"),
        "display": "standalone",
        "theme_color": "#0b5cad",
        "background_color": "#ffffff",
        "icons": [
            { "src": "/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any maskable" },
            { "src": "/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable" },
            { "src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml" }
        ]
    });
    ([(header::CONTENT_TYPE, "application/manifest+json")], body.to_string()).into_response()
}

/// `GET /api/v1/pack?city=…&lang=…`: the pages that make a city readable
/// offline in one language (its lists, every published place, the
/// stories, the events of the next 30 days and the open opportunities),
/// for "Save … for offline" to fetch; the service worker keeps each.
pub async fn pack(
    State(state): State<AppState>,
    query: crate::cities::CityQuery,
    headers: axum::http::HeaderMap,
) -> Result<Response, crate::error::AppError> {
    let city = crate::cities::known_city(&state, &query.city).await?;
    let lang = match query.params().find(|(k, _)| *k == "lang").map(|(_, v)| v) {
        None => Locale::en,
        Some(l) => crate::locale::parse(l).ok_or_else(|| crate::error::AppError::BadParam {
            param: "lang".into(),
            message: "an interface language, e.g. lang=uk".into(),
        })?,
    };
    let body = serde_json::to_string(&pack_of(&state, &city, lang).await?)
        .map_err(|e| crate::error::AppError::Internal(format!("pack: {e}")))?;
    Ok(crate::http::etag::text_with_etag(&headers, body, "application/json"))
}

#[derive(serde::Serialize)]
struct Pack {
    city: String,
    lang: &'static str,
    urls: Vec<String>,
}

async fn pack_of(
    state: &AppState,
    city: &crate::cities::City,
    lang: Locale,
) -> Result<Pack, crate::error::AppError> {
    let db = &state.db;
    let now = state.now();
    let base = format!("/{}/{}", lang.as_str(), city.slug);
    let mut urls: Vec<String> = ["", "/events", "/volunteering", "/stories", "/communities"]
        .iter()
        .map(|section| format!("{base}{section}"))
        .collect();
    urls.push(format!("/{}/offline", lang.as_str()));
    let places = db.published_places(city.slug.as_str(), &Default::default()).await?;
    urls.extend(places.iter().map(|p| format!("{base}/places/{}", p.slug)));
    let stories = db.published_stories(city.slug.as_str()).await?;
    urls.extend(stories.iter().map(|s| format!("{base}/stories/{}", s.slug)));
    let horizon = now + chrono::Duration::days(30);
    let events = db.published_events(city.slug.as_str()).await?;
    for e in &events.events {
        let next = crate::events::detail::next_dates(&e.row, now, 1);
        let soon = next.first().is_some_and(|(date, _, _)| {
            date.as_str() <= horizon.format("%Y-%m-%d").to_string().as_str()
        });
        if soon && e.row.status == crate::values::Publication::Published {
            urls.push(format!("{base}/events/{}", e.row.slug));
        }
    }
    let today = city.today(now).to_string();
    for o in db.published_opportunities(city.slug.as_str()).await? {
        let open = o.deadline.as_ref().is_none_or(|d| d.to_string() >= today);
        if open {
            urls.push(format!("{base}/volunteering/{}", o.slug));
        }
    }
    Ok(Pack { city: city.slug.to_string(), lang: lang.as_str(), urls })
}
