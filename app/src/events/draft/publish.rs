//! The public event an accepted draft becomes, and the draft a stored event
//! reads back into.
use super::{EventDraft, WEEKDAYS};
use crate::cities::City;
use crate::db::{EventRow, NewEvent};
use crate::listing::fields::list;
use crate::values::Publication;
use chrono::{Duration, NaiveDateTime, TimeZone};
use std::collections::BTreeMap;

/// Sets the event's schedule fields from the draft and checks them (a rule
/// that never happens, a start the clocks skip).
pub(super) fn apply_schedule(d: &EventDraft, e: &mut NewEvent) -> Result<(), String> {
    let tz: chrono_tz::Tz = e.timezone.parse().map_err(|_| "zone".to_string())?;
    let start = d.start().ok_or("start")?;
    e.starts_local = start.format("%Y-%m-%dT%H:%M").to_string();
    e.duration_minutes = d.duration().ok_or("end")?.num_minutes();
    e.all_day = d.all_day;
    e.rrule = d.rrule(tz);
    e.exceptions = d.skip_dates.clone();
    crate::events::import::set_bounds(e)
}

/// Where an accepted event is held: the place's point and district.
pub struct Venue {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district: Option<String>,
}

/// The public event for an accepted draft. What the form does not cover
/// (cancelled dates, status, sources) comes from `keep`, the event as it is.
pub fn to_new_event(
    d: &EventDraft,
    slug: &str,
    city: &City,
    organisation: (Option<i64>, Option<String>),
    venue: Venue,
    keep: Option<&EventRow>,
) -> Result<NewEvent, String> {
    let descriptions = crate::locale::content::descriptions(
        &d.description_en,
        &d.description_local,
        &city.local_lang,
        &d.translations,
    );
    let mut text =
        vec![d.title.clone(), d.title_en.clone(), organisation.1.clone().unwrap_or_default()];
    text.extend(d.title_translations.values().cloned());
    text.extend(descriptions.iter().map(|(_, t)| t.clone()));
    text.extend(d.address.clone());
    text.extend(d.place_name.clone());
    let mut e = NewEvent {
        city: city.slug.clone(),
        slug: slug.to_string(),
        organisation_id: organisation.0,
        organiser: organisation.1,
        place_id: d.place,
        category: d.category.clone(),
        title: d.title.clone(),
        title_en: d.title_en.clone(),
        title_translations: d.title_translations.clone(),
        address: d.address.clone(),
        online_url: d.online_url.clone(),
        lat: venue.lat,
        lon: venue.lon,
        district: venue.district,
        timezone: city.timezone.clone(),
        languages: d.languages.clone(),
        needs: Some(d.needs.clone()),
        no_czech: d.no_czech,
        free: d.free,
        price: d.price.clone(),
        children: d.children,
        accessibility: d.accessibility.clone(),
        registration_url: d.registration_url.clone(),
        capacity: d.capacity,
        status: Publication::Published,
        search_text: crate::search::normalize(&text.join(" ")),
        descriptions,
        ..Default::default()
    };
    if let Some(row) = keep {
        e.cancelled_dates = row
            .cancelled_dates
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        e.status = row.status;
        e.sources = row.source_list();
        e.past_example = row.past_example;
    }
    apply_schedule(d, &mut e)?;
    Ok(e)
}

