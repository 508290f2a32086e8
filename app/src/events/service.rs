//! Listings, pages and feeds of events: the window a request asks for,
//! filters, occurrences (from the city's occurrence index, or expanded
//! inside the window only where the index does not reach), pages.
use super::model::*;
use super::query::{EventQuery, When, MAX_WINDOW_DAYS};
use crate::calendar::occurrences::OccurrenceIndex;
use crate::calendar::recurrence::Occurrence;
use crate::db::{CachedEvent, Db, PlaceLabel};
use crate::error::AppError;
use crate::search;
use crate::values::Publication;
use crate::values::Timestamp;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The most occurrences a listing gathers before paging when it expands
/// series per request (windows outside the occurrence index's horizon).
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
        s.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
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
    let from = if from_date == today { start.max(now) } else { start };
    Ok(Window { from_date, to_date, from, to: midnight(tz, to_date + Duration::days(1)) })
}

/// The title in the page's language and the language it is in (see
/// `locale::content::pick_title`).
pub fn title_for(row: &crate::db::EventRow, lang: &str, local_lang: &str) -> (String, String) {
    crate::locale::content::title_in(
        &row.title,
        &row.title_en,
        &row.title_translations,
        lang,
        local_lang,
    )
}

/// A query's filters, with what they compare prepared once per request.
struct Filter<'a> {
    q: &'a EventQuery,
    /// The events the search (`q.q`) found, when there is one.
    hits: Option<std::collections::HashSet<i64>>,
    lang: Option<&'a str>,
}

impl<'a> Filter<'a> {
    /// Runs the search, if any, over `events` with the places' search engine
    /// (titles, category needs in every language, descriptions).
    fn new(
        q: &'a EventQuery,
        city: &crate::cities::City,
        events: &[CachedEvent],
    ) -> Result<Filter<'a>, AppError> {
        let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let hits = match text {
            Some(text) => {
                let docs: Vec<search::engine::Doc> = events
                    .iter()
                    .map(|e| {
                        let r = &e.row;
                        let titles =
                            [r.title.as_str(), r.title_en.as_str(), r.title_translations.as_str()];
                        let topics =
                            e.meets().into_iter().flat_map(crate::needs::search_text).collect();
                        search::engine::Doc::listing(r.id, titles, topics, &r.search_text)
                    })
                    .collect();
                let query = crate::places::service::search_query(text, city).every_word();
                Some(search::engine::Engine::find(&docs, &query)?)
            }
            None => None,
        };
        Ok(Filter { q, hits, lang: q.lang.as_deref() })
    }

    /// Whether no filter is set (cancelled events aside).
    fn is_empty(&self) -> bool {
        let q = self.q;
        q.category.is_none()
            && self.lang.is_none()
            && q.need.is_none()
            && !q.free
            && !q.no_czech
            && !q.children
            && q.organisation.is_none()
            && q.district.is_none()
            && self.hits.is_none()
    }

    /// Whether an event passes the filters; `keep_cancelled` for feeds,
    /// where a cancelled series must stay (marked) so calendars drop it.
    fn matches(&self, e: &CachedEvent, place: Option<&PlaceLabel>, keep_cancelled: bool) -> bool {
        let (q, r) = (self.q, &e.row);
        let district = r.district.as_deref().or(place.and_then(|p| p.district.as_deref()));
        q.category.as_ref().is_none_or(|c| &r.category == c)
            && self.lang.as_ref().is_none_or(|l| r.languages.contains(l))
            && (!q.free || r.free)
            && (!q.no_czech || r.no_czech)
            && (!q.children || r.children)
            && q.organisation.is_none_or(|o| r.organisation_id == Some(o))
            && q.district.as_ref().is_none_or(|d| district == Some(d.as_str()))
            && (keep_cancelled || r.status != Publication::Cancelled)
            && self.hits.as_ref().is_none_or(|h| h.contains(&r.id))
            && q.need.as_deref().is_none_or(|n| e.meets().contains(&n))
    }
}

