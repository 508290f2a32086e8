//! City officials: verifying organisations, reviewing listings, handling
//! visitors' problem reports.

/// What a visitor can report about a listing.
pub const REPORT_KINDS: [&str; 4] = ["closed", "wrong_hours", "wrong_place", "other"];
pub mod audit;
pub mod server;
pub mod statistics;

server_only! {
    pub mod digest; pub mod handlers; pub mod reports; pub mod service;
}
