//! A city the app serves, as its row reads.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub slug: super::CitySlug,
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
    /// The city's name in interface languages where it differs from the
    /// English one (language code, name).
    pub names: Vec<(String, String)>,
    /// The address lookup the city has (`ruian`: Czech address points),
    /// if any; without one, places get a map pin and typed coordinates.
    pub address_lookup: Option<String>,
}

impl City {
    /// The name a reader of `lang` knows the city by: a name given for that
    /// language, the local name for readers of the local language, else the
    /// English name.
    pub fn label(&self, lang: &str) -> String {
        if let Some((_, n)) = self.names.iter().find(|(l, _)| l == lang) {
            return n.clone();
        }
        if lang == self.local_lang {
            self.name_local.clone()
        } else {
            self.name_en.clone()
        }
    }
}

#[cfg(feature = "ssr")]
impl City {
    /// The city's calendar day at `now`: a listing confirmed at 00:30 in
    /// Prague is confirmed that day, not on the UTC day before.
    pub fn today(&self, now: chrono::DateTime<chrono::Utc>) -> super::Day {
        let tz: chrono_tz::Tz = self.timezone.parse().unwrap_or(chrono_tz::UTC);
        super::Day::from(now.with_timezone(&tz).date_naive())
    }
}
