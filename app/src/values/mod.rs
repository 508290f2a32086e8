//! Small typed values shared by every layer (the data layer included): they
//! are parsed once where text enters, and stored in one representation.
mod languages;

pub use languages::{LangCode, Languages};
