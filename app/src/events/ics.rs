//! iCalendar (RFC 5545) for one event or a whole filtered view, built with
//! the `icalendar` crate. Times are local with a TZID, and the calendar
//! carries a VTIMEZONE for each zone it names, which is what Google, Apple
//! and Thunderbird calendars accept for subscriptions.
use crate::db::EventRow;
use crate::values::Publication;
use chrono::{Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use icalendar::{
    Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus, Property,
};

/// What one VEVENT needs besides the stored row.
pub struct IcsEvent<'a> {
    pub row: &'a EventRow,
    pub title: String,
    pub description: Option<String>,
    pub location: Option<String>,
    /// The event's page.
    pub url: String,
}

fn local(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").ok()
}

fn when(t: NaiveDateTime, all_day: bool, tzid: &str) -> DatePerhapsTime {
    if all_day {
        DatePerhapsTime::Date(t.date())
    } else {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: t,
            tzid: tzid.to_string(),
        })
    }
}

fn vevent(e: &IcsEvent<'_>, host: &str) -> Option<Event> {
    let r = e.row;
    let start = local(&r.starts_local)?;
    let all_day = r.all_day;
    let minutes = r.duration_minutes.max(1);
    let end = if all_day {
        // DTEND of an all-day event is the day after (exclusive).
        (start + Duration::minutes(minutes))
            .date()
            .and_time(chrono::NaiveTime::MIN)
            .max(start + Duration::days(1))
    } else {
        start + Duration::minutes(minutes)
    };
    let mut ev = Event::new();
    ev.uid(&format!("event-{}-{}@{host}", r.city, r.slug))
        .summary(&e.title)
        .starts(when(start, all_day, &r.timezone))
        .ends(when(end, all_day, &r.timezone))
        .url(&e.url)
        .add_property("CATEGORIES", &r.category)
        .add_property("LAST-MODIFIED", r.updated_at.utc().format("%Y%m%dT%H%M%SZ").to_string());
    let mut text = e.description.clone().unwrap_or_default();
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&e.url);
    ev.description(&text);
    if let Some(l) = &e.location {
        ev.location(l);
    }
    if let Some(rule) = r.rrule.as_deref().filter(|x| !x.trim().is_empty()) {
        ev.add_property("RRULE", rule.trim().trim_start_matches("RRULE:"));
        // Exceptions and cancelled dates both leave the series in a calendar.
        let skipped: Vec<String> = r
            .exceptions
            .split(',')
            .chain(r.cancelled_dates.split(','))
            .filter_map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
            .map(|d| {
                if all_day {
                    d.format("%Y%m%d").to_string()
                } else {
                    d.and_time(start.time()).format("%Y%m%dT%H%M%S").to_string()
                }
            })
            .collect();
        if !skipped.is_empty() {
            let mut p = Property::new("EXDATE", skipped.join(","));
            if all_day {
                p.add_parameter("VALUE", "DATE");
            } else {
                p.add_parameter("TZID", &r.timezone);
            }
            ev.append_multi_property(p);
        }
    }
    if r.status == Publication::Cancelled {
        ev.status(EventStatus::Cancelled);
    }
    Some(ev.done())
}

/// A calendar named `name` with `events`; `host` makes the UIDs global.
pub fn calendar(name: &str, events: &[IcsEvent<'_>], host: &str) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    let mut zones: Vec<&str> = Vec::new();
    for e in events {
        if let Some(ev) = vevent(e, host) {
            cal.push(ev);
            if !zones.contains(&e.row.timezone.as_str()) {
                zones.push(&e.row.timezone);
            }
        }
    }
    let text = cal.done().to_string();
    // The crate has no VTIMEZONE builder: the components go in before the
    // first event (RFC 5545 lets them come in any order inside VCALENDAR).
    let zones: String = zones.iter().filter_map(|z| vtimezone(z)).collect();
    match text.find("BEGIN:VEVENT") {
        Some(i) => format!("{}{zones}{}", &text[..i], &text[i..]),
        None => text.replacen("END:VCALENDAR", &format!("{zones}END:VCALENDAR"), 1),
    }
}

/// A VTIMEZONE for a zone that follows the EU rule (summer time from the
/// last Sunday of March to the last Sunday of October, as in both cities);
/// offsets are taken from the zone database. None for other zones.
pub fn vtimezone(tzid: &str) -> Option<String> {
    let tz: chrono_tz::Tz = tzid.parse().ok()?;
    let offset = |m: u32| -> Option<i32> {
        let t = tz.with_ymd_and_hms(2026, m, 15, 12, 0, 0).single()?;
        Some(t.offset().fix().local_minus_utc())
    };
    let (winter, summer) = (offset(1)?, offset(7)?);
    if summer - winter != 3600 {
        return None;
    }
    let fmt = |s: i32| {
        format!(
            "{}{:02}{:02}",
            if s < 0 { '-' } else { '+' },
            s.abs() / 3600,
            (s.abs() % 3600) / 60
        )
    };
    let (w, s) = (fmt(winter), fmt(summer));
    Some(format!(
        "BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n\
         BEGIN:DAYLIGHT\r\nTZOFFSETFROM:{w}\r\nTZOFFSETTO:{s}\r\nTZNAME:CEST\r\n\
         DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
         BEGIN:STANDARD\r\nTZOFFSETFROM:{s}\r\nTZOFFSETTO:{w}\r\nTZNAME:CET\r\n\
         DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
         END:VTIMEZONE\r\n"
    ))
}
