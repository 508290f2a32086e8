//! Mother-tongue community groups: organisations of kind `community_group`
//! publish a profile (languages, description, channels). Members propose
//! it, a moderator of the group's city approves or rejects it, and the
//! approved profile of a verified group is listed on `/{lang}/{city}/communities`
//! under each language it uses.
pub mod model;
pub mod server;

server_only! {
    pub mod freshness; pub mod handlers; pub mod import; pub mod profile; pub mod service;
}

pub use model::*;
