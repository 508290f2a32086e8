//! Events: conversation clubs, city walks, community lunches, festivals…
//! one-off or recurring, listed by date, with pages, iCalendar and Atom
//! feeds and a JSON API.
pub mod model;
pub mod query;
pub mod server;

server_only! {
    pub mod api; pub mod detail; pub mod draft; pub mod handlers; pub mod ics; pub mod import;
    pub mod manage;
}
#[cfg(test)]
mod occurrence_tests;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::*;
#[cfg(feature = "ssr")]
pub mod listing;
