//! The occurrence index: every occurrence of a city's published events in a
//! horizon around the time it was built, sorted by start, so that a listing
//! window costs two binary searches and a scan of what it holds instead of
//! expanding every series touching the window (the `rrule` crate costs a few
//! microseconds an occurrence, and a month of 10,000 series holds ~60,000).
//!
//! It is kept with the city's events snapshot (`db::EventsSnapshot`), built
//! once per `events_version`, and rebuilt when a request's "now" is more than
//! `REBUILD_AFTER_DAYS` from the time it was built for. Windows it does not
//! cover are expanded per request as before (`Schedule::between`), which
//! gives the same occurrences: the index is that expansion, done once.
use super::recurrence::{Occurrence, MAX_OCCURRENCES};
use crate::db::CachedEvent;
use chrono::{DateTime, Duration, Utc};

/// How far back the horizon reaches from the time it is built for. Windows
/// start today, so this only has to cover the days before the next rebuild
/// (`REBUILD_AFTER_DAYS`) and occurrences still on at the window's start;
/// a month also covers "last month" ranges asked for right after a build.
pub const HORIZON_PAST_DAYS: i64 = 31;
/// How far ahead: the longest window (`MAX_WINDOW_DAYS`, 366 days from
/// today) asked for up to `REBUILD_AFTER_DAYS` after the build, plus a
/// couple of weeks for the window's end-of-day and clock changes.
pub const HORIZON_FUTURE_DAYS: i64 = 400;
/// A request whose "now" is further than this from the build time gets a
/// new index (a server running for weeks without event writes keeps the
/// horizon ahead of it).
pub const REBUILD_AFTER_DAYS: i64 = 7;

/// The top bit of `Entry::len_flags`: the date is called off.
const CANCELLED: u32 = 1 << 31;

/// One occurrence in 16 bytes: the benchmark's 10,000 synthetic series
/// (mostly weekly, a tenth daily) give ~870,000 of them, 14 MB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Unix seconds (occurrences start on whole minutes).
    pub start: i64,
    /// Length in seconds, with `CANCELLED` as the top bit (imports allow at
    /// most 31 days; longer events are left to per-request expansion).
    len_flags: u32,
    /// Position of the event in the snapshot.
    pub event: u32,
}

impl Entry {
    pub fn end(&self) -> i64 {
        self.start + i64::from(self.len_flags & !CANCELLED)
    }

    pub fn cancelled(&self) -> bool {
        self.len_flags & CANCELLED != 0
    }

    pub fn occurrence(&self) -> Occurrence {
        let at = |t: i64| DateTime::from_timestamp(t, 0).unwrap_or(DateTime::<Utc>::MIN_UTC);
        Occurrence {
            start: at(self.start),
            end: at(self.end()),
            cancelled: self.cancelled(),
        }
    }
}

pub struct OccurrenceIndex {
    built_for: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    /// By start, then by position in the snapshot (which is ordered by id).
    entries: Vec<Entry>,
    /// The longest occurrence in seconds: how far before a window an
    /// occurrence still on at its start may begin.
    longest: i64,
    /// Events left to per-request expansion: more occurrences in the
    /// horizon than one expansion returns (an hourly rule, say), or longer
    /// than an entry holds. Sorted.
    dense: Vec<usize>,
}

impl std::fmt::Debug for OccurrenceIndex {
    // Not the hundreds of thousands of entries.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OccurrenceIndex")
            .field("built_for", &self.built_for)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("entries", &self.entries.len())
            .field("longest", &self.longest)
            .field("dense", &self.dense)
            .finish()
    }
}

/// Whether listings can show the event at all: it has a readable schedule
/// and is not called off as a whole. The index holds only these, so a
/// listing without filters takes every entry in its window.
pub fn listed(e: &CachedEvent) -> bool {
    e.schedule.is_some() && e.row.status != "cancelled"
}