fn local_text(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn item(
    e: &CachedEvent,
    o: &crate::calendar::recurrence::Occurrence,
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
    let (title, title_lang) = title_for(r, lang, local_lang);
    OccurrenceItem {
        slug: r.slug.clone(),
        title,
        title_lang,
        category: r.category.clone(),
        start: local_text(o.start, tz),
        end: local_text(o.end, tz),
        weekday: chrono::Datelike::weekday(&o.start.with_timezone(&tz)).num_days_from_monday()
            as u8,
        start_utc: rfc3339(o.start),
        end_utc: rfc3339(o.end),
        all_day: r.all_day,
        cancelled: o.cancelled || r.status == Publication::Cancelled,
        recurring: r.rrule.as_deref().is_some_and(|x| !x.is_empty()),
        venue,
        online: r.online_url.is_some(),
        district: r.district.clone().or(place.and_then(|p| p.district.clone())),
        languages: r.language_list(),
        no_czech: r.no_czech,
        free: r.free,
        price: r.price.clone(),
        children: r.children,
        needs: e.meets().into_iter().map(str::to_string).collect(),
    }
}

/// One page of the occurrences overlapping `[from, to)` of the listed
/// events (see `CachedEvent::listed`) that `keep` selects by position in `events`
/// (None: all of them), ordered by start, then by position (the snapshot is
/// ordered by id), and how many there are in all. From the index when it
/// covers the window, else by expanding the series per request (at most
/// `MAX_GATHERED` occurrences then).
pub(crate) fn select_page(
    events: &[CachedEvent],
    index: Option<&OccurrenceIndex>,
    keep: Option<&[bool]>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    skip: usize,
    take: usize,
) -> (usize, Vec<(usize, Occurrence)>) {
    let kept = |i: usize| keep.is_none_or(|k| k.get(i).copied().unwrap_or(false));
    match index.filter(|i| i.covers(from, to)) {
        Some(index) => select_indexed(events, index, keep.is_some(), &kept, from, to, skip, take),
        None => select_expanded(events, &kept, from, to, skip, take),
    }
}

/// Expands the kept series that touch the window, as every request did
/// before the index (and still does for windows outside its horizon).
fn select_expanded(
    events: &[CachedEvent],
    kept: &dyn Fn(usize) -> bool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    skip: usize,
    take: usize,
) -> (usize, Vec<(usize, Occurrence)>) {
    let (from_stamp, to_stamp) = (Timestamp::from(from), Timestamp::from(to));
    let mut gathered: Vec<(usize, Occurrence)> = Vec::new();
    for (index, e) in events.iter().enumerate() {
        // Series that end before the window or start after it are skipped
        // without expanding them.
        if !kept(index)
            || !e.listed()
            || e.row.first_start_utc >= to_stamp
            || e.row.last_end_utc.is_some_and(|end| end <= from_stamp)
        {
            continue;
        }
        let Some(schedule) = &e.schedule else {
            continue;
        };
        let room = MAX_GATHERED.saturating_sub(gathered.len()).min(u16::MAX as usize) as u16;
        for o in schedule.between(from, to, room).unwrap_or_default() {
            gathered.push((index, o));
        }
    }
    gathered.sort_unstable_by_key(|(index, o)| (o.start, *index));
    let total = gathered.len();
    let page = gathered.into_iter().skip(skip).take(take).collect();
    (total, page)
}

/// Walks the index's entries in the window (already in order), merging in
/// the few series it leaves to per-request expansion; only the page's
/// occurrences are materialised. Without filters or such series, the page
/// is found by position, without walking the window.
#[allow(clippy::too_many_arguments)]
fn select_indexed(
    events: &[CachedEvent],
    index: &OccurrenceIndex,
    filtered: bool,
    kept: &dyn Fn(usize) -> bool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    skip: usize,
    take: usize,
) -> (usize, Vec<(usize, Occurrence)>) {
    let mut extra: Vec<(usize, Occurrence)> = Vec::new();
    for &i in index.dense() {
        let Some(schedule) =
            events.get(i).filter(|e| kept(i) && e.listed()).and_then(|e| e.schedule.as_ref())
        else {
            continue;
        };
        for o in schedule
            .between(from, to, crate::calendar::recurrence::MAX_OCCURRENCES)
            .unwrap_or_default()
        {
            extra.push((i, o));
        }
    }
    let (ongoing, starting) = index.window(from, to);
    if !filtered && extra.is_empty() {
        let total = ongoing.len() + starting.len();
        let page = ongoing
            .iter()
            .chain(starting)
            .skip(skip)
            .take(take)
            .map(|e| (e.event as usize, e.occurrence()))
            .collect();
        return (total, page);
    }
    extra.sort_unstable_by_key(|(i, o)| (o.start, *i));
    let mut extra = extra.into_iter().peekable();
    let mut pager =
        Pager { skip, take, total: 0, page: Vec::with_capacity(take.min(MAX_GATHERED)) };
    for entry in ongoing.iter().chain(starting) {
        let i = entry.event as usize;
        if !kept(i) {
            continue;
        }
        while let Some((j, o)) =
            extra.next_if(|(j, o)| (o.start.timestamp(), *j) < (entry.start, i))
        {
            pager.offer(|| (j, o));
        }
        pager.offer(|| (i, entry.occurrence()));
    }
    for (j, o) in extra {
        pager.offer(|| (j, o));
    }
    (pager.total, pager.page)
}

/// Counts occurrences in order and keeps those on the requested page.
struct Pager {
    skip: usize,
    take: usize,
    total: usize,
    page: Vec<(usize, Occurrence)>,
}

impl Pager {
    fn offer(&mut self, occurrence: impl FnOnce() -> (usize, Occurrence)) {
        if self.total >= self.skip && self.page.len() < self.take {
            self.page.push(occurrence());
        }
        self.total += 1;
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
    let places = db.shared_place_labels(city_slug).await?;
    let index = snapshot.occurrence_index(now).await;
    let filter = Filter::new(q, &city, &snapshot.events)?;
    // Without filters every listed event counts, and the page is found
    // without looking at each event.
    let keep: Option<Vec<bool>> = (!filter.is_empty()).then(|| {
        snapshot
            .events
            .iter()
            .map(|e| {
                let place = e.row.place_id.and_then(|id| places.get(&id));
                filter.matches(e, place, false)
            })
            .collect()
    });
    let per_page = q.per_page.max(1);
    let skip = (q.page.max(1) as usize - 1) * per_page as usize;
    let (total, page) = select_page(
        &snapshot.events,
        index.as_deref(),
        keep.as_deref(),
        w.from,
        w.to,
        skip,
        per_page as usize,
    );
    let items = page
        .iter()
        .filter_map(|(i, o)| {
            let e = snapshot.events.get(*i)?;
            Some(item(e, o, tz, lang, &city.local_lang, &places))
        })
        .collect();
    // Every event counts for the filters' choices, past and cancelled ones too.
    let mut districts = snapshot.districts.clone();
    for d in snapshot.district_places.iter().filter_map(|id| places.get(id)?.district.as_ref()) {
        if !districts.contains(d) {
            districts.push(d.clone());
        }
    }
    districts.sort();
    Ok(EventListing {
        city,
        items,
        total,
        page: q.page.max(1),
        per_page,
        from: w.from_date.to_string(),
        to: w.to_date.to_string(),
        districts,
        languages: snapshot.languages.clone(),
        shortened: false,
        needs: crate::needs::labels()
            .into_iter()
            .filter(|n| snapshot.needs.contains(&n.key))
            .collect(),
    })
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
    let (from, to) = (Timestamp::from(from), Timestamp::from(to));
    let snapshot = db.published_events(city_slug).await?;
    let places = db.shared_place_labels(city_slug).await?;
    let filter = Filter::new(q, &city, &snapshot.events)?;
    let events = snapshot
        .events
        .iter()
        .filter(|e| {
            let place = e.row.place_id.and_then(|id| places.get(&id));
            e.row.first_start_utc < to
                && e.row.last_end_utc.is_none_or(|end| end > from)
                && e.schedule.is_some()
                && filter.matches(e, place, true)
        })
        .cloned()
        .collect();
    Ok((city, events))
}
