//! Points in time and days as the server reads and writes them. Both
//! databases keep them as text (one schema for SQLite and PostgreSQL,
//! ordered as text): a time as RFC 3339 in UTC to the second
//! ("2026-12-02T20:05:26Z"), a day as "2026-12-02". Rows read them into
//! these types, which refuse anything else, so no code slices strings to
//! find a date.
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The stored form, or a date alone (imports record the day a listing
    /// was last checked), read as midnight UTC of that day.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Timestamp(t.with_timezone(&Utc)));
        }
        let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some(Timestamp(day.and_hms_opt(0, 0, 0)?.and_utc()))
    }

    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }

    /// The day in UTC.
    pub fn date(self) -> NaiveDate {
        self.0.date_naive()
    }
}

/// The Unix epoch: a placeholder for a row being built, before its real
/// time is set.
impl Default for Timestamp {
    fn default() -> Timestamp {
        Timestamp(DateTime::UNIX_EPOCH)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    /// To the second, as stored.
    fn from(t: DateTime<Utc>) -> Timestamp {
        let secs = t.timestamp();
        Timestamp(DateTime::from_timestamp(secs, 0).unwrap_or(t))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

crate::text_value!(Timestamp);

/// A calendar day (when a listing was last confirmed, a freshness cutoff).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(NaiveDate);

impl Day {
    /// "YYYY-MM-DD", or the day of a stored time.
    pub fn parse(s: &str) -> Option<Day> {
        let s = s.trim();
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(Day(d)),
            Err(_) => Timestamp::parse(s).map(|t| Day(t.date())),
        }
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl From<NaiveDate> for Day {
    fn from(d: NaiveDate) -> Day {
        Day(d)
    }
}

impl From<Timestamp> for Day {
    fn from(t: Timestamp) -> Day {
        Day(t.date())
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

crate::text_value!(Day);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_dates_alone() {
        let t = Timestamp::parse("2026-12-02T20:05:26Z").expect("stored form");
        assert_eq!(t.to_string(), "2026-12-02T20:05:26Z");
        assert_eq!(t.date().to_string(), "2026-12-02");
        let offset = Timestamp::parse("2026-12-02T21:05:26+01:00").expect("offset");
        assert_eq!(offset, t);
        let day = Timestamp::parse("2026-05-01").expect("a date");
        assert_eq!(day.to_string(), "2026-05-01T00:00:00Z");
        for bad in ["", "yesterday", "2026-13-01", "2026-12-02 20:05"] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn keeps_whole_seconds_and_orders_by_time() {
        let precise = DateTime::parse_from_rfc3339("2026-12-02T20:05:26.987Z")
            .expect("time")
            .with_timezone(&Utc);
        let t = Timestamp::from(precise);
        assert_eq!(t.to_string(), "2026-12-02T20:05:26Z");
        assert!(t < Timestamp::from(precise + chrono::Duration::seconds(1)));
        let json = serde_json::to_string(&t).expect("json");
        assert_eq!(json, "\"2026-12-02T20:05:26Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).expect("back"), t);
    }

    #[test]
    fn days_read_dates_and_the_day_of_a_time() {
        let d = Day::parse("2026-05-01").expect("date");
        assert_eq!(d.to_string(), "2026-05-01");
        assert_eq!(Day::parse("2026-05-01T23:10:00Z"), Some(d));
        assert!(Day::parse("2026-04-30").expect("date") < d);
        assert_eq!(Day::parse("01.05.2026"), None);
        assert_eq!(Day::parse(""), None);
    }
}
