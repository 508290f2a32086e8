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
    /// When it next opens or closes, within a week.
    #[serde(default)]
    pub next_change: Option<NextChange>,
    /// Known from an older source, probably closed (listed only on request).
    #[serde(default)]
    pub historical: bool,
    /// Metres from the point the visitor sorts by (`near`), when known.
    #[serde(default)]
    pub distance_m: Option<f64>,
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
    /// The point places are sorted by distance from, when there is one.
    #[serde(default)]
    pub near: Option<(f64, f64)>,
    /// The district or address (`from`) that could not be placed.
    #[serde(default)]
    pub unplaced: Option<String>,
    /// When a search found nothing: the needs its words belong to.
    #[serde(default)]
    pub suggested_needs: Vec<String>,
    /// When a search found nothing here: (other city, places found there).
    #[serde(default)]
    pub elsewhere: Vec<(String, usize)>,
    /// What to tell of the need chosen, or of an urgent one the search is
    /// about ("call 112"), whatever places are found.
    #[serde(default)]
    pub need_notes: Vec<crate::needs::NeedNote>,
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

/// A place's phone, read on the server (see `places::phone`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// "+420252543846", for `tel:` links.
    pub e164: String,
    /// "+420 252 543 846": international, so it works from a foreign SIM.
    pub shown: String,
    /// Everything else ("(information centre, 2020)"), possibly empty.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayHours {
    /// 0 = Monday
    pub weekday: u8,
    pub date: String,
    pub is_today: bool,
    /// "08:00"–"17:00" spans when open.
    pub spans: Vec<(String, String)>,
    /// What the day's rules add ("appointment only"), once each.
    pub notes: Vec<HoursNote>,
}

/// A note attached to a day's hours in the opening-hours expression
/// (`Fr 08:00-12:00 "appointment only"`). Notes every office uses are
/// known, so each language can say them; any other is shown as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoursNote {
    Appointment,
    Text(String),
}

/// When a place next opens or closes, in the city's time: "open until
/// 15:00", "opens Wed 8:00".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextChange {
    /// Monday = 0.
    pub weekday: u8,
    /// "HH:MM"
    pub time: String,
    pub today: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    pub opening_hours: Option<String>,
    pub published_text: Option<String>,
    pub open_now: Option<bool>,
    /// When it next opens or closes, within a week.
    pub next_change: Option<NextChange>,
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
    /// As the data has it.
    pub phone: Option<String>,
    /// The number to call and its note, when `phone` holds one.
    pub phone_number: Option<Phone>,
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

/// A district's plain name: "Praha 2" of "Praha 2 (Vinohrady)", None for a
/// note such as "(not stated)". What "sort by distance from" offers and
/// understands.
pub fn district_name(district: &str) -> Option<&str> {
    let name = district.split(" (").next().unwrap_or_default().trim();
    (!name.is_empty() && !name.starts_with('(')).then_some(name)
}

/// The plain names of `districts`, each once, in order.
pub fn district_names(districts: &[String]) -> Vec<String> {
    let mut names: Vec<String> =
        districts.iter().filter_map(|d| district_name(d)).map(str::to_string).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_names_drop_notes_and_repeat_once() {
        assert_eq!(district_name("Praha 2 (Vinohrady)"), Some("Praha 2"));
        assert_eq!(district_name("(not stated – verify)"), None);
        let all =
            ["Praha 2", "Praha 2 (Nusle)", "Praha 11 (Chodov)", "(not stated)"].map(String::from);
        assert_eq!(district_names(&all), ["Praha 11", "Praha 2"]);
    }
}
