//! Welcome Kit on a phone without a connection: the Web App Manifest (per
//! interface language), the service worker (`sw.js`, which keeps the pages
//! a visitor opened and the files they need), and the "not available
//! offline" page. `public/offline.js` registers the worker and shows what
//! it tells. A deployment turns it off with `WK_OFFLINE=off`.
server_only! {
    pub mod handlers;
}

/// Whether this deployment offers the offline copy (pages render the
/// offline notice, which `offline.js` needs to register the worker).
#[cfg(feature = "ssr")]
pub fn enabled() -> bool {
    leptos::prelude::use_context::<crate::state::AppState>().is_none_or(|s| s.config.offline)
}

#[cfg(not(feature = "ssr"))]
pub fn enabled() -> bool {
    true
}
