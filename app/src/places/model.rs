use crate::cities::City;
use serde::{Deserialize, Serialize};

/// One place as shown in lists, on the map and in the JSON API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceSummary {
    pub slug: String,
    pub city: crate::values::CitySlug,
    pub category: String,
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// True when the point is a street or borough centre, not the building.
    pub approximate: bool,
    pub languages: Vec<String>,
    pub wheelchair: Option<String>,
    /// None when the hours are unknown or could not be parsed.
    pub open_now: Option<bool>,
    /// Known from an older source, probably closed (listed only on request).
    #[serde(default)]
    pub historical: bool,
}

/// One page of filtered places plus what the filter form needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceListing {
    pub city: City,
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub places: Vec<PlaceSummary>,
    /// Every matching place with coordinates (all pages), for the map.
    pub markers: Vec<Marker>,
    pub districts: Vec<String>,
    pub languages: Vec<String>,
    /// Names of filter parameters that were not understood and were ignored.
    pub ignored: Vec<String>,
    pub tile_url: String,
    pub tile_attribution: String,
    /// The needs to filter by, named in every language.
    #[serde(default)]
    pub needs: Vec<crate::needs::NeedLabel>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub lat: f64,
    pub lon: f64,
    pub approximate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayHours {
    /// 0 = Monday
    pub weekday: u8,
    pub date: String,
    pub is_today: bool,
    /// "08:00"–"17:00" spans when open.
    pub spans: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    pub opening_hours: Option<String>,
    pub published_text: Option<String>,
    pub open_now: Option<bool>,
    /// Local time ("HH:MM") and weekday of the next change, if within a week.
    pub next_change: Option<(u8, String)>,
    pub week: Vec<DayHours>,
    pub closed_on_holidays: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nearby {
    pub slug: String,
    pub name: String,
    pub name_en: String,
    pub category: String,
    pub metres: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryLink {
    pub slug: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceDetail {
    /// The database id (forms on the page refer to it).
    pub id: i64,
    pub summary: PlaceSummary,
    pub city: City,
    /// (language of the text, text) in the visitor's language or a fallback.
    /// The description in the visitor's language or a labelled other one.
    pub description: Option<crate::locale::content::ShownText>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Hours,
    pub coord_source: Option<String>,
    pub sources: Vec<String>,
    pub source_date: Option<String>,
    pub last_verified: Option<String>,
    /// False for a place the city imported, which an organisation may ask
    /// to manage.
    pub managed: bool,
    pub nearby: Vec<Nearby>,
    pub stories: Vec<StoryLink>,
    pub share_url: String,
}

pub use crate::values::LISTING_LANGUAGES;
