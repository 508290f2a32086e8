//! Volunteering: opportunities NGOs list, and the requests of people who
//! would like to help (no account; the organisation alone reads them).
pub mod model;
pub mod query;
pub mod server;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod draft;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod interest;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::*;
#[cfg(feature = "ssr")]
pub mod listing;