impl OccurrenceIndex {
    /// Expands every listed event over the horizon around `now`. About a
    /// second of CPU for 10,000 series: run it off the async workers.
    pub fn build(events: &[CachedEvent], now: DateTime<Utc>) -> OccurrenceIndex {
        let from = now - Duration::days(HORIZON_PAST_DAYS);
        let to = now + Duration::days(HORIZON_FUTURE_DAYS);
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let mut longest = 0;
        for (i, e) in events.iter().enumerate() {
            let Some(schedule) = e.schedule.as_ref().filter(|_| listed(e)) else {
                continue;
            };
            let len = schedule.duration.num_seconds();
            let (Ok(event), Ok(len_bits)) = (u32::try_from(i), u32::try_from(len)) else {
                dense.push(i);
                continue;
            };
            // Entries need a length to be on at their start (see `window`).
            if len_bits & CANCELLED != 0 || len_bits == 0 {
                dense.push(i);
                continue;
            }
            // An error is window-independent (an unreadable rule or start),
            // and per-request expansion shows nothing for it either.
            let Ok((all, limited)) = schedule.between_checked(from, to, MAX_OCCURRENCES) else {
                continue;
            };
            if limited {
                dense.push(i);
                continue;
            }
            longest = longest.max(len);
            entries.extend(all.iter().map(|o| Entry {
                start: o.start.timestamp(),
                len_flags: len_bits | if o.cancelled { CANCELLED } else { 0 },
                event,
            }));
        }
        entries.sort_unstable_by_key(|e| (e.start, e.event));
        entries.shrink_to_fit();
        OccurrenceIndex {
            built_for: now,
            from,
            to,
            entries,
            longest,
            dense,
        }
    }

    /// Whether the index was built for a time close enough to `now` (either
    /// way: a stale one is still right inside its horizon, only shorter).
    pub fn fresh_at(&self, now: DateTime<Utc>) -> bool {
        (now - self.built_for).abs() <= Duration::days(REBUILD_AFTER_DAYS)
    }

