//! One event's page: its next occurrences (or the last ones once it is
//! over), the occurrences at a place, and the page's structured data.
use super::model::*;
use crate::values::Publication;

use super::service::{item, title_for};
use crate::db::{CachedEvent, Db};
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// How many occurrences an event page lists.
pub const PAGE_OCCURRENCES: u16 = 8;

/// One event's page: the next occurrences, or the last ones once it is over.
pub async fn detail(
    db: &Db,
    city_slug: &str,
    slug: &str,
    lang: &str,
    now: DateTime<Utc>,
) -> Result<EventDetail, AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let row =
        db.public_row::<crate::db::EventRow>(city_slug, slug).await?.ok_or(AppError::NotFound)?;
    let tz: Tz = row.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let schedule = crate::db::schedule_of(&row)
        .ok_or_else(|| AppError::Internal(format!("event {slug} has an unreadable schedule")))?;
    let places = db.shared_place_labels(city_slug).await?;
    let cached =
        CachedEvent { row: row.clone(), schedule: Some(schedule.clone()), needs: Vec::new() };
    let mut upcoming =
        schedule.between(now, now + Duration::days(3 * 366), PAGE_OCCURRENCES).unwrap_or_default();
    let past = upcoming.is_empty();
    if past {
        // The last few, newest first, so a past event's page says when it was.
        let start = row.first_start_utc.utc();
        let mut all = schedule
            .between(start, now, crate::calendar::recurrence::MAX_OCCURRENCES)
            .unwrap_or_default();
        all.reverse();
        all.truncate(PAGE_OCCURRENCES as usize);
        upcoming = all;
    }
    let occurrences =
        upcoming.iter().map(|o| item(&cached, o, tz, lang, &city.local_lang, &places)).collect();
    let texts = db.listing_texts(crate::db::TextTable::Event, row.id).await?;
    let description_text = crate::locale::content::show(&texts, lang, &city.local_lang);
    let description_lang = description_text.as_ref().filter(|t| t.fallback).map(|t| t.lang.clone());
    let description = description_text.as_ref().map(|t| t.body.clone());
    let place = row.place_id.and_then(|id| places.get(&id));
    let organisation = match row.organisation_id {
        Some(id) => db.organisation(id).await?.map(|o| o.name),
        None => row.organiser.clone(),
    };
    let (title, title_lang) = title_for(&row, lang, &city.local_lang);
    Ok(EventDetail {
        id: row.id,
        city: row.city.clone(),
        local_lang: city.local_lang.clone(),
        slug: row.slug.clone(),
        original_title: (title != row.title).then(|| row.title.clone()),
        title,
        title_lang,
        category: row.category.clone(),
        description,
        description_lang,
        description_text,
        organisation,
        organisation_id: row.organisation_id,
        place: place.map(|p| {
            let name = if lang != city.local_lang && !p.name_en.is_empty() {
                p.name_en.clone()
            } else {
                p.name.clone()
            };
            (p.slug.clone(), name)
        }),
        address: row
            .address
            .clone()
            .or(place.map(|p| p.address.clone()))
            .filter(|a| !a.trim().is_empty()),
        online_url: row.online_url.clone(),
        point: row.lat.zip(row.lon).or(place.and_then(|p| p.point)),
        district: row.district.clone().or(place.and_then(|p| p.district.clone())),
        all_day: row.all_day,
        occurrences,
        past,
        recurring: schedule.rule.is_some(),
        cancelled: row.status == Publication::Cancelled,
        status_note: row.status_note.clone(),
        past_example: row.past_example,
        languages: row.language_list(),
        no_czech: row.no_czech,
        free: row.free,
        price: row.price.clone(),
        children: row.children,
        accessibility: row.accessibility.clone(),
        registration_url: row.registration_url.clone(),
        capacity: row.capacity,
        sources: row.source_list(),
        updated_at: row.updated_at.to_string(),
        last_verified: row.last_verified.map(|d| d.to_string()),
        share_url: String::new(),
        tile_url: String::new(),
        tile_attribution: String::new(),
        json_ld: String::new(),
    })
}

/// The next occurrence of each upcoming event at a place (for its page).
pub async fn at_place(
    db: &Db,
    city_slug: &str,
    place_id: i64,
    lang: &str,
    now: DateTime<Utc>,
) -> Result<Vec<OccurrenceItem>, AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let tz: Tz = city.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let snapshot = db.published_events(city_slug).await?;
    let places = db.shared_place_labels(city_slug).await?;
    let mut out: Vec<OccurrenceItem> = snapshot
        .events
        .iter()
        .filter(|e| e.row.place_id == Some(place_id) && e.row.status != Publication::Cancelled)
        .filter_map(|e| {
            let s = e.schedule.as_ref()?;
            let next = s
                .between(now, now + Duration::days(366), 4)
                .ok()?
                .into_iter()
                .find(|o| !o.cancelled)?;
            Some(item(e, &next, tz, lang, &city.local_lang, &places))
        })
        .collect();
    out.sort_by(|a, b| a.start_utc.cmp(&b.start_utc));
    Ok(out)
}

/// schema.org Event for an event page (what link previews and search
/// engines read), with the next occurrence as its start.
pub fn json_ld(d: &EventDetail) -> String {
    let next = d.occurrences.first();
    let location = match (&d.place, &d.address, &d.online_url) {
        (_, _, Some(url)) if d.address.is_none() && d.place.is_none() => serde_json::json!({
            "@type": "VirtualLocation", "url": url,
        }),
        (place, address, _) => serde_json::json!({
            "@type": "Place",
            "name": place.as_ref().map(|p| p.1.clone()).or(address.clone()).unwrap_or_default(),
            "address": address.clone().unwrap_or_default(),
            "geo": d.point.map(|(lat, lon)| serde_json::json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon})),
        }),
    };
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": d.title,
        "url": d.share_url,
        "description": d.description.clone().unwrap_or_default(),
        "startDate": next.map(|o| o.start_utc.clone()),
        "endDate": next.map(|o| o.end_utc.clone()),
        "eventStatus": if d.cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "eventAttendanceMode": if d.online_url.is_some() && d.address.is_none() { "https://schema.org/OnlineEventAttendanceMode" } else { "https://schema.org/OfflineEventAttendanceMode" },
        "location": location,
        "inLanguage": d.languages,
        "isAccessibleForFree": d.free,
    });
    if let Some(o) = &d.organisation {
        v["organizer"] = serde_json::json!({"@type": "Organization", "name": o});
    }
    // A JSON string cannot end the script element early.
    v.to_string().replace("</", "<\\/")
}

/// The next dates of an event (for its organisation's dashboard): (local
/// date, local start, cancelled).
pub fn next_dates(
    row: &crate::db::EventRow,
    now: DateTime<Utc>,
    limit: u16,
) -> Vec<(String, String, bool)> {
    let Some(schedule) = crate::db::schedule_of(row) else {
        return Vec::new();
    };
    schedule
        .between(now, now + Duration::days(400), limit)
        .unwrap_or_default()
        .into_iter()
        .map(|o| {
            let local = o.start.with_timezone(&schedule.tz);
            (
                local.format("%Y-%m-%d").to_string(),
                local.format("%Y-%m-%dT%H:%M").to_string(),
                o.cancelled,
            )
        })
        .collect()
}
