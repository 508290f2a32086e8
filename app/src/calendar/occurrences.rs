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
use super::recurrence::Schedule;
use super::recurrence::{Occurrence, MAX_OCCURRENCES};
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
        Occurrence { start: at(self.start), end: at(self.end()), cancelled: self.cancelled() }
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

impl OccurrenceIndex {
    /// Expands every schedule over the horizon around `now`; an entry names
    /// its schedule by position, and None (an event that is not listed)
    /// keeps its position without entries. About a second of CPU for 10,000
    /// series: run it off the async workers.
    pub fn build<'a>(
        schedules: impl IntoIterator<Item = Option<&'a Schedule>>,
        now: DateTime<Utc>,
    ) -> OccurrenceIndex {
        let from = now - Duration::days(HORIZON_PAST_DAYS);
        let to = now + Duration::days(HORIZON_FUTURE_DAYS);
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let mut longest = 0;
        for (i, schedule) in schedules.into_iter().enumerate() {
            let Some(schedule) = schedule else {
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
        OccurrenceIndex { built_for: now, from, to, entries, longest, dense }
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
        let lo = self.entries.partition_point(|e| e.start <= f.saturating_sub(self.longest));
        let mid = self.entries.partition_point(|e| e.start <= f).max(lo);
        let hi = self.entries.partition_point(|e| e.start < t).max(mid);
        let ongoing = self.entries[lo..mid].iter().filter(|e| e.end() > f).copied().collect();
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
