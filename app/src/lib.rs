//! Welcome Kit: the Leptos application (pages, components, server functions)
//! and, behind the `ssr` feature, the domain services and data layer.
#![recursion_limit = "512"]

/// Declares modules that exist in the server build only (data layer,
/// services, handlers): one attribute for the lot instead of one a line.
macro_rules! server_only {
    ($($v:vis mod $m:ident;)*) => { $( #[cfg(feature = "ssr")] $v mod $m; )* };
}

/// A form's POST route (`http::form_post::FormRoute`): `handler` is an
/// async fn of the form's locale, state, session, request parts and values,
/// then any further arguments given; `limited` marks a rate-limited form,
/// `limited shown_at PAGE` one posted to its own address that the page
/// `PAGE(values)` shows.
#[cfg(feature = "ssr")]
macro_rules! form_route {
    ($path:literal, $handler:path, limited) => {
        form_route!(@ $path, true, None, $handler,)
    };
    ($path:literal, $handler:path, limited shown_at $page:path) => {
        form_route!(@ $path, true, Some($page), $handler,)
    };
    ($path:literal, $handler:path $(, $arg:expr)*) => {
        form_route!(@ $path, false, None, $handler, $($arg),*)
    };
    (@ $path:literal, $limited:expr, $page:expr, $handler:path, $($arg:expr),*) => {
        $crate::http::form_post::FormRoute {
            path: $path,
            handler: |l, s, se, p, v| Box::pin($handler(l, s, se, p, v $(, $arg)*)),
            limited: $limited,
            page: $page,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod accounts;
pub mod app;
pub mod categories;
pub mod cities;
pub mod components;
pub mod events;
pub mod forms;
pub mod groups;
pub mod http;
pub mod kinds;
pub mod listing;
pub mod locale;
pub mod moderation;
pub mod needs;
pub mod offline;
pub mod page_error;
pub mod pages;
pub mod places;
pub mod stories;
pub mod values;
pub mod volunteering;

server_only! {
    pub mod calendar; pub mod db; pub mod demo; pub mod error; pub mod geocode; pub mod limits;
    pub mod mail; pub mod search; pub mod security; pub mod state;
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
