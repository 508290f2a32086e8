//! Opening hours in OpenStreetMap syntax, evaluated in the city's time zone
//! with the country's public holidays.
use super::model::{DayHours, Hours, HoursNote, NextChange};
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours, RuleKind};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, OnceLock, RwLock};

/// Parsed expressions by source text and country: lists evaluate the same
/// few hundred strings on every request, parsing them once is enough.
type Cache = RwLock<HashMap<(String, String), Option<Arc<OpeningHours>>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Parses `expr` with the holidays of `country` (ISO code); None if invalid.
pub fn parse(expr: &str, country: &str) -> Option<Arc<OpeningHours>> {
    let key = (expr.to_string(), country.to_string());
    if let Ok(map) = cache().read() {
        if let Some(hit) = map.get(&key) {
            return hit.clone();
        }
    }
    let parsed = expr.parse::<OpeningHours>().ok().map(|oh| {
        let ctx = match Country::from_str(country) {
            Ok(c) => Context::default().with_holidays(c.holidays()),
            Err(_) => Context::default(),
        };
        Arc::new(oh.with_context(ctx))
    });
    if let Ok(mut map) = cache().write() {
        map.insert(key, parsed.clone());
    }
    parsed
}

pub fn is_valid(expr: &str) -> bool {
    expr.parse::<OpeningHours>().is_ok()
}

pub fn local_time(now: DateTime<Utc>, tz: &str) -> NaiveDateTime {
    match Tz::from_str(tz) {
        Ok(tz) => now.with_timezone(&tz).naive_local(),
        Err(_) => now.naive_utc(),
    }
}

/// Open (Some(true)), closed (Some(false)) or unknown (None) at `now`.
pub fn open_now(expr: Option<&str>, country: &str, tz: &str, now: DateTime<Utc>) -> Option<bool> {
    let oh = parse(expr?, country)?;
    let local = local_time(now, tz);
    match oh.state(local).0 {
        RuleKind::Open => Some(true),
        RuleKind::Closed => Some(false),
        RuleKind::Unknown => None,
    }
}

/// When the place next opens or closes, within a week.
pub fn next_change(
    expr: Option<&str>,
    country: &str,
    tz: &str,
    now: DateTime<Utc>,
) -> Option<NextChange> {
    let oh = parse(expr?, country)?;
    let local = local_time(now, tz);
    // Within the week only: `OpeningHours::next_change` has no horizon and,
    // for hours that never change (always open, always closed), searches
    // for a long time; a list asks this for every card.
    let mut ranges = oh.iter_range(local, local + Duration::days(7));
    let now_kind = ranges.next()?.kind;
    let next = ranges.find(|r| r.kind != now_kind)?.range.start;
    Some(NextChange {
        weekday: next.weekday().num_days_from_monday() as u8,
        time: next.format("%H:%M").to_string(),
        today: next.date() == local.date(),
    })
}

/// The next seven days of hours, starting today in the city's time zone.
pub fn week(
    expr: Option<&str>,
    text: Option<&str>,
    country: &str,
    tz: &str,
    now: DateTime<Utc>,
) -> Hours {
    let local = local_time(now, tz);
    let mut hours = Hours {
        opening_hours: expr.map(str::to_string),
        published_text: text.map(str::to_string),
        open_now: None,
        next_change: None,
        week: Vec::new(),
        closed_on_holidays: expr.is_some_and(|e| e.contains("PH off")),
    };
    let Some(oh) = expr.and_then(|e| parse(e, country)) else {
        return hours;
    };
    hours.open_now = open_now(expr, country, tz, now);
    let today = local.date();
    for offset in 0..7 {
        let date = today + Duration::days(offset);
        let start = date.and_hms_opt(0, 0, 0).unwrap_or(local);
        let end = start + Duration::days(1);
        let mut spans = Vec::new();
        let mut notes: Vec<HoursNote> = Vec::new();
        for r in oh.iter_range(start, end) {
            if r.kind == RuleKind::Open {
                spans.push((fmt_time(r.range.start, start), fmt_time(r.range.end, start)));
            }
            if let Some(n) = note(&r.comment).filter(|n| !notes.contains(n)) {
                notes.push(n);
            }
        }
        hours.week.push(DayHours {
            weekday: date.weekday().num_days_from_monday() as u8,
            date: date.format("%Y-%m-%d").to_string(),
            is_today: offset == 0,
            spans,
            notes,
        });
    }
    hours.next_change = next_change(expr, country, tz, now);
    hours
}

/// What a rule's comment tells the visitor; None when it has none.
fn note(comment: &str) -> Option<HoursNote> {
    // Words offices use for "only with a booked time", in the languages
    // the data is written in.
    const APPOINTMENT: [&str; 7] =
        ["appointment", "booking", "objednan", "objednán", "objednávk", "objednavk", "reservation"];
    let comment = comment.trim();
    if comment.is_empty() {
        return None;
    }
    let folded = comment.to_lowercase();
    Some(if APPOINTMENT.iter().any(|w| folded.contains(w)) {
        HoursNote::Appointment
    } else {
        HoursNote::Text(comment.to_string())
    })
}

/// "24:00" for the end of the day rather than "00:00".
fn fmt_time(t: NaiveDateTime, day_start: NaiveDateTime) -> String {
    if t >= day_start + Duration::days(1) {
        "24:00".into()
    } else {
        t.format("%H:%M").to_string()
    }
}

