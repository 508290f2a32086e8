//! When an event happens: its first start as wall-clock time in the city's
//! zone, its length, an RFC 5545 recurrence rule (the `rrule` crate), the
//! local dates left out of the series (exceptions) and those called off
//! (cancellations, still shown, marked). Occurrences are only ever expanded
//! inside a window, so a ten-year daily series costs what the window holds.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

/// The most occurrences one expansion returns.
pub const MAX_OCCURRENCES: u16 = 5000;

#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// First start, local wall time (midnight for all-day events).
    pub start: NaiveDateTime,
    /// Length of one occurrence.
    pub duration: Duration,
    pub all_day: bool,
    pub tz: Tz,
    /// The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TU`; None for a one-off.
    pub rule: Option<String>,
    /// Local dates the series skips.
    pub exceptions: Vec<NaiveDate>,
    /// Local dates called off (listed as cancelled).
    pub cancelled: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub cancelled: bool,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("the start time does not exist in this time zone (clocks change)")]
    NoSuchLocalTime,
    #[error("not a recurrence rule: {0}")]
    Rule(String),
}

impl Schedule {
    fn local(&self, t: NaiveDateTime) -> Result<DateTime<Tz>, ScheduleError> {
        // In the autumn hour that happens twice, take the first.
        self.tz.from_local_datetime(&t).earliest().ok_or(ScheduleError::NoSuchLocalTime)
    }

    fn rule(&self) -> Result<Option<RRule<Unvalidated>>, ScheduleError> {
        let Some(rule) = self.rule.as_deref().filter(|r| !r.trim().is_empty()) else {
            return Ok(None);
        };
        rule.trim()
            .trim_start_matches("RRULE:")
            .parse()
            .map(Some)
            .map_err(|e: rrule::RRuleError| ScheduleError::Rule(e.to_string()))
    }

    /// The series as an `RRuleSet`; None for a one-off event.
    fn set(&self) -> Result<Option<RRuleSet>, ScheduleError> {
        self.set_from(self.start)
    }

    /// The series with its start moved to `anchor` (an occurrence of the
    /// original series; see `anchor_before`).
    fn set_from(&self, anchor: NaiveDateTime) -> Result<Option<RRuleSet>, ScheduleError> {
        let Some(parsed) = self.rule()? else {
            return Ok(None);
        };
        let tz: rrule::Tz = self.tz.into();
        let start = self.local(anchor)?.with_timezone(&tz);
        let mut set = parsed.build(start).map_err(|e| ScheduleError::Rule(e.to_string()))?;
        for d in &self.exceptions {
            let t = self.local(d.and_time(self.start.time()))?;
            set = set.exdate(t.with_timezone(&tz));
        }
        Ok(Some(set))
    }

    /// A start for expanding from `t` on that gives the same occurrences as
    /// the series' own start, but skips whole periods before `t` (so a
    /// window years after the start costs what the window holds). Only for
    /// rules where moving the start by whole intervals changes nothing: no
    /// COUNT, daily or weekly; monthly up to day 28; yearly except 29 Feb.
    fn anchor_before(&self, t: NaiveDateTime) -> Result<NaiveDateTime, ScheduleError> {
        use chrono::{Datelike, Months};
        use rrule::Frequency;
        let Some(rule) = self.rule()? else {
            return Ok(self.start);
        };
        if rule.get_count().is_some() || t <= self.start {
            return Ok(self.start);
        }
        let n = i64::from(rule.get_interval().max(1));
        let days = (t.date() - self.start.date()).num_days();
        // One period of margin before `t`.
        let periods = |length: i64| ((days / length) / n - 1).max(0) * n;
        let moved = match rule.get_freq() {
            Frequency::Daily => self.start.checked_add_signed(Duration::days(periods(1))),
            Frequency::Weekly => self.start.checked_add_signed(Duration::weeks(periods(7))),
            Frequency::Monthly if self.start.day() <= 28 => {
                let months = u32::try_from(periods(31)).unwrap_or(0);
                self.start.checked_add_months(Months::new(months))
            }
            Frequency::Yearly if !(self.start.month() == 2 && self.start.day() == 29) => {
                let years = u32::try_from(periods(366)).unwrap_or(0);
                self.start.checked_add_months(Months::new(years * 12))
            }
            _ => None,
        };
        Ok(moved.unwrap_or(self.start))
    }

    /// Checks the rule and the start (what a form needs to know).
    pub fn check(&self) -> Result<(), ScheduleError> {
        self.local(self.start)?;
        self.set().map(|_| ())
    }

