//! The map's places: model, filters, server functions and pages.
pub mod draft;
pub mod hours_editor;
pub mod model;
pub mod query;
pub mod server;

server_only! {
    pub mod api; pub mod handlers; pub mod hours; pub mod import; pub mod phone; pub mod service;
    pub mod submission;
}

pub use model::*;
pub use query::*;
#[cfg(feature = "ssr")]
pub mod listing;
