//! Cities the app serves: their centre, bounds, time zone and local language.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub slug: String,
    pub name_local: String,
    pub name_en: String,
    /// ISO 3166 code; selects the public-holiday calendar.
    pub country: String,
    pub timezone: String,
    pub local_lang: String,
    pub center: [f64; 2],
    /// south, west, north, east
    pub bounds: [f64; 4],
    pub zoom: i64,
}

mod server;
pub use server::*;