    /// Whether every occurrence overlapping `[from, to)` is in the index:
    /// it holds those overlapping its horizon.
    pub fn covers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
        self.from <= from && to <= self.to
    }

    /// Indexed occurrences overlapping `[from, to)`, by start then event
    /// (only meaningful when `covers(from, to)`): those still on at `from`,
    /// then every entry starting in the window (each lasts a while, so all
    /// of these overlap it).
    pub fn window(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> (Vec<Entry>, &[Entry]) {
        // Starts and ends are whole seconds, `from` and `to` need not be
        // (a "today" window starts now).
        let f = from.timestamp();
        let t = to.timestamp() + i64::from(to.timestamp_subsec_nanos() > 0);
        let lo = self
            .entries
            .partition_point(|e| e.start <= f.saturating_sub(self.longest));
        let mid = self.entries.partition_point(|e| e.start <= f).max(lo);
        let hi = self.entries.partition_point(|e| e.start < t).max(mid);
        let ongoing = self.entries[lo..mid]
            .iter()
            .filter(|e| e.end() > f)
            .copied()
            .collect();
        (ongoing, &self.entries[mid..hi])
    }

    /// `window` as one sequence.
    pub fn overlapping(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> impl Iterator<Item = Entry> + '_ {
        let (ongoing, starting) = self.window(from, to);
        ongoing.into_iter().chain(starting.iter().copied())
    }

    /// Events the index leaves to per-request expansion, by position.
    pub fn dense(&self) -> &[usize] {
        &self.dense
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes held by the entries.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.dense.capacity() * std::mem::size_of::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{EventRow, EventsSnapshot, NewEvent};
    use crate::events::import::set_bounds;
    use crate::events::model::schedule_of;
    use crate::events::service::select_page;
    use std::sync::Arc;

    fn utc(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
            .expect("time")
            .and_utc()
    }

    /// An event as the snapshot holds it, bounds set as an import sets them.
    fn event(
        id: i64,
        starts: &str,
        minutes: i64,
        rule: Option<&str>,
        exceptions: &[&str],
        cancelled: &[&str],
    ) -> CachedEvent {
        let mut n = NewEvent {
            city: "prague".into(),
            slug: format!("e-{id}"),
            category: "talk".into(),
            title: format!("Event {id}"),
            starts_local: starts.into(),
            duration_minutes: minutes,
            timezone: "Europe/Prague".into(),
            rrule: rule.map(str::to_string),
            exceptions: exceptions.iter().map(|d| d.to_string()).collect(),
            cancelled_dates: cancelled.iter().map(|d| d.to_string()).collect(),
            status: "published".into(),
            ..Default::default()
        };
        set_bounds(&mut n).expect("a valid schedule");
        let row = EventRow {
            id,
            city: n.city,
            slug: n.slug,
            organisation_id: None,
            organiser: None,
            place_id: None,
            category: n.category,
            title: n.title,
            title_en: String::new(),
            address: None,
            online_url: None,
            lat: None,
            lon: None,
            district: None,
            starts_local: n.starts_local,
            duration_minutes: n.duration_minutes,
            all_day: 0,
            timezone: n.timezone,
            rrule: n.rrule,
            exceptions: n.exceptions.join(","),
            cancelled_dates: n.cancelled_dates.join(","),
            languages: ",en,".into(),
            no_czech: 0,
            free: 1,
            price: None,
            children: 0,
            accessibility: None,
            registration_url: None,
            capacity: None,
            status: n.status,
            status_note: None,
            past_example: 0,
            sources: String::new(),
            first_start_utc: n.first_start_utc,
            last_end_utc: n.last_end_utc,
            search_text: String::new(),
            updated_at: String::new(),
        };
        CachedEvent {
            schedule: schedule_of(&row),
            row,
        }
    }

    /// When the index is built in the tests.
    fn t0() -> DateTime<Utc> {
        utc("2026-10-01 10:30")
    }

    /// A bit of everything, ordered by id as the snapshot is.
    fn events() -> Vec<CachedEvent> {
        let mut unreadable = event(13, "2026-09-01T10:00", 60, None, &[], &[]);
        unreadable.schedule = None;
        // Called off as a whole: never listed.
        let mut called_off = event(15, "2026-09-02T18:00", 60, Some("FREQ=WEEKLY"), &[], &[]);
        called_off.row.status = "cancelled".into();
        vec![
            // Tuesdays 18:00 across the October and March clock changes.
            event(
                1,
                "2026-01-06T18:00",
                90,
                Some("FREQ=WEEKLY;BYDAY=TU"),
                &[],
                &[],
            ),
            // Same time, so occurrences tie on start and order by id.
            event(
                2,
                "2026-09-01T18:00",
                60,
                Some("FREQ=WEEKLY;BYDAY=TU,TH"),
                &["2026-10-08", "2026-12-24"],
                &["2026-10-13", "2026-12-29", "2027-03-30"],
            ),
            // Ends inside the horizon.
            event(
                3,
                "2026-08-15T09:00",
                120,
                Some("FREQ=DAILY;UNTIL=20261120T230000Z"),
                &[],
                &[],
            ),
            // Ends by count.
            event(
                4,
                "2026-09-07T17:00",
                90,
                Some("FREQ=WEEKLY;BYDAY=MO;COUNT=12"),
                &[],
                &[],
            ),
            event(
                5,
                "2026-01-13T17:00",
                120,
                Some("FREQ=MONTHLY;BYDAY=2TU"),
                &[],
                &[],
            ),
            event(
                6,
                "2026-11-29T12:00",
                240,
                Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU"),
                &[],
                &[],
            ),
            // One-offs: soon, far ahead (outside the horizon), long ago.
            event(7, "2026-10-20T19:00", 120, None, &[], &[]),
            event(8, "2028-03-01T10:00", 60, None, &[], &[]),
            event(9, "2025-05-01T10:00", 60, None, &[], &[]),
            // Three days long: still on at the start of windows.
            event(
                10,
                "2026-09-29T10:00",
                3 * 24 * 60,
                Some("FREQ=WEEKLY;INTERVAL=2"),
                &[],
                &[],
            ),
            // Too dense to index: expanded per request.
            event(11, "2026-09-20T08:00", 30, Some("FREQ=HOURLY"), &[], &[]),
            // A whole month long (the longest an import allows).
            event(
                12,
                "2026-06-01T00:00",
                31 * 24 * 60,
                Some("FREQ=MONTHLY;BYMONTHDAY=1"),
                &[],
                &[],
            ),
            unreadable,
            // Every day around the horizon's far edge, from long before.
            event(
                14,
                "2026-03-01T07:15",
                45,
                Some("FREQ=DAILY;INTERVAL=3"),
                &[],
                &["2027-11-02"],
            ),
            called_off,
        ]
    }

    fn windows() -> Vec<(&'static str, DateTime<Utc>, DateTime<Utc>, bool)> {
        let t = t0();
        let d = Duration::days;
        vec![
            ("the next month", t, t + d(30), true),
            (
                "a week from a fraction of a second",
                t + d(3) + Duration::nanoseconds(5),
                t + d(10),
                true,
            ),
            (
                "the October clock change",
                utc("2026-10-19 22:00"),
                utc("2026-11-02 23:00"),
                true,
            ),
            (
                "the March clock change",
                utc("2027-03-22 23:00"),
                utc("2027-04-05 22:00"),
                true,
            ),
            ("the longest window", t, t + d(366), true),
            (
                "the horizon exactly",
                t - d(HORIZON_PAST_DAYS),
                t + d(HORIZON_FUTURE_DAYS),
                true,
            ),
            ("across the past edge", t - d(45), t + d(5), false),
            ("across the future edge", t + d(380), t + d(420), false),
            ("outside, ahead", t + d(500), t + d(530), false),
            ("outside, behind", t - d(200), t - d(150), false),
            ("60 days on, a month", t + d(60), t + d(90), true),
            ("60 days on, the longest", t + d(60), t + d(426), false),
        ]
    }

    fn pages(
        events: &[CachedEvent],
        index: Option<&OccurrenceIndex>,
        keep: Option<&[bool]>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<(usize, Vec<(usize, Occurrence)>)> {
        [(0, 10_000), (0, 7), (7, 7), (50, 25), (100_000, 5)]
            .into_iter()
            .map(|(skip, take)| select_page(events, index, keep, from, to, skip, take))
            .collect()
    }

    #[test]
    fn the_index_answers_what_expanding_answers() {
        let events = events();
        let index = OccurrenceIndex::build(&events, t0());
        assert_eq!(index.dense(), &[10], "the hourly series is left out");
        let all = vec![true; events.len()];
        let some: Vec<bool> = (0..events.len()).map(|i| i % 3 != 1).collect();
        for (name, from, to, covered) in windows() {
            assert_eq!(index.covers(from, to), covered, "{name}");
            for keep in [None, Some(&all[..]), Some(&some[..])] {
                let indexed = pages(&events, Some(&index), keep, from, to);
                let expanded = pages(&events, None, keep, from, to);
                assert!(indexed[0].0 > 0, "{name}: something to compare");
                assert_eq!(indexed, expanded, "{name}");
            }
        }
    }

    #[test]
    fn entries_match_each_series_in_a_window() {
        let events = events();
        let index = OccurrenceIndex::build(&events, t0());
        let (from, to) = (t0() + Duration::days(20), t0() + Duration::days(120));
        for (i, e) in events.iter().enumerate() {
            if index.dense().contains(&i) {
                continue;
            }
            let got: Vec<Occurrence> = index
                .overlapping(from, to)
                .filter(|x| x.event as usize == i)
                .map(|x| x.occurrence())
                .collect();
            let want = e
                .schedule
                .as_ref()
                .filter(|_| listed(e))
                .map(|s| s.between(from, to, MAX_OCCURRENCES).expect("expands"))
                .unwrap_or_default();
            assert_eq!(got, want, "event {}", e.row.id);
        }
    }

    fn starts_of(
        events: &[CachedEvent],
        index: &OccurrenceIndex,
        id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<(DateTime<Utc>, bool)> {
        let keep: Vec<bool> = events.iter().map(|e| e.row.id == id).collect();
        let (_, page) = select_page(events, Some(index), Some(&keep), from, to, 0, 1000);
        page.into_iter()
            .map(|(_, o)| (o.start, o.cancelled))
            .collect()
    }

    #[test]
    fn clock_changes_cancelled_dates_and_ends() {
        let events = events();
        let index = OccurrenceIndex::build(&events, t0());
        // 18:00 in Prague is 16:00 UTC in summer time and 17:00 after it.
        let week = (utc("2026-10-19 00:00"), utc("2026-11-01 00:00"));
        assert!(index.covers(week.0, week.1));
        assert_eq!(
            starts_of(&events, &index, 1, week.0, week.1),
            vec![
                (utc("2026-10-20 16:00"), false),
                (utc("2026-10-27 17:00"), false)
            ]
        );
        // Excepted dates are gone, cancelled ones are listed and marked.
        let oct = (utc("2026-10-05 00:00"), utc("2026-10-16 00:00"));
        assert_eq!(
            starts_of(&events, &index, 2, oct.0, oct.1),
            vec![
                (utc("2026-10-06 16:00"), false),
                (utc("2026-10-13 16:00"), true),
                (utc("2026-10-15 16:00"), false),
            ]
        );
        // The daily series ends on 20 November, the counted one after 12.
        let ahead = (t0(), t0() + Duration::days(366));
        let daily = starts_of(&events, &index, 3, ahead.0, ahead.1);
        assert_eq!(daily.last().map(|x| x.0), Some(utc("2026-11-20 08:00")));
        let counted = starts_of(&events, &index, 4, ahead.0, ahead.1);
        assert_eq!(counted.len(), 12 - 4, "four of twelve were in September");
        assert_eq!(counted.last().map(|x| x.0), Some(utc("2026-11-23 16:00")));
        // A three-day occurrence that began before the window is still on.
        let on = starts_of(
            &events,
            &index,
            10,
            utc("2026-10-01 00:00"),
            utc("2026-10-02 00:00"),
        );
        assert_eq!(on, vec![(utc("2026-09-29 08:00"), false)]);
    }

    #[test]
    fn a_stale_index_is_still_right_and_is_rebuilt() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let events = events();
        let snapshot = Arc::new(EventsSnapshot::new(1, events.clone()));
        rt.block_on(async {
            let first = snapshot.occurrence_index(t0()).await.expect("built");
            let later = t0() + Duration::days(3);
            let same = snapshot.occurrence_index(later).await.expect("built");
            assert!(Arc::ptr_eq(&first, &same), "fresh for a week");

            // Two months on, the old index still answers correctly where it
            // covers the window, and expansion does the rest...
            let now = t0() + Duration::days(60);
            for (from, to) in [
                (now, now + Duration::days(30)),
                (now, now + Duration::days(366)),
            ] {
                assert_eq!(
                    pages(&events, Some(&first), None, from, to),
                    pages(&events, None, None, from, to)
                );
            }
            // ... and a request at that time gets an index built for it.
            let rolled = snapshot.occurrence_index(now).await.expect("built");
            assert!(!Arc::ptr_eq(&first, &rolled));
            assert!(rolled.fresh_at(now) && !first.fresh_at(now));
            assert_eq!(rolled.dense(), &[10], "still too dense wherever it starts");
            let year = (now, now + Duration::days(366));
            assert!(rolled.covers(year.0, year.1) && !first.covers(year.0, year.1));
            assert_eq!(
                pages(&events, Some(&rolled), None, year.0, year.1),
                pages(&events, None, None, year.0, year.1)
            );
        });
    }

    #[test]
    fn concurrent_first_requests_build_once() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .expect("runtime");
        let snapshot = Arc::new(EventsSnapshot::new(1, events()));
        let built = rt.block_on(async {
            let tasks: Vec<_> = (0..8)
                .map(|_| {
                    let s = Arc::clone(&snapshot);
                    tokio::spawn(async move { s.occurrence_index(t0()).await })
                })
                .collect();
            let mut out = Vec::new();
            for t in tasks {
                out.push(t.await.expect("task").expect("built"));
            }
            out
        });
        assert!(built.iter().all(|i| Arc::ptr_eq(i, &built[0])));
    }
}
