//! NGO staff and city officials: accounts, organisations, sessions.
pub mod model;
pub mod server;
pub mod staff;

server_only! {
    pub mod act; pub mod handlers; pub mod members; pub mod password; pub mod service;
    pub mod session; pub mod tokens;
}
