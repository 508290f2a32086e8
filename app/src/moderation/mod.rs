//! City officials: verifying organisations, reviewing listings, handling
//! visitors' problem reports.

/// What a visitor can report about a listing.
pub const REPORT_KINDS: [&str; 4] = ["closed", "wrong_hours", "wrong_place", "other"];
pub mod server;

#[cfg(feature = "ssr")]
pub mod digest;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod reports;
#[cfg(feature = "ssr")]
pub mod service;
