#![recursion_limit = "512"]
//! The Welcome Kit server: builds the axum router around the Leptos app.
use app::app::{shell, App};
use app::db::Db;
use app::state::{AppState, Config};
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::normalize_path::NormalizePathLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

pub mod cli;

/// The whole application for `state`; tests call this to spawn the real app.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let api = Router::new()
        .route("/cities", get(app::places::api::cities))
        .route("/places", get(app::places::api::places))
        .route("/places.geojson", get(app::places::api::places_geojson))
        .route("/events", get(app::events::api::events))
        .route("/opportunities", get(app::volunteering::api::opportunities))
        .route("/pack", get(app::offline::handlers::pack))
        .fallback(app::places::api::not_found);
    let leptos_options = state.leptos_options.clone();
    let secure = state.config.public_url.as_deref().is_some_and(|u| u.starts_with("https://"));
    // Static files are routed before the pages: `/{city}` would otherwise
    // claim `/map.js`. Everything under the site root is served this way.
    let site = std::path::PathBuf::from(leptos_options.site_root.as_ref());
    let mut router = Router::new()
        .nest("/api/v1", api)
        .route("/events.ics", get(app::events::api::events_ics))
        .route("/events.atom", get(app::events::api::events_atom))
        .route("/calendar/{city}/{slug}", get(app::events::api::event_ics))
        .merge(app::accounts::handlers::routes())
        .merge(app::moderation::handlers::routes())
        .merge(app::places::handlers::routes())
        .merge(app::volunteering::handlers::routes())
        .merge(app::events::handlers::routes())
        .merge(app::groups::handlers::routes())
        .merge(app::stories::handlers::routes())
        .merge(app::cities::handlers::routes())
        .merge(app::categories::handlers::routes())
        .merge(app::offline::handlers::routes());
    for (path, is_dir) in static_entries(&site) {
        let served = site.join(&path);
        router = if is_dir {
            router.nest_service(&format!("/{path}"), ServeDir::new(served))
        } else {
            router.route_service(&format!("/{path}"), ServeFile::new(served))
        };
    }
    router
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            {
                let options = leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(app::accounts::session::layer(state.db.clone(), secure))
        .layer(axum::middleware::from_fn(app::security::same_origin_writes))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // Pages set their own policy with the response's script nonce; every
        // other response (API, static files, redirects) gets the strictest.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(app::security::NON_PAGE_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // A bug in one page answers 500 instead of dropping the connection.
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

/// Top-level names in the site root (`pkg`, `vendor`, `map.js`, ...).
fn static_entries(site: &std::path::Path) -> Vec<(String, bool)> {
    std::fs::read_dir(site)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    Some((name, e.file_type().ok()?.is_dir()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What `axum::serve` runs: the router behind trailing-slash normalisation,
/// so `/uk/` and `/uk` are the same page.
pub type App = tower_http::normalize_path::NormalizePath<Router>;

pub fn app(
    state: AppState,
) -> axum::extract::connect_info::IntoMakeServiceWithConnectInfo<App, std::net::SocketAddr> {
    use axum::ServiceExt;
    let service = tower::Layer::layer(&NormalizePathLayer::trim_trailing_slash(), router(state));
    ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<std::net::SocketAddr>(
        service,
    )
}

pub fn state(db: Db, leptos_options: LeptosOptions, config: Config) -> AppState {
    let geo = Arc::new(app::geocode::Geo::new(config.address_data.clone()));
    state_with_geo(db, leptos_options, config, geo)
}

/// `state` with an address lookup that is already there (tests share one
/// parse of the address data between many app states).
pub fn state_with_geo(
    db: Db,
    leptos_options: LeptosOptions,
    config: Config,
    geo: Arc<app::geocode::Geo>,
) -> AppState {
    let limiter =
        app::limits::FormLimiter::new(config.form_posts_per_minute, config.form_posts_burst);
    AppState {
        leptos_options,
        db,
        form_limiter: Arc::new(limiter),
        geo,
        config: Arc::new(config),
        shell: |options| shell(options).into_any(),
    }
}
