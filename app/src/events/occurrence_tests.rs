use crate::calendar::occurrences::*;
use crate::calendar::recurrence::{Occurrence, MAX_OCCURRENCES};
use crate::db::schedule_of;
use crate::db::{CachedEvent, EventRow, EventsSnapshot, NewEvent};
use crate::events::import::set_bounds;
use crate::events::service::select_page;
use crate::values::Publication;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;

fn utc(s: &str) -> DateTime<Utc> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time").and_utc()
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
        city: crate::values::CitySlug::parse("prague").expect("slug"),
        slug: format!("e-{id}"),
        category: "talk".into(),
        title: format!("Event {id}"),
        starts_local: starts.into(),
        duration_minutes: minutes,
        timezone: "Europe/Prague".into(),
        rrule: rule.map(str::to_string),
        exceptions: exceptions.iter().map(|d| d.to_string()).collect(),
        cancelled_dates: cancelled.iter().map(|d| d.to_string()).collect(),
        status: Publication::Published,
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
        title_translations: "{}".into(),
        address: None,
        online_url: None,
        lat: None,
        lon: None,
        district: None,
        starts_local: n.starts_local,
        duration_minutes: n.duration_minutes,
        all_day: false,
        timezone: n.timezone,
        rrule: n.rrule,
        exceptions: n.exceptions.join(","),
        cancelled_dates: n.cancelled_dates.join(","),
        languages: crate::values::Languages::from_codes(&["en"]),
        no_czech: false,
        free: true,
        price: None,
        children: false,
        accessibility: None,
        registration_url: None,
        capacity: None,
        status: n.status,
        status_note: None,
        past_example: false,
        sources: String::new(),
        first_start_utc: n.first_start_utc,
        last_end_utc: n.last_end_utc,
        search_text: String::new(),
        updated_at: crate::values::Timestamp::default(),
        last_verified: None,
    };
    CachedEvent { schedule: schedule_of(&row), row, needs: Vec::new() }
}

/// When the index is built in the tests.
/// What the snapshot hands the index: the schedules of listed events.
fn schedules(
    events: &[CachedEvent],
) -> impl Iterator<Item = Option<&crate::calendar::recurrence::Schedule>> {
    events.iter().map(|e| e.schedule.as_ref().filter(|_| e.listed()))
}

fn t0() -> DateTime<Utc> {
    utc("2026-10-01 10:30")
}

/// A bit of everything, ordered by id as the snapshot is.
fn events() -> Vec<CachedEvent> {
    let mut unreadable = event(13, "2026-09-01T10:00", 60, None, &[], &[]);
    unreadable.schedule = None;
    // Called off as a whole: never listed.
    let mut called_off = event(15, "2026-09-02T18:00", 60, Some("FREQ=WEEKLY"), &[], &[]);
    called_off.row.status = Publication::Cancelled;
    vec![
        // Tuesdays 18:00 across the October and March clock changes.
        event(1, "2026-01-06T18:00", 90, Some("FREQ=WEEKLY;BYDAY=TU"), &[], &[]),
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
        event(3, "2026-08-15T09:00", 120, Some("FREQ=DAILY;UNTIL=20261120T230000Z"), &[], &[]),
        // Ends by count.
        event(4, "2026-09-07T17:00", 90, Some("FREQ=WEEKLY;BYDAY=MO;COUNT=12"), &[], &[]),
        event(5, "2026-01-13T17:00", 120, Some("FREQ=MONTHLY;BYDAY=2TU"), &[], &[]),
        event(6, "2026-11-29T12:00", 240, Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU"), &[], &[]),
        // One-offs: soon, far ahead (outside the horizon), long ago.
        event(7, "2026-10-20T19:00", 120, None, &[], &[]),
        event(8, "2028-03-01T10:00", 60, None, &[], &[]),
        event(9, "2025-05-01T10:00", 60, None, &[], &[]),
        // Three days long: still on at the start of windows.
        event(10, "2026-09-29T10:00", 3 * 24 * 60, Some("FREQ=WEEKLY;INTERVAL=2"), &[], &[]),
        // Too dense to index: expanded per request.
        event(11, "2026-09-20T08:00", 30, Some("FREQ=HOURLY"), &[], &[]),
        // A whole month long (the longest an import allows).
        event(12, "2026-06-01T00:00", 31 * 24 * 60, Some("FREQ=MONTHLY;BYMONTHDAY=1"), &[], &[]),
        unreadable,
        // Every day around the horizon's far edge, from long before.
        event(14, "2026-03-01T07:15", 45, Some("FREQ=DAILY;INTERVAL=3"), &[], &["2027-11-02"]),
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
        ("the October clock change", utc("2026-10-19 22:00"), utc("2026-11-02 23:00"), true),
        ("the March clock change", utc("2027-03-22 23:00"), utc("2027-04-05 22:00"), true),
        ("the longest window", t, t + d(366), true),
        ("the horizon exactly", t - d(HORIZON_PAST_DAYS), t + d(HORIZON_FUTURE_DAYS), true),
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
    let index = OccurrenceIndex::build(schedules(&events), t0());
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
    let index = OccurrenceIndex::build(schedules(&events), t0());
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
            .filter(|_| e.listed())
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
    page.into_iter().map(|(_, o)| (o.start, o.cancelled)).collect()
}

#[test]
fn clock_changes_cancelled_dates_and_ends() {
    let events = events();
    let index = OccurrenceIndex::build(schedules(&events), t0());
    // 18:00 in Prague is 16:00 UTC in summer time and 17:00 after it.
    let week = (utc("2026-10-19 00:00"), utc("2026-11-01 00:00"));
    assert!(index.covers(week.0, week.1));
    assert_eq!(
        starts_of(&events, &index, 1, week.0, week.1),
        vec![(utc("2026-10-20 16:00"), false), (utc("2026-10-27 17:00"), false)]
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
    let on = starts_of(&events, &index, 10, utc("2026-10-01 00:00"), utc("2026-10-02 00:00"));
    assert_eq!(on, vec![(utc("2026-09-29 08:00"), false)]);
}

#[test]
fn a_stale_index_is_still_right_and_is_rebuilt() {
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
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
        for (from, to) in [(now, now + Duration::days(30)), (now, now + Duration::days(366))] {
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
    let rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().expect("runtime");
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

#[test]
fn an_event_meets_its_tags_or_else_its_category_needs() {
    let mut e = event(1, "2027-01-04T10:00", 60, None, &[], &[]);
    // A talk can be about anything: untagged, it meets no need.
    assert!(e.meets().is_empty());
    e.row.category = "language_course".into();
    assert_eq!(e.meets(), ["language"]);
    e.needs = vec!["children".into(), "language".into()];
    assert_eq!(e.meets(), ["children", "language"]);
    let snapshot = EventsSnapshot::new(1, vec![e]);
    assert!(snapshot.needs.contains("children") && !snapshot.needs.contains("legal"));
}
