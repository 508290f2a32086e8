//! Events: stored rows, their descriptions, and each city's published events
//! as a snapshot (with parsed schedules) reloaded when `events_version`
//! moves, like places.
use super::Tx;
use super::{now_stamp, Db};
use crate::calendar::occurrences::OccurrenceIndex;
use crate::calendar::recurrence::Schedule;
use crate::values::CitySlug;
use crate::values::{Day, Timestamp};
use crate::values::{Flag, Languages};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use sqlx::FromRow;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug, PartialEq, FromRow)]
pub struct EventRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub organisation_id: Option<i64>,
    pub organiser: Option<String>,
    pub place_id: Option<i64>,
    pub category: String,
    pub title: String,
    pub title_en: String,
    /// JSON: language → title (see locale::content::pick_title).
    pub title_translations: String,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district: Option<String>,
    pub starts_local: String,
    pub duration_minutes: i64,
    #[sqlx(try_from = "crate::values::Flag")]
    pub all_day: bool,
    pub timezone: String,
    pub rrule: Option<String>,
    pub exceptions: String,
    pub cancelled_dates: String,
    pub languages: Languages,
    #[sqlx(try_from = "crate::values::Flag")]
    pub no_czech: bool,
    #[sqlx(try_from = "crate::values::Flag")]
    pub free: bool,
    pub price: Option<String>,
    #[sqlx(try_from = "crate::values::Flag")]
    pub children: bool,
    pub accessibility: Option<String>,
    pub registration_url: Option<String>,
    pub capacity: Option<i64>,
    pub status: crate::values::Publication,
    pub status_note: Option<String>,
    #[sqlx(try_from = "crate::values::Flag")]
    pub past_example: bool,
    pub sources: String,
    pub first_start_utc: Timestamp,
    pub last_end_utc: Option<Timestamp>,
    pub search_text: String,
    pub updated_at: Timestamp,
    /// YYYY-MM-DD; until first confirmed, the day it was last written.
    pub last_verified: Option<Day>,
}

impl EventRow {
    pub fn language_list(&self) -> Vec<String> {
        self.languages.codes()
    }

    pub fn source_list(&self) -> Vec<String> {
        self.sources.lines().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }
}

const EVENT_COLUMNS: &str =
    "id, city, slug, organisation_id, organiser, place_id, category, title, title_en, \
     title_translations, address, online_url, lat, lon, district, starts_local, duration_minutes, all_day, timezone, \
     rrule, exceptions, cancelled_dates, languages, no_czech, free, price, children, \
     accessibility, registration_url, capacity, status, status_note, past_example, sources, \
     first_start_utc, last_end_utc, search_text, updated_at, \
     COALESCE(last_verified, substr(updated_at, 1, 10)) AS last_verified";

impl super::StoredRow for EventRow {
    const KIND: crate::values::ListingKind = crate::values::ListingKind::Event;
    const COLUMNS: &'static str = EVENT_COLUMNS;
    const PUBLIC: &'static str = "status <> 'unpublished'";
    const ORDER: &'static str = "first_start_utc DESC";
}

/// An event to store (insert, or update by city and slug).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewEvent {
    pub city: CitySlug,
    pub slug: String,
    pub organisation_id: Option<i64>,
    pub organiser: Option<String>,
    pub place_id: Option<i64>,
    pub category: String,
    pub title: String,
    pub title_en: String,
    pub title_translations: std::collections::BTreeMap<String, String>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district: Option<String>,
    pub starts_local: String,
    pub duration_minutes: i64,
    pub all_day: bool,
    pub timezone: String,
    pub rrule: Option<String>,
    pub exceptions: Vec<String>,
    pub cancelled_dates: Vec<String>,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub free: bool,
    pub price: Option<String>,
    pub children: bool,
    pub accessibility: Option<String>,
    pub registration_url: Option<String>,
    pub capacity: Option<i64>,
    pub status: crate::values::Publication,
    pub past_example: bool,
    pub sources: Vec<String>,
    pub first_start_utc: Timestamp,
    pub last_end_utc: Option<Timestamp>,
    pub search_text: String,
    /// (language, text)
    pub descriptions: Vec<(String, String)>,
    /// Its needs (see `crate::needs`); None leaves the stored ones as they
    /// are.
    pub needs: Option<Vec<String>>,
}

