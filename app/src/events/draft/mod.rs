//! An event as an organisation proposes it: the form, parsed once and
//! checked whole (dates, times, the repetition, where it happens), and the
//! public event it becomes when a moderator accepts it.
//!
//! Organisers do not write RFC 5545: they choose "every week on …", "every
//! other week", "every month on the 2nd Tuesday", "on the last Tuesday of the
//! month", with an optional end date and dates to skip. A rule the form
//! cannot say (from an import) is kept and shown as written ("custom").
use super::query::CHILDREN_FIELD;
use crate::listing::draft::ListingDraft;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

/// RFC 5545 day codes, Monday first (the order of the form's boxes).
pub const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// The form's choices of repetition ("" = once).
pub const REPEATS: [&str; 6] = ["", "weekly", "biweekly", "monthly", "monthly_last", "custom"];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventDraft {
    pub title: String,
    pub title_en: String,
    pub category: String,
    /// A place on the map (one of the organisation's).
    pub place: Option<i64>,
    /// Its name, for the review diff.
    pub place_name: Option<String>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    /// YYYY-MM-DD and HH:MM, local time in the city's zone.
    pub date: String,
    pub time: String,
    pub end_date: String,
    pub end_time: String,
    pub all_day: bool,
    /// One of REPEATS.
    pub repeat: String,
    /// For weekly repeats: WEEKDAYS codes.
    pub weekdays: Vec<String>,
    /// Last local date of the series.
    pub until: Option<String>,
    /// A custom RRULE value (repeat = "custom").
    pub rule: Option<String>,
    /// Local dates the series skips.
    pub skip_dates: Vec<String>,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub free: bool,
    pub price: Option<String>,
    pub children: bool,
    pub accessibility: Option<String>,
    pub registration_url: Option<String>,
    pub capacity: Option<i64>,
    pub description_en: Option<String>,
    /// In the city's language.
    pub description_local: Option<String>,
    /// The description in other languages (language code → text).
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, String>,
    /// The title in other languages (language code → title).
    #[serde(default)]
    pub title_translations: std::collections::BTreeMap<String, String>,
    /// What it helps newcomers with (keys of `app/needs.json`).
    #[serde(default)]
    pub needs: Vec<String>,
}

/// The form's fields, in form order.
pub static FIELDS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
    crate::listing::draft::form_fields(
        <EventDraft as crate::listing::draft::ListingDraft>::NAME,
        true,
        &[
            "category",
            "place",
            "address",
            "online_url",
            "date",
            "time",
            "end_date",
            "end_time",
            "all_day",
            "repeat",
            "weekdays",
            "until",
            "rule",
            "skip_dates",
            "needs",
            "languages",
            "no_czech",
            "free",
            "price",
            "children",
            "accessibility",
            "registration_url",
            "capacity",
        ],
    )
});

impl ListingDraft for EventDraft {
    const KIND: crate::listing::ListingKind = crate::listing::ListingKind::Event;

    fn fields() -> &'static [&'static str] {
        &FIELDS
    }

    fn form_values(&self) -> Vec<(String, String)> {
        let mut v = crate::listing::draft::form_values(self);
        if let Some((k, _)) = v.iter_mut().find(|(k, _)| k == "children") {
            *k = CHILDREN_FIELD.to_string();
        }
        v
    }
}

impl EventDraft {
    fn start(&self) -> Option<NaiveDateTime> {
        let date = NaiveDate::parse_from_str(&self.date, "%Y-%m-%d").ok()?;
        let time = if self.all_day {
            NaiveTime::MIN
        } else {
            NaiveTime::parse_from_str(&self.time, "%H:%M").ok()?
        };
        Some(date.and_time(time))
    }

    /// Length of one occurrence; an all-day event lasts whole days up to
    /// and including its end date.
    fn duration(&self) -> Option<Duration> {
        let start = self.start()?;
        let end_date = match self.end_date.as_str() {
            "" => start.date(),
            d => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?,
        };
        if self.all_day {
            return Some(Duration::days((end_date - start.date()).num_days() + 1));
        }
        let end_time = NaiveTime::parse_from_str(&self.end_time, "%H:%M").ok()?;
        Some(end_date.and_time(end_time) - start)
    }

    /// The RRULE value for the chosen repetition; None for a one-off.
    pub fn rrule(&self, tz: chrono_tz::Tz) -> Option<String> {
        let start = self.start()?;
        let mut parts: Vec<String> = match self.repeat.as_str() {
            "weekly" | "biweekly" => {
                let days = if self.weekdays.is_empty() {
                    WEEKDAYS[start.weekday().num_days_from_monday() as usize].to_string()
                } else {
                    self.weekdays.join(",")
                };
                let mut p = vec!["FREQ=WEEKLY".to_string()];
                if self.repeat == "biweekly" {
                    p.push("INTERVAL=2".into());
                }
                p.push(format!("BYDAY={days}"));
                p
            }
            "monthly" | "monthly_last" => {
                let day = WEEKDAYS[start.weekday().num_days_from_monday() as usize];
                let nth = (start.day() - 1) / 7 + 1;
                // A fifth weekday is not in every month: it is the last one.
                let nth = if self.repeat == "monthly_last" || nth == 5 {
                    "-1".to_string()
                } else {
                    nth.to_string()
                };
                vec!["FREQ=MONTHLY".into(), format!("BYDAY={nth}{day}")]
            }
            "custom" => return self.rule.clone(),
            _ => return None,
        };
        if let Some(until) =
            self.until.as_deref().and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok())
        {
            // UNTIL is a UTC instant when the start has a zone (RFC 5545).
            let last =
                until.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
            let utc = tz.from_local_datetime(&last).latest().map(|t| t.naive_utc()).unwrap_or(last);
            parts.push(format!("UNTIL={}", utc.format("%Y%m%dT%H%M%SZ")));
        }
        Some(parts.join(";"))
    }
}

mod parse;
mod publish;
#[cfg(test)]
mod tests;

pub use parse::parse_event;
pub use publish::{draft_of, to_new_event, Venue};
