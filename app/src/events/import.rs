//! Reading events in the demo/import format (data/demo/events.json): every
//! record is checked (category, dates, recurrence rule, place) before
//! anything is written, and the first problem names its record and field.
use crate::cities::City;
use crate::db::schedule_of;
use crate::db::{EventRow, NewEvent};
use crate::search;
use crate::values::CitySlug;
use crate::values::Publication;
use crate::values::Timestamp;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    slug: String,
    city: CitySlug,
    organiser: Option<String>,
    category: String,
    title: String,
    title_en: Option<String>,
    /// Titles in other languages, by language code.
    #[serde(default)]
    titles: BTreeMap<String, String>,
    place: Option<String>,
    address: Option<String>,
    online_url: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    district: Option<String>,
    starts: String,
    minutes: i64,
    #[serde(default)]
    all_day: bool,
    rrule: Option<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    cancelled: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    no_czech: bool,
    #[serde(default = "yes")]
    free: bool,
    price: Option<String>,
    #[serde(default)]
    children: bool,
    accessibility: Option<String>,
    registration_url: Option<String>,
    capacity: Option<i64>,
    #[serde(default)]
    past_example: bool,
    #[serde(default)]
    description: BTreeMap<String, String>,
    #[serde(default)]
    sources: Vec<String>,
    /// What it helps with (keys of `app/needs.json`); without it, what its
    /// category stands for.
    needs: Option<Vec<String>>,
}

fn yes() -> bool {
    true
}

/// `places`: (city, slug) → place id, for events held at a place; `kinds`:
/// the event categories' keys.
pub fn parse_events(
    json: &str,
    cities: &[City],
    places: &HashMap<(String, String), i64>,
    kinds: &[String],
) -> Result<Vec<NewEvent>, String> {
    let raw: Vec<RawEvent> =
        serde_json::from_str(json).map_err(|e| format!("not an event list: {e}"))?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let at =
            |field: &str, why: String| format!("event {} (`{}`), {field}: {why}", i + 1, r.slug);
        let city = cities
            .iter()
            .find(|c| c.slug == r.city)
            .ok_or_else(|| at("city", "unknown city".into()))?;
        if !kinds.contains(&r.category) {
            return Err(at("category", format!("one of {}", kinds.join(", "))));
        }
        if let Some(unknown) = r.needs.iter().flatten().find(|n| crate::needs::find(n).is_none()) {
            return Err(at("needs", format!("unknown need `{unknown}`")));
        }
        let place_id = match &r.place {
            Some(p) => Some(
                *places
                    .get(&(r.city.to_string(), p.clone()))
                    .ok_or_else(|| at("place", format!("no place `{p}` in {}", r.city)))?,
            ),
            None => None,
        };
        let mut text = vec![
            r.title.clone(),
            r.title_en.clone().unwrap_or_default(),
            r.organiser.clone().unwrap_or_default(),
        ];
        text.extend(r.titles.values().cloned());
        text.extend(r.description.values().cloned());
        text.extend(r.address.clone());
        let mut e = NewEvent {
            city: r.city.clone(),
            slug: r.slug.clone(),
            organiser: r.organiser.clone(),
            place_id,
            category: r.category.clone(),
            title: r.title.clone(),
            title_en: r.title_en.clone().unwrap_or_default(),
            title_translations: r.titles.clone(),
            address: r.address.clone(),
            online_url: r.online_url.clone(),
            lat: r.lat,
            lon: r.lon,
            district: r.district.clone(),
            starts_local: r.starts.clone(),
            duration_minutes: r.minutes,
            all_day: r.all_day,
            timezone: city.timezone.clone(),
            rrule: r.rrule.clone(),
            exceptions: r.exceptions.clone(),
            cancelled_dates: r.cancelled.clone(),
            languages: r.languages.clone(),
            no_czech: r.no_czech,
            free: r.free,
            price: r.price.clone(),
            children: r.children,
            accessibility: r.accessibility.clone(),
            registration_url: r.registration_url.clone(),
            capacity: r.capacity,
            status: Publication::Published,
            past_example: r.past_example,
            sources: r.sources.clone(),
            search_text: search::normalize(&text.join(" ")),
            descriptions: r.description.into_iter().collect(),
            needs: r.needs,
            ..Default::default()
        };
        set_bounds(&mut e).map_err(|why| at("starts/rrule", why))?;
        out.push(e);
    }
    Ok(out)
}

/// Checks the schedule and stores where the series begins and ends (UTC).
pub fn set_bounds(e: &mut NewEvent) -> Result<(), String> {
    if e.duration_minutes < 1 || e.duration_minutes > 60 * 24 * 31 {
        return Err("the length must be 1 minute to 31 days".into());
    }
    // A row only to expand the schedule: the city plays no part (a form
    // being checked has none yet).
    let row = EventRow {
        id: 0,
        city: e.city.clone(),
        slug: e.slug.clone(),
        organisation_id: None,
        organiser: None,
        place_id: None,
        category: String::new(),
        title: String::new(),
        title_en: String::new(),
        title_translations: "{}".into(),
        address: None,
        online_url: None,
        lat: None,
        lon: None,
        district: None,
        starts_local: e.starts_local.clone(),
        duration_minutes: e.duration_minutes,
        all_day: e.all_day,
        timezone: e.timezone.clone(),
        rrule: e.rrule.clone(),
        exceptions: e.exceptions.join(","),
        cancelled_dates: e.cancelled_dates.join(","),
        languages: Default::default(),
        no_czech: false,
        free: false,
        price: None,
        children: false,
        accessibility: None,
        registration_url: None,
        capacity: None,
        status: Publication::Published,
        status_note: None,
        past_example: false,
        sources: String::new(),
        first_start_utc: Timestamp::default(),
        last_end_utc: None,
        search_text: String::new(),
        // Only the schedule of this row is read.
        updated_at: Timestamp::default(),
        last_verified: None,
    };
    let schedule =
        schedule_of(&row).ok_or("start (YYYY-MM-DDTHH:MM), zone or recurrence rule not valid")?;
    let first = schedule
        .between(
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
            1,
        )
        .ok()
        .and_then(|v| v.into_iter().next())
        .map(|o| o.start)
        .ok_or("the series has no occurrence")?;
    e.first_start_utc = Timestamp::from(first);
    e.last_end_utc = schedule.last_end().map_err(|err| err.to_string())?.map(Timestamp::from);
    Ok(())
}