/// A published event with its parsed schedule (None if it cannot be read,
/// which an import never lets through).
#[derive(Clone, Debug)]
pub struct CachedEvent {
    pub row: EventRow,
    pub schedule: Option<Schedule>,
    /// The needs it is tagged with; none: those of its category.
    pub needs: Vec<String>,
}

impl CachedEvent {
    /// The needs it meets: its tags, or its category's.
    pub fn meets(&self) -> Vec<&str> {
        if self.needs.is_empty() {
            crate::needs::of_category(&self.row.category).map(|n| n.key.as_str()).collect()
        } else {
            self.needs.iter().map(String::as_str).collect()
        }
    }
}

impl CachedEvent {
    /// Whether listings can show the event at all: it has a readable
    /// schedule and is not called off as a whole. The occurrence index holds
    /// only these, so a listing without filters takes every entry in its
    /// window.
    pub fn listed(&self) -> bool {
        self.schedule.is_some() && self.row.status != crate::values::Publication::Cancelled
    }
}

/// The row's schedule, or None when it cannot be read.
pub fn schedule_of(row: &EventRow) -> Option<Schedule> {
    let tz: chrono_tz::Tz = row.timezone.parse().ok()?;
    let start = NaiveDateTime::parse_from_str(&row.starts_local, "%Y-%m-%dT%H:%M").ok()?;
    let dates = |s: &str| -> Vec<NaiveDate> {
        s.split(',').filter_map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()).collect()
    };
    let schedule = Schedule {
        start,
        duration: Duration::minutes(row.duration_minutes.max(1)),
        all_day: row.all_day,
        tz,
        rule: row.rrule.clone().filter(|r| !r.trim().is_empty()),
        exceptions: dates(&row.exceptions),
        cancelled: dates(&row.cancelled_dates),
    };
    schedule.check().ok().map(|_| schedule)
}

#[derive(Debug)]
pub struct EventsSnapshot {
    version: i64,
    /// Ordered by id (the occurrence index and listings rely on it for a
    /// stable order among occurrences starting together).
    pub events: Vec<CachedEvent>,
    /// The events' languages, sorted (what the listing's filter offers).
    pub languages: Vec<String>,
    /// Districts the events name themselves, sorted.
    pub districts: Vec<String>,
    /// The needs listed events meet (what the listing's filter offers).
    pub needs: std::collections::HashSet<String>,
    /// Places of the events that name no district: theirs counts (places
    /// change without `events_version` moving, so it is looked up per request).
    pub district_places: Vec<i64>,
    /// The occurrence index for the latest "now" it was built for.
    index: Mutex<Option<Arc<OccurrenceIndex>>>,
    /// Held while the index is built, so concurrent requests build it once.
    building: tokio::sync::Mutex<()>,
}

impl EventsSnapshot {
    pub fn new(version: i64, events: Vec<CachedEvent>) -> EventsSnapshot {
        let mut languages = Vec::new();
        let mut districts = Vec::new();
        let mut district_places = Vec::new();
        let needs = events
            .iter()
            .filter(|e| e.listed())
            .flat_map(CachedEvent::meets)
            .map(str::to_string)
            .collect();
        for e in &events {
            languages.extend(e.row.language_list());
            match (&e.row.district, e.row.place_id) {
                (Some(d), _) => districts.push(d.clone()),
                (None, Some(p)) => district_places.push(p),
                (None, None) => {}
            }
        }
        for list in [&mut languages, &mut districts] {
            list.sort_unstable();
            list.dedup();
        }
        district_places.sort_unstable();
        district_places.dedup();
        EventsSnapshot {
            version,
            events,
            languages,
            districts,
            needs,
            district_places,
            index: Mutex::new(None),
            building: tokio::sync::Mutex::new(()),
        }
    }

