//! Listings, pages and feeds of events: the window a request asks for,
//! filters, occurrences expanded inside the window only, pages.
use super::model::*;
use super::query::{EventQuery, When, MAX_WINDOW_DAYS};
use crate::db::{CachedEvent, Db, PlaceLabel};
use crate::error::AppError;
use crate::places::search;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The most occurrences one listing gathers before paging.
const MAX_GATHERED: usize = 20_000;

/// The local dates (inclusive) and UTC instants `[from, to)` of a query.
pub struct Window {
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

fn midnight(tz: Tz, d: NaiveDate) -> DateTime<Utc> {
    tz.from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| d.and_time(chrono::NaiveTime::MIN).and_utc())
}

pub fn window(q: &EventQuery, tz: Tz, now: DateTime<Utc>) -> Result<Window, AppError> {
    let today = now.with_timezone(&tz).date_naive();
    let date = |s: &Option<String>| {
        s.as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let (from_date, to_date) = match q.when {
        When::Today => (today, today),
        When::Week => (today, today + Duration::days(6)),
        When::Month => (today, today + Duration::days(29)),
        When::Range => {
            let from = date(&q.from).unwrap_or(today);
            let to = date(&q.to).unwrap_or(from + Duration::days(29));
            (from, to)
        }
    };
    if (to_date - from_date).num_days() >= MAX_WINDOW_DAYS {
        return Err(AppError::BadParam {
            param: "to".into(),
            message: format!("the window may span at most {MAX_WINDOW_DAYS} days"),
        });
    }
    // "Today" starts now, so what has already ended drops out.
    let start = midnight(tz, from_date);
    let from = if from_date == today {
        start.max(now)
    } else {
        start
    };
    Ok(Window {
        from_date,
        to_date,
        from,
        to: midnight(tz, to_date + Duration::days(1)),
    })
}

/// The title in the page's language: the original in the city's language,
/// the English one otherwise (when there is one).
pub fn title_for(row: &crate::db::EventRow, lang: &str, local_lang: &str) -> String {
    if lang == local_lang || row.title_en.trim().is_empty() {
        row.title.clone()
    } else {
        row.title_en.clone()
    }
}

/// Whether an event passes the filters; `keep_cancelled` for feeds, where a
/// cancelled series must stay (marked) so calendars drop it.
fn matches(
    e: &CachedEvent,
    q: &EventQuery,
    terms: &[String],
    place: Option<&PlaceLabel>,
    keep_cancelled: bool,
) -> bool {
    let r = &e.row;
    let district = r
        .district
        .as_deref()
        .or(place.and_then(|p| p.district.as_deref()));
    q.category.as_ref().is_none_or(|c| &r.category == c)
        && q.lang
            .as_ref()
            .is_none_or(|l| r.languages.contains(&format!(",{l},")))
        && (!q.free || r.free != 0)
        && (!q.no_czech || r.no_czech != 0)
        && (!q.children || r.children != 0)
        && q.organisation.is_none_or(|o| r.organisation_id == Some(o))
        && q.district
            .as_ref()
            .is_none_or(|d| district == Some(d.as_str()))
        && (keep_cancelled || r.status != "cancelled")
        && terms.iter().all(|t| r.search_text.contains(t.as_str()))
}

fn local_text(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn item(
    e: &CachedEvent,
    o: &super::recurrence::Occurrence,
    tz: Tz,
    lang: &str,
    local_lang: &str,
    places: &HashMap<i64, PlaceLabel>,
) -> OccurrenceItem {
    let r = &e.row;
    let place = r.place_id.and_then(|id| places.get(&id));
    let venue = match place {
        Some(p) if lang != local_lang && !p.name_en.is_empty() => Some(p.name_en.clone()),
        Some(p) => Some(p.name.clone()),
        None => r.address.clone().filter(|a| !a.trim().is_empty()),
    };
    OccurrenceItem {
        slug: r.slug.clone(),
        title: title_for(r, lang, local_lang),
        category: r.category.clone(),
        start: local_text(o.start, tz),
        end: local_text(o.end, tz),
        weekday: chrono::Datelike::weekday(&o.start.with_timezone(&tz)).num_days_from_monday()
            as u8,
        start_utc: rfc3339(o.start),
        end_utc: rfc3339(o.end),
        all_day: r.all_day != 0,
        cancelled: o.cancelled || r.status == "cancelled",
        recurring: r.rrule.as_deref().is_some_and(|x| !x.is_empty()),
        venue,
        online: r.online_url.is_some(),
        district: r
            .district
            .clone()
            .or(place.and_then(|p| p.district.clone())),
        languages: r.language_list(),
        no_czech: r.no_czech != 0,
        free: r.free != 0,
        price: r.price.clone(),
        children: r.children != 0,
    }
}

/// Occurrences of the city's events matching `q` inside its window, one page.
pub async fn listing(
    db: &Db,
    city_slug: &str,
    q: &EventQuery,
    lang: &str,
    now: DateTime<Utc>,
) -> Result<EventListing, AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let tz: Tz = city.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let w = window(q, tz, now)?;
    let snapshot = db.published_events(city_slug).await?;
    let places = db.place_labels(city_slug).await?;
    let terms = q.q.as_deref().map(search::terms).unwrap_or_default();
    let from_text = rfc3339(w.from);
    let to_text = rfc3339(w.to);
    // Occurrences as (start, event index, occurrence); the displayed items
    // are built for the requested page only.
    let mut gathered: Vec<(DateTime<Utc>, usize, super::recurrence::Occurrence)> = Vec::new();
    let mut districts: Vec<String> = Vec::new();
    let mut languages: Vec<String> = Vec::new();
    for (index, e) in snapshot.events.iter().enumerate() {
        for l in e.row.language_list() {
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let place = e.row.place_id.and_then(|id| places.get(&id));
        if let Some(d) = e
            .row
            .district
            .as_deref()
            .or(place.and_then(|p| p.district.as_deref()))
        {
            if !districts.iter().any(|x| x == d) {
                districts.push(d.to_string());
            }
        }
        // Series that end before the window or start after it are skipped
        // without expanding them.
        if e.row.first_start_utc >= to_text
            || e.row
                .last_end_utc
                .as_deref()
                .is_some_and(|end| end <= from_text.as_str())
            || !matches(e, q, &terms, place, false)
        {
            continue;
        }
        let Some(schedule) = &e.schedule else {
            continue;
        };
        let room = MAX_GATHERED
            .saturating_sub(gathered.len())
            .min(u16::MAX as usize) as u16;
        for o in schedule.between(w.from, w.to, room).unwrap_or_default() {
            gathered.push((o.start, index, o));
        }
    }
    // By start, then by event (a stable order for pages).
    gathered.sort_unstable_by_key(|(start, index, _)| (*start, snapshot.events[*index].row.id));
    districts.sort();
    languages.sort();
    let total = gathered.len();
    let per_page = q.per_page.max(1);
    let skip = (q.page.max(1) as usize - 1) * per_page as usize;
    let items = gathered
        .iter()
        .skip(skip)
        .take(per_page as usize)
        .map(|(_, index, o)| {
            item(
                &snapshot.events[*index],
                o,
                tz,
                lang,
                &city.local_lang,
                &places,
            )
        })
        .collect();
    Ok(EventListing {
        city,
        items,
        total,
        page: q.page.max(1),
        per_page,
        from: w.from_date.to_string(),
        to: w.to_date.to_string(),
        districts,
        languages,
    })
}

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
    let row = db.event(city_slug, slug).await?.ok_or(AppError::NotFound)?;
    let tz: Tz = row.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let schedule = super::model::schedule_of(&row)
        .ok_or_else(|| AppError::Internal(format!("event {slug} has an unreadable schedule")))?;
    let places = db.place_labels(city_slug).await?;
    let cached = CachedEvent {
        row: row.clone(),
        schedule: Some(schedule.clone()),
    };
    let mut upcoming = schedule
        .between(now, now + Duration::days(3 * 366), PAGE_OCCURRENCES)
        .unwrap_or_default();
    let past = upcoming.is_empty();
    if past {
        // The last few, newest first, so a past event's page says when it was.
        let start = DateTime::parse_from_rfc3339(&row.first_start_utc)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now);
        let mut all = schedule
            .between(start, now, super::recurrence::MAX_OCCURRENCES)
            .unwrap_or_default();
        all.reverse();
        all.truncate(PAGE_OCCURRENCES as usize);
        upcoming = all;
    }
    let occurrences = upcoming
        .iter()
        .map(|o| item(&cached, o, tz, lang, &city.local_lang, &places))
        .collect();
    let texts = db.event_descriptions(row.id).await?;
    let picked = crate::places::service::pick_text(&texts, lang, &city.local_lang);
    let description_lang = picked
        .as_ref()
        .map(|(l, _)| l.clone())
        .filter(|l| l != lang);
    let description = picked.map(|(_, t)| t);
    let place = row.place_id.and_then(|id| places.get(&id));
    let organisation = match row.organisation_id {
        Some(id) => db.organisation(id).await?.map(|o| o.name),
        None => row.organiser.clone(),
    };
    let title = title_for(&row, lang, &city.local_lang);
    Ok(EventDetail {
        id: row.id,
        city: row.city.clone(),
        slug: row.slug.clone(),
        original_title: (title != row.title).then(|| row.title.clone()),
        title,
        category: row.category.clone(),
        description,
        description_lang,
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
        district: row
            .district
            .clone()
            .or(place.and_then(|p| p.district.clone())),
        all_day: row.all_day != 0,
        occurrences,
        past,
        recurring: schedule.rule.is_some(),
        cancelled: row.status == "cancelled",
        status_note: row.status_note.clone(),
        past_example: row.past_example != 0,
        languages: row.language_list(),
        no_czech: row.no_czech != 0,
        free: row.free != 0,
        price: row.price.clone(),
        children: row.children != 0,
        accessibility: row.accessibility.clone(),
        registration_url: row.registration_url.clone(),
        capacity: row.capacity,
        sources: row.source_list(),
        updated_at: row.updated_at.clone(),
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
    let places = db.place_labels(city_slug).await?;
    let mut out: Vec<OccurrenceItem> = snapshot
        .events
        .iter()
        .filter(|e| e.row.place_id == Some(place_id) && e.row.status != "cancelled")
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

/// The events a feed carries: those matching `q` whose series overlaps its
/// window (by default from 30 days ago to a year ahead), whole series.
pub async fn feed_events(
    db: &Db,
    city_slug: &str,
    q: &EventQuery,
    now: DateTime<Utc>,
) -> Result<(crate::cities::City, Vec<CachedEvent>), AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let tz: Tz = city.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let (from, to) = if q.from.is_some() || q.to.is_some() {
        let w = window(q, tz, now)?;
        (w.from, w.to)
    } else {
        (now - Duration::days(30), now + Duration::days(366))
    };
    let (from, to) = (rfc3339(from), rfc3339(to));
    let snapshot = db.published_events(city_slug).await?;
    let places = db.place_labels(city_slug).await?;
    let terms = q.q.as_deref().map(search::terms).unwrap_or_default();
    let events = snapshot
        .events
        .iter()
        .filter(|e| {
            let place = e.row.place_id.and_then(|id| places.get(&id));
            e.row.first_start_utc < to
                && e.row
                    .last_end_utc
                    .as_deref()
                    .is_none_or(|end| end > from.as_str())
                && e.schedule.is_some()
                && matches(e, q, &terms, place, true)
        })
        .cloned()
        .collect();
    Ok((city, events))
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
    let Some(schedule) = schedule_of(row) else {
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
