//! Volunteering: opportunities NGOs list, and the requests of people who
//! would like to help (no account; the organisation alone reads them).
pub mod model;
pub mod query;
pub mod server;

server_only! {
    pub mod api; pub mod draft; pub mod handlers; pub mod import; pub mod interest;
    pub mod service;
}

pub use model::*;
#[cfg(feature = "ssr")]
pub mod listing;