    fn current_index(&self) -> Option<Arc<OccurrenceIndex>> {
        self.index.lock().ok().and_then(|i| i.clone())
    }

    /// The occurrence index to answer a request at `now` with: the current
    /// one while it is fresh, else a new one built for `now` (by the request
    /// that finds it missing or stale, which waits for it: about a second
    /// for 10,000 series, after each events write and once a week).
    /// Concurrent requests wait for the first build instead of repeating
    /// it; while a stale index is being replaced they keep using it (it is
    /// still right inside its horizon, and callers expand what it does not
    /// cover). `now` is the request's, so tests can move the clock.
    /// None only if the build failed (callers expand per request).
    pub async fn occurrence_index(
        self: &Arc<Self>,
        now: DateTime<Utc>,
    ) -> Option<Arc<OccurrenceIndex>> {
        let current = self.current_index();
        if current.as_ref().is_some_and(|i| i.fresh_at(now)) {
            return current;
        }
        let _building = match &current {
            Some(_) => match self.building.try_lock() {
                Ok(guard) => guard,
                Err(_) => return current,
            },
            None => self.building.lock().await,
        };
        if let Some(i) = self.current_index().filter(|i| i.fresh_at(now)) {
            return Some(i);
        }
        let snapshot = Arc::clone(self);
        let build = move || {
            let started = std::time::Instant::now();
            let index = OccurrenceIndex::build(
                snapshot.events.iter().map(|e| e.schedule.as_ref().filter(|_| e.listed())),
                now,
            );
            tracing::info!(
                "occurrence index for {} events (version {}): {} occurrences, {} left to per-request expansion, {:.1} MB, built in {} ms",
                snapshot.events.len(),
                snapshot.version,
                index.len(),
                index.dense().len(),
                index.heap_bytes() as f64 / 1e6,
                started.elapsed().as_millis()
            );
            Arc::new(index)
        };
        let built = match tokio::runtime::Handle::try_current() {
            Ok(rt) => match rt.spawn_blocking(build).await {
                Ok(index) => index,
                Err(e) => {
                    tracing::error!("building the occurrence index failed: {e}");
                    return current;
                }
            },
            Err(_) => build(),
        };
        if let Ok(mut slot) = self.index.lock() {
            *slot = Some(Arc::clone(&built));
        }
        Some(built)
    }
}

pub(super) async fn upsert_event(
    tx: &mut Tx<'_>,
    e: &NewEvent,
    now: Timestamp,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sql_as!(
        "INSERT INTO events (city, slug, organisation_id, organiser, place_id, category, title, title_en, \
         address, online_url, lat, lon, district, starts_local, duration_minutes, all_day, \
         timezone, rrule, exceptions, cancelled_dates, languages, no_czech, free, price, children, \
         accessibility, registration_url, capacity, status, past_example, sources, \
         first_start_utc, last_end_utc, search_text, title_translations, created_at, updated_at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22, \
                 $23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$36) \
         ON CONFLICT (city, slug) DO UPDATE SET organisation_id = excluded.organisation_id, \
         organiser = excluded.organiser, \
         place_id = excluded.place_id, category = excluded.category, title = excluded.title, \
         title_en = excluded.title_en, address = excluded.address, online_url = excluded.online_url, \
         lat = excluded.lat, lon = excluded.lon, district = excluded.district, \
         starts_local = excluded.starts_local, duration_minutes = excluded.duration_minutes, \
         all_day = excluded.all_day, timezone = excluded.timezone, rrule = excluded.rrule, \
         exceptions = excluded.exceptions, cancelled_dates = excluded.cancelled_dates, \
         languages = excluded.languages, no_czech = excluded.no_czech, free = excluded.free, \
         price = excluded.price, children = excluded.children, \
         accessibility = excluded.accessibility, registration_url = excluded.registration_url, \
         capacity = excluded.capacity, status = excluded.status, \
         past_example = excluded.past_example, sources = excluded.sources, \
         first_start_utc = excluded.first_start_utc, last_end_utc = excluded.last_end_utc, \
         search_text = excluded.search_text, title_translations = excluded.title_translations, \
         updated_at = excluded.updated_at \
         RETURNING id",
        (
            &e.city, &e.slug, e.organisation_id, &e.organiser, e.place_id, &e.category, &e.title,
            &e.title_en, &e.address, &e.online_url, e.lat, e.lon, &e.district, &e.starts_local,
            e.duration_minutes, Flag(e.all_day), &e.timezone, &e.rrule, e.exceptions.join(","),
            e.cancelled_dates.join(","), Languages::from_codes(&e.languages), Flag(e.no_czech),
            Flag(e.free), &e.price, Flag(e.children), &e.accessibility, &e.registration_url,
            e.capacity, e.status, Flag(e.past_example), e.sources.join("\n"), e.first_start_utc,
            e.last_end_utc, &e.search_text,
            crate::values::translations_to_json(&e.title_translations), now,
        )
    )
    // Not a cached prepared statement: over the Any driver a NULL first
    // bound for a float column fixes a wrong parameter type in the cache.
    .persistent(false)
    .fetch_one(&mut **tx)
    .await?;
    super::texts::sync_texts(tx, super::texts::TextTable::Event, id, &e.descriptions, now).await?;
    super::needs::write(tx, crate::values::ListingKind::Event, id, e.needs.as_deref()).await?;
    Ok(id)
}

