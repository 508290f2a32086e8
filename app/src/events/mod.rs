//! Events: conversation clubs, city walks, community lunches, festivals…
//! one-off or recurring, listed by date, with pages, iCalendar and Atom
//! feeds and a JSON API.
pub mod model;
pub mod query;
pub mod server;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod detail;
#[cfg(feature = "ssr")]
pub mod draft;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod manage;
#[cfg(test)]
mod occurrence_tests;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::*;
#[cfg(feature = "ssr")]
pub mod listing;