/// Converts a local civil time in `tz` to UTC (for tests and fixed clocks).
pub fn utc_from_local(tz: &str, y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<DateTime<Utc>> {
    let tz = Tz::from_str(tz).ok()?;
    tz.with_ymd_and_hms(y, m, d, h, min, 0).single().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFICE: &str = "Mo,We 08:00-17:00; Tu,Th 08:00-15:00; Fr 08:00-12:00; PH off";

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        utc_from_local("Europe/Prague", y, m, d, h, min).expect("valid local time")
    }

    #[test]
    fn open_and_closed_on_an_ordinary_week() {
        // Monday 2 Nov 2026
        assert_eq!(
            open_now(Some(OFFICE), "CZ", "Europe/Prague", at(2026, 11, 2, 9, 0)),
            Some(true)
        );
        assert_eq!(
            open_now(Some(OFFICE), "CZ", "Europe/Prague", at(2026, 11, 2, 17, 30)),
            Some(false)
        );
        // Friday afternoon
        assert_eq!(
            open_now(Some(OFFICE), "CZ", "Europe/Prague", at(2026, 11, 6, 13, 0)),
            Some(false)
        );
    }

    #[test]
    fn closed_on_a_czech_public_holiday() {
        // Tuesday 17 Nov 2026 is Struggle for Freedom and Democracy Day in CZ.
        assert_eq!(
            open_now(Some(OFFICE), "CZ", "Europe/Prague", at(2026, 11, 17, 10, 0)),
            Some(false)
        );
        // The same Tuesday morning one week later is an ordinary working day.
        assert_eq!(
            open_now(Some(OFFICE), "CZ", "Europe/Prague", at(2026, 11, 24, 10, 0)),
            Some(true)
        );
    }

    #[test]
    fn evaluated_in_city_time_not_utc() {
        // 07:30 UTC on a summer Tuesday is 09:30 in Prague (UTC+2): open.
        // (Not Monday 6 July: that is Jan Hus Day, a public holiday.)
        let summer = Utc.with_ymd_and_hms(2026, 7, 7, 7, 30, 0).single().expect("valid");
        assert_eq!(open_now(Some(OFFICE), "CZ", "Europe/Prague", summer), Some(true));
        // 13:30 UTC that Tuesday is 15:30 in Prague: closed, though 13:30 is not.
        let later = Utc.with_ymd_and_hms(2026, 7, 7, 13, 30, 0).single().expect("valid");
        assert_eq!(open_now(Some(OFFICE), "CZ", "Europe/Prague", later), Some(false));
        // 16:30 UTC on a winter Monday is 17:30 in Prague (UTC+1): closed,
        // although 16:30 itself would be inside the hours.
        let winter = Utc.with_ymd_and_hms(2026, 1, 5, 16, 30, 0).single().expect("valid");
        assert_eq!(open_now(Some(OFFICE), "CZ", "Europe/Prague", winter), Some(false));
    }

    #[test]
    fn dst_switch_night_is_handled() {
        // The last Sunday of March 2026 (29th): 02:00 does not exist in Prague.
        assert!(utc_from_local("Europe/Prague", 2026, 3, 29, 2, 30).is_none());
        let night = "Mo-Su 00:00-24:00";
        let t = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).single().expect("valid");
        assert_eq!(open_now(Some(night), "CZ", "Europe/Prague", t), Some(true));
    }

    #[test]
    fn unknown_or_invalid_hours_give_none() {
        let t = at(2026, 11, 2, 9, 0);
        assert_eq!(open_now(None, "CZ", "Europe/Prague", t), None);
        assert_eq!(open_now(Some("by appointment"), "CZ", "Europe/Prague", t), None);
        assert!(!is_valid("by appointment"));
    }

    #[test]
    fn week_lists_spans_and_holiday() {
        // Monday 16 Nov 2026, the day before the holiday.
        let h = week(Some(OFFICE), None, "CZ", "Europe/Prague", at(2026, 11, 16, 9, 0));
        assert_eq!(h.week.len(), 7);
        assert!(h.week[0].is_today);
        assert_eq!(h.week[0].spans, vec![("08:00".to_string(), "17:00".to_string())]);
        assert!(h.week[1].spans.is_empty(), "17 Nov is a public holiday");
        assert_eq!(h.week[4].spans, vec![("08:00".to_string(), "12:00".to_string())]);
        let next = NextChange { weekday: 0, time: "17:00".into(), today: true };
        assert_eq!(h.next_change, Some(next));
        assert!(h.closed_on_holidays);
        // Closed on Monday evening, and Tuesday is the holiday: Wednesday 8:00.
        let evening = at(2026, 11, 16, 19, 0);
        let next = NextChange { weekday: 2, time: "08:00".into(), today: false };
        assert_eq!(next_change(Some(OFFICE), "CZ", "Europe/Prague", evening), Some(next));
        // Hours that never change have no next change within the week.
        assert_eq!(next_change(Some("24/7"), "CZ", "Europe/Prague", evening), None);
    }

    #[test]
    fn notes_stay_with_their_day() {
        let expr =
            r#"Mo 08:00-17:00; Fr 08:00-12:00 "appointment only"; We 09:00-11:00 "Ukrainian only""#;
        assert!(is_valid(expr));
        // Monday 2 Nov 2026: Monday, ..., Friday at index 4.
        let h = week(Some(expr), None, "CZ", "Europe/Prague", at(2026, 11, 2, 9, 0));
        assert!(h.week[0].notes.is_empty());
        assert_eq!(h.week[4].notes, vec![HoursNote::Appointment]);
        assert_eq!(h.week[4].spans, vec![("08:00".to_string(), "12:00".to_string())]);
        assert_eq!(h.week[2].notes, vec![HoursNote::Text("Ukrainian only".into())]);
        // The Czech words for the same note are recognised too.
        assert_eq!(note(" jen po objednání "), Some(HoursNote::Appointment));
        assert_eq!(note(""), None);
    }
}