pub(super) async fn bump_events_version(tx: &mut Tx<'_>, city: &str) -> Result<(), sqlx::Error> {
    sql!("UPDATE cities SET events_version = events_version + 1 WHERE slug = $1", (city))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    /// Inserts or updates events, all or nothing.
    pub async fn upsert_events(&self, events: &[NewEvent]) -> Result<Vec<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let now = now_stamp();
        let mut ids = Vec::with_capacity(events.len());
        for e in events {
            ids.push(upsert_event(&mut tx, e, now).await?);
        }
        let mut cities: Vec<&str> = events.iter().map(|e| e.city.as_str()).collect();
        cities.sort_unstable();
        cities.dedup();
        for city in cities {
            bump_events_version(&mut tx, city).await?;
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// The city's published events (past ones included) with parsed
    /// schedules; reloaded only when `events_version` has moved.
    pub async fn published_events(&self, city: &str) -> Result<Arc<EventsSnapshot>, sqlx::Error> {
        let version: Option<(i64,)> =
            sql_as!("SELECT events_version FROM cities WHERE slug = $1", (city))
                .fetch_optional(&self.pool)
                .await?;
        let Some((version,)) = version else {
            return Ok(Arc::new(EventsSnapshot::new(-1, Vec::new())));
        };
        if let Some(s) = self.cached_events(city, version) {
            return Ok(s);
        }
        // One load at a time: requests arriving together after a write
        // share one snapshot (and so one occurrence index).
        let _loading = self.events_loading.lock().await;
        if let Some(s) = self.cached_events(city, version) {
            return Ok(s);
        }
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE city = $1 AND status <> 'unpublished' ORDER BY id"
        );
        let rows: Vec<EventRow> = sql_as!(&sql, (city)).fetch_all(&self.pool).await?;
        let mut needs = self.needs_in_city(crate::values::ListingKind::Event, city).await?;
        let events = rows
            .into_iter()
            .map(|row| CachedEvent {
                schedule: schedule_of(&row),
                needs: needs.remove(&row.id).unwrap_or_default(),
                row,
            })
            .collect();
        let snapshot = Arc::new(EventsSnapshot::new(version, events));
        if let Ok(mut cache) = self.events_cache.lock() {
            cache.insert(city.to_string(), snapshot.clone());
        }
        Ok(snapshot)
    }

    fn cached_events(&self, city: &str, version: i64) -> Option<Arc<EventsSnapshot>> {
        self.events_cache.lock().ok()?.get(city).filter(|s| s.version == version).cloned()
    }

    pub async fn count_events(&self) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM events").fetch_one(&self.pool).await?;
        Ok(n)
    }
}
