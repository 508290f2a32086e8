//! What the event pages and the API show: events and their occurrences.
use serde::{Deserialize, Serialize};

/// One occurrence in a listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OccurrenceItem {
    pub slug: String,
    pub title: String,
    /// The title's language (not the page's when there is no translation).
    pub title_lang: String,
    pub category: String,
    /// Local start and end, `YYYY-MM-DDTHH:MM`, in the city's zone.
    pub start: String,
    pub end: String,
    /// Local weekday of the start, 0 = Monday.
    pub weekday: u8,
    /// UTC instants (RFC 3339), for machines.
    pub start_utc: String,
    pub end_utc: String,
    pub all_day: bool,
    pub cancelled: bool,
    pub recurring: bool,
    /// The place's name or the event's own address; "online" is shown by the page.
    pub venue: Option<String>,
    pub online: bool,
    pub district: Option<String>,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub free: bool,
    pub price: Option<String>,
    pub children: bool,
    /// What it helps with: its tags, else its category's (keys of
    /// `app/needs.json`).
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventListing {
    pub city: crate::cities::City,
    pub items: Vec<OccurrenceItem>,
    /// Occurrences in the window before paging.
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    /// The window, local dates `YYYY-MM-DD` (inclusive).
    pub from: String,
    pub to: String,
    /// Districts with events in the city, for the filter.
    pub districts: Vec<String>,
    /// Languages events are held in, for the filter.
    pub languages: Vec<String>,
    /// The dates asked for spanned more than the longest window and were
    /// shortened to it.
    #[serde(default)]
    pub shortened: bool,
    /// The needs the city's events meet, to filter by.
    #[serde(default)]
    pub needs: Vec<crate::needs::NeedLabel>,
}

/// One event with what its page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub id: i64,
    pub city: crate::values::CitySlug,
    /// The city's own language ("No Slovak needed").
    pub local_lang: String,
    pub slug: String,
    pub title: String,
    pub title_lang: String,
    /// The title in the city's language when the page shows another.
    pub original_title: Option<String>,
    pub category: String,
    pub description: Option<String>,
    /// Language of the description shown, when it is not the page's.
    pub description_lang: Option<String>,
    /// The description with what to tell about its language.
    pub description_text: Option<crate::locale::content::ShownText>,
    pub organisation: Option<String>,
    /// For the organiser's own feeds.
    pub organisation_id: Option<i64>,
    pub place: Option<(String, String)>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub point: Option<(f64, f64)>,
    pub district: Option<String>,
    pub all_day: bool,
    /// The next occurrences (or the last ones, for a past event).
    pub occurrences: Vec<OccurrenceItem>,
    pub past: bool,
    pub recurring: bool,
    pub cancelled: bool,
    /// Why the organiser called off the event or its last date.
    pub status_note: Option<String>,
    pub past_example: bool,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub free: bool,
    pub price: Option<String>,
    pub children: bool,
    pub accessibility: Option<String>,
    pub registration_url: Option<String>,
    pub capacity: Option<i64>,
    pub sources: Vec<String>,
    pub updated_at: String,
    /// YYYY-MM-DD: when its organisation or a moderator last checked it.
    pub last_verified: Option<String>,
    /// The page's public address (for sharing and structured data).
    pub share_url: String,
    pub tile_url: String,
    pub tile_attribution: String,
    /// schema.org Event as JSON-LD.
    pub json_ld: String,
}
