//! Shared server state, provided to handlers (axum `State`) and to server
//! functions (Leptos context).
use crate::db::Db;
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct Config {
    /// Leaflet tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`.
    pub tile_url: String,
    pub tile_attribution: String,
    /// Public base URL used in share links; falls back to the request's Host.
    pub public_url: Option<String>,
    /// Account form posts (sign-in, registration, reset) per client address
    /// and minute, and the burst allowed.
    pub form_posts_per_minute: u32,
    pub form_posts_burst: u32,
    /// Listings not confirmed for this many days are flagged and reminded.
    pub stale_days: i64,
    /// SMTP server for outgoing mail (`WK_SMTP_URL`); None keeps messages in
    /// the outbox only.
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail (`WK_MAIL_FROM`).
    pub mail_from: String,
    /// Directory with the Prague address points and district polygons.
    pub address_data: Option<std::path::PathBuf>,
    /// Days an interest request is kept before it is deleted (`WK_INTEREST_DAYS`).
    pub interest_retention_days: i64,
    /// The time requests act at.
    pub clock: Clock,
    /// Offer the offline copy (manifest, service worker); `WK_OFFLINE=off`
    /// turns it off.
    pub offline: bool,
}

/// The time the app acts at: the system's, or one held still (tests set it
/// to a Tuesday morning or move it past a link's expiry, so that what
/// depends on the time is tested at a known time instead of whenever the
/// suite happens to run).
#[derive(Clone, Debug, Default)]
pub struct Clock(Option<Arc<std::sync::Mutex<chrono::DateTime<chrono::Utc>>>>);

impl Clock {
    pub fn fixed(at: chrono::DateTime<chrono::Utc>) -> Self {
        Self(Some(Arc::new(std::sync::Mutex::new(at))))
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        match &self.0 {
            Some(at) => match at.lock() {
                Ok(at) => *at,
                Err(poisoned) => *poisoned.into_inner(),
            },
            None => chrono::Utc::now(),
        }
    }

    /// Moves a fixed clock; the system clock cannot be moved.
    pub fn set(&self, to: chrono::DateTime<chrono::Utc>) {
        if let Some(at) = &self.0 {
            match at.lock() {
                Ok(mut at) => *at = to,
                Err(poisoned) => *poisoned.into_inner() = to,
            }
        }
    }

    pub fn advance(&self, by: chrono::Duration) {
        self.set(self.now() + by);
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            tile_attribution: "© OpenStreetMap contributors".into(),
            public_url: None,
            form_posts_per_minute: 10,
            form_posts_burst: 10,
            stale_days: 180,
            smtp_url: None,
            mail_from: "Welcome Kit <no-reply@localhost>".into(),
            address_data: None,
            interest_retention_days: 90,
            clock: Clock::default(),
            offline: true,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    pub form_limiter: Arc<crate::limits::FormLimiter>,
    /// Prague address lookup for the place forms.
    pub geo: Arc<crate::geocode::Geo>,
    /// The page shell, to render a refused form's page again: given by the
    /// binary that builds the router, so nothing here reaches up to it.
    pub shell: fn(LeptosOptions) -> leptos::prelude::AnyView,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// Now, by the app's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.config.clock.now()
    }

    pub fn from_context() -> Result<Self, ServerFnError> {
        use_context::<AppState>().ok_or_else(|| ServerFnError::new("application state missing"))
    }
}

/// The site's public base URL: configured, else taken from the request.
pub fn base_url(state: &AppState) -> String {
    match use_context::<axum::http::request::Parts>() {
        Some(p) => base_url_from(state, &p.headers),
        None => base_url_from(state, &axum::http::HeaderMap::new()),
    }
}

/// Like `base_url`, from a request's headers.
pub fn base_url_from(state: &AppState, headers: &axum::http::HeaderMap) -> String {
    if let Some(u) = &state.config.public_url {
        return u.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| state.leptos_options.site_addr.to_string());
    format!("http://{host}")
}
