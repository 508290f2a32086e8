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