    /// Occurrences overlapping `[from, to)`, earliest first, at most `limit`.
    pub fn between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u16,
    ) -> Result<Vec<Occurrence>, ScheduleError> {
        self.between_checked(from, to, limit).map(|(all, _)| all)
    }

    /// `between`, and whether the expansion stopped early (at `limit`, or at
    /// the `rrule` crate's own loop limit), so the list may miss some.
    pub fn between_checked(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u16,
    ) -> Result<(Vec<Occurrence>, bool), ScheduleError> {
        let after_local = from
            .checked_sub_signed(self.duration)
            .unwrap_or(from)
            .with_timezone(&self.tz)
            .naive_local();
        let anchor = self.anchor_before(after_local)?;
        let set = match self.set_from(anchor) {
            Ok(set) => set,
            // A moved start past UNTIL: the original series has nothing there.
            Err(_) if anchor != self.start => return Ok((Vec::new(), false)),
            Err(e) => return Err(e),
        };
        let (starts, limited): (Vec<DateTime<Utc>>, bool) = match set {
            None => (vec![self.local(self.start)?.with_timezone(&Utc)], false),
            Some(set) => {
                let tz: rrule::Tz = self.tz.into();
                // An occurrence that began before `from` may still be on.
                let after =
                    from.checked_sub_signed(self.duration).unwrap_or(from).with_timezone(&tz);
                let before = to.with_timezone(&tz);
                let result = set.after(after).before(before).all(limit.min(MAX_OCCURRENCES));
                let starts = result.dates.into_iter().map(|d| d.with_timezone(&Utc)).collect();
                (starts, result.limited)
            }
        };
        let all = starts
            .into_iter()
            .filter(|s| *s < to && s.checked_add_signed(self.duration).is_none_or(|end| end > from))
            .take(limit as usize)
            .map(|start| {
                let local = start.with_timezone(&self.tz).date_naive();
                Occurrence {
                    start,
                    end: start + self.duration,
                    cancelled: self.cancelled.contains(&local),
                }
            })
            .collect();
        Ok((all, limited))
    }

    /// The first occurrence's start (the series' own start when the rule
    /// does not match it, as RFC 5545 allows).
    pub fn first_start(&self) -> Result<DateTime<Utc>, ScheduleError> {
        let start = self.local(self.start)?.with_timezone(&Utc);
        let first = self
            .between(start, start + Duration::days(5 * 366), 1)?
            .into_iter()
            .next()
            .map(|o| o.start);
        Ok(first.unwrap_or(start))
    }

    /// When the series ends (None: it does not), as the end of its last
    /// occurrence; what the data layer stores to find candidate events.
    pub fn last_end(&self) -> Result<Option<DateTime<Utc>>, ScheduleError> {
        let Some(set) = self.set()? else {
            return Ok(Some(self.local(self.start)?.with_timezone(&Utc) + self.duration));
        };
        let bounded =
            set.get_rrule().iter().all(|r| r.get_count().is_some() || r.get_until().is_some());
        if !bounded {
            return Ok(None);
        }
        let all = set.all(MAX_OCCURRENCES);
        if all.limited {
            // Too long to walk: treated as open-ended (only a query bound).
            return Ok(None);
        }
        Ok(all.dates.last().map(|d| d.with_timezone(&Utc) + self.duration))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        at(s).and_utc()
    }

    fn weekly(rule: &str) -> Schedule {
        Schedule {
            start: at("2026-10-06 18:00"),
            duration: Duration::minutes(90),
            all_day: false,
            tz: chrono_tz::Europe::Prague,
            rule: Some(rule.into()),
            exceptions: vec![],
            cancelled: vec![],
        }
    }

    #[test]
    fn wall_time_stays_across_daylight_saving_changes() {
        // Tuesdays 18:00 in Prague: 16:00 UTC in summer time, 17:00 after
        // the last Sunday of October, 16:00 again after the last of March.
        let s = weekly("FREQ=WEEKLY;BYDAY=TU");
        let oct = s.between(utc("2026-10-19 00:00"), utc("2026-11-01 00:00"), 10).expect("ok");
        assert_eq!(
            oct.iter().map(|o| o.start).collect::<Vec<_>>(),
            vec![utc("2026-10-20 16:00"), utc("2026-10-27 17:00")]
        );
        let march = s.between(utc("2027-03-22 00:00"), utc("2027-04-04 00:00"), 10).expect("ok");
        assert_eq!(
            march.iter().map(|o| o.start).collect::<Vec<_>>(),
            vec![utc("2027-03-23 17:00"), utc("2027-03-30 16:00")]
        );
        assert_eq!(oct[0].end - oct[0].start, Duration::minutes(90));
    }

    #[test]
    fn exceptions_are_skipped_and_cancellations_marked() {
        let mut s = weekly("FREQ=WEEKLY;BYDAY=TU");
        s.start = at("2026-12-01 18:00");
        s.exceptions = vec![NaiveDate::from_ymd_opt(2026, 12, 22).expect("date")];
        s.cancelled = vec![NaiveDate::from_ymd_opt(2026, 12, 29).expect("date")];
        let dec = s.between(utc("2026-12-14 00:00"), utc("2027-01-06 00:00"), 10).expect("ok");
        let got: Vec<(DateTime<Utc>, bool)> = dec.iter().map(|o| (o.start, o.cancelled)).collect();
        assert_eq!(
            got,
            vec![
                (utc("2026-12-15 17:00"), false),
                (utc("2026-12-29 17:00"), true),
                (utc("2027-01-05 17:00"), false),
            ]
        );
    }

    #[test]
    fn last_sunday_of_november() {
        let mut s = weekly("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU");
        s.start = at("2026-11-29 12:00");
        let got = s.between(utc("2026-01-01 00:00"), utc("2029-01-01 00:00"), 10).expect("ok");
        let days: Vec<String> =
            got.iter().map(|o| o.start.format("%Y-%m-%d").to_string()).collect();
        assert_eq!(days, vec!["2026-11-29", "2027-11-28", "2028-11-26"]);
    }

    #[test]
    fn a_long_daily_series_is_expanded_only_inside_the_window() {
        let mut s = weekly("FREQ=DAILY;UNTIL=20361005T220000Z");
        s.duration = Duration::hours(1);
        let window = s.between(utc("2031-03-01 00:00"), utc("2031-03-08 00:00"), 100).expect("ok");
        assert_eq!(window.len(), 7);
        assert_eq!(window[0].start, utc("2031-03-01 17:00"));
        let limited = s.between(utc("2026-10-06 00:00"), utc("2036-10-06 00:00"), 20).expect("ok");
        assert_eq!(limited.len(), 20, "the limit caps a ten-year window");
        assert_eq!(
            s.last_end().expect("ok"),
            Some(utc("2036-10-05 16:00") + Duration::hours(1)),
            "a bounded series knows its end"
        );
        assert_eq!(weekly("FREQ=WEEKLY").last_end().expect("ok"), None);
    }

    #[test]
    fn one_offs_and_ongoing_occurrences() {
        let mut s = weekly("");
        s.rule = None;
        s.duration = Duration::hours(3);
        let got = s.between(utc("2026-10-06 17:00"), utc("2026-10-07 00:00"), 5).expect("ok");
        assert_eq!(got.len(), 1, "still on at 19:00 local");
        assert!(s
            .between(utc("2026-10-06 20:00"), utc("2026-10-07 00:00"), 5)
            .expect("ok")
            .is_empty());
    }

    /// Expanding from a moved start must give exactly what expanding the
    /// whole series gives, for every kind of rule it is used for.
    #[test]
    fn moving_the_start_changes_no_occurrence() {
        let rules = [
            ("2026-01-05 18:00", "FREQ=WEEKLY;BYDAY=MO,WE"),
            ("2026-01-06 18:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU"),
            ("2026-01-01 09:00", "FREQ=DAILY;INTERVAL=3"),
            ("2026-01-13 17:00", "FREQ=MONTHLY;BYDAY=2TU"),
            ("2026-01-28 10:00", "FREQ=MONTHLY"),
            ("2026-11-29 12:00", "FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU"),
            ("2026-03-10 08:00", "FREQ=DAILY;UNTIL=20300101T000000Z"),
        ];
        for (start, rule) in rules {
            let mut s = weekly(rule);
            s.start = at(start);
            s.exceptions = vec![NaiveDate::from_ymd_opt(2029, 3, 14).expect("date")];
            for (from, to) in [
                ("2029-03-01 00:00", "2029-04-15 00:00"),
                ("2026-10-20 00:00", "2026-11-30 00:00"),
                ("2031-11-01 00:00", "2031-12-31 00:00"),
            ] {
                let moved = s.between(utc(from), utc(to), 500).expect("ok");
                // The reference: the whole series from its own start.
                let tz: rrule::Tz = s.tz.into();
                let full: Vec<DateTime<Utc>> = s
                    .set()
                    .expect("ok")
                    .expect("series")
                    .after((utc(from) - s.duration).with_timezone(&tz))
                    .before(utc(to).with_timezone(&tz))
                    .all(500)
                    .dates
                    .into_iter()
                    .map(|d| d.with_timezone(&Utc))
                    .filter(|d| *d < utc(to) && *d + s.duration > utc(from))
                    .collect();
                assert_eq!(
                    moved.iter().map(|o| o.start).collect::<Vec<_>>(),
                    full,
                    "{rule} in {from}..{to}"
                );
            }
        }
    }

    #[test]
    fn bad_rules_and_impossible_times_are_refused() {
        assert!(matches!(weekly("FREQ=SOMETIMES").check(), Err(ScheduleError::Rule(_))));
        let mut s = weekly("FREQ=WEEKLY");
        s.start = at("2027-03-28 02:30");
        assert_eq!(s.check(), Err(ScheduleError::NoSuchLocalTime));
    }
}
