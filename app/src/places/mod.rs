//! The map's places: model, filters, server functions and pages.
pub mod draft;
pub mod model;
pub mod query;
pub mod server;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod hours;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod submission;

pub use model::*;
pub use query::*;
#[cfg(feature = "ssr")]
pub mod listing;