/// The draft of a stored event, to edit it or to compare with.
pub fn draft_of(
    row: &EventRow,
    descriptions: &[(String, String)],
    local_lang: &str,
    place_name: Option<String>,
) -> EventDraft {
    let text = |lang: &str| descriptions.iter().find(|(l, _)| l == lang).map(|(_, t)| t.clone());
    let start = NaiveDateTime::parse_from_str(&row.starts_local, "%Y-%m-%dT%H:%M").ok();
    let all_day = row.all_day;
    let end = start.map(|s| {
        if all_day {
            s + Duration::minutes(row.duration_minutes) - Duration::days(1)
        } else {
            s + Duration::minutes(row.duration_minutes)
        }
    });
    let tz: chrono_tz::Tz = row.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let (repeat, weekdays, until, rule) = repeat_of(row.rrule.as_deref(), start, tz);
    let end_date = end
        .map(|e| e.format("%Y-%m-%d").to_string())
        .filter(|e| start.map(|s| s.format("%Y-%m-%d").to_string()).as_ref() != Some(e))
        .unwrap_or_default();
    EventDraft {
        title: row.title.clone(),
        title_en: row.title_en.clone(),
        category: row.category.clone(),
        place: row.place_id,
        place_name,
        address: row.address.clone(),
        online_url: row.online_url.clone(),
        date: start.map(|s| s.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        time: match (all_day, start) {
            (false, Some(s)) => s.format("%H:%M").to_string(),
            _ => String::new(),
        },
        end_date,
        end_time: match (all_day, end) {
            (false, Some(e)) => e.format("%H:%M").to_string(),
            _ => String::new(),
        },
        all_day,
        repeat,
        weekdays,
        until,
        rule,
        skip_dates: list(&row.exceptions),
        languages: row.language_list(),
        // The tags are read apart (`Listing::current`).
        needs: Vec::new(),
        no_czech: row.no_czech,
        free: row.free,
        price: row.price.clone(),
        children: row.children,
        accessibility: row.accessibility.clone(),
        registration_url: row.registration_url.clone(),
        capacity: row.capacity,
        description_en: text("en"),
        description_local: text(local_lang),
        translations: crate::locale::content::translations_of(descriptions, local_lang),
        title_translations: crate::locale::content::translations_from_json(&row.title_translations),
    }
}

/// The form's repetition for a stored rule: (repeat, weekdays, until,
/// custom rule). Anything the form cannot say stays a custom rule, so an
/// edit never changes a schedule by accident.
fn repeat_of(
    rule: Option<&str>,
    start: Option<NaiveDateTime>,
    tz: chrono_tz::Tz,
) -> (String, Vec<String>, Option<String>, Option<String>) {
    let Some(rule) = rule.map(str::trim).filter(|r| !r.is_empty()) else {
        return (String::new(), Vec::new(), None, None);
    };
    let custom = || ("custom".to_string(), Vec::new(), None, Some(rule.to_string()));
    let Some(start) = start else {
        return custom();
    };
    let parts: BTreeMap<&str, &str> =
        rule.trim_start_matches("RRULE:").split(';').filter_map(|p| p.split_once('=')).collect();
    if parts.keys().any(|k| !["FREQ", "INTERVAL", "BYDAY", "UNTIL"].contains(k)) {
        return custom();
    }
    let until = match parts.get("UNTIL") {
        None => None,
        Some(u) => match NaiveDateTime::parse_from_str(u, "%Y%m%dT%H%M%SZ") {
            Ok(t) => Some(tz.from_utc_datetime(&t).date_naive().format("%Y-%m-%d").to_string()),
            Err(_) => return custom(),
        },
    };
    let byday: Vec<&str> = parts.get("BYDAY").map(|d| d.split(',').collect()).unwrap_or_default();
    let repeat = match (parts.get("FREQ").copied(), parts.get("INTERVAL").copied().unwrap_or("1")) {
        (Some("WEEKLY"), "1" | "2") if byday.iter().all(|d| WEEKDAYS.contains(d)) => {
            if parts.get("INTERVAL") == Some(&"2") {
                "biweekly"
            } else {
                "weekly"
            }
        }
        (Some("MONTHLY"), "1") if byday.len() == 1 => "monthly_candidate",
        _ => return custom(),
    };
    let mut draft = EventDraft {
        date: start.format("%Y-%m-%d").to_string(),
        time: start.format("%H:%M").to_string(),
        weekdays: byday.iter().map(|d| d.to_string()).collect(),
        until: until.clone(),
        ..Default::default()
    };
    // Accept the reading only if the form would write the same rule back.
    let candidates: &[&str] =
        if repeat == "monthly_candidate" { &["monthly", "monthly_last"] } else { &[repeat] };
    for c in candidates {
        draft.repeat = c.to_string();
        if draft.rrule(tz).as_deref() == Some(rule) {
            let weekdays =
                if c.starts_with("monthly") { Vec::new() } else { draft.weekdays.clone() };
            return (c.to_string(), weekdays, until, None);
        }
    }
    custom()
}
