//! Dates, times and numbers written the way each language writes them, from
//! CLDR data through ICU4X (leptos_i18n's formatters): "Nov 24, 2026",
//! "24. 11. 2026", "24 нояб. 2026 г.", "٢٤‏/١١‏/٢٠٢٦".
use crate::i18n::Locale;
use icu_calendar::Date;
use icu_datetime::input::Time;
use leptos_i18n::td_format_string;

/// A calendar date from "2026-11-24"; anything else is shown as it came.
pub fn date(locale: Locale, iso: &str) -> String {
    match parse_date(iso) {
        Some(parsed) => {
            let day = &parsed;
            td_format_string!(locale, day, formatter: date(length: medium))
        }
        None => iso.to_string(),
    }
}

/// A clock time from "18:00" ("6:00 PM" in English, "18:00" in Czech).
/// "24:00" (the end of an opening day) has no ICU form and stays as it is.
pub fn time(locale: Locale, hh_mm: &str) -> String {
    match parse_time(hh_mm) {
        Some(parsed) => {
            let t = &parsed;
            td_format_string!(locale, t, formatter: time(length: short; time_precision: minute))
        }
        None => hh_mm.to_string(),
    }
}

/// A number with one decimal place at most ("1.2" / "1,2" / "١٫٢").
pub fn decimal(locale: Locale, value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 10.0).round() / 10.0;
    td_format_string!(locale, rounded, formatter: number)
}

/// A whole number with the language's digits and grouping ("1,200" / "1 200").
pub fn integer(locale: Locale, value: i64) -> String {
    td_format_string!(locale, value, formatter: number)
}

fn parse_date(iso: &str) -> Option<Date<icu_calendar::Iso>> {
    let mut parts = iso.get(..10)?.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    Date::try_new_iso(y, m, d).ok()
}

fn parse_time(hh_mm: &str) -> Option<Time> {
    let (h, m) = hh_mm.split_once(':')?;
    Time::try_new(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_language() {
        assert_eq!(date(Locale::cs, "2026-11-24"), "24. 11. 2026");
        assert_eq!(date(Locale::en, "2026-11-24"), "Nov 24, 2026");
        assert_ne!(date(Locale::uk, "2026-11-24"), date(Locale::en, "2026-11-24"));
        assert_eq!(date(Locale::en, "not a date"), "not a date");
    }

    #[test]
    fn times_follow_each_language() {
        assert_eq!(time(Locale::cs, "18:05"), "18:05");
        assert!(time(Locale::en, "18:05").starts_with("6:05"));
        assert_eq!(time(Locale::en, "24:00"), "24:00");
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(decimal(Locale::en, 1.25), "1.3");
        assert_eq!(decimal(Locale::cs, 1.2), "1,2");
        assert_eq!(integer(Locale::en, 12000), "12,000");
    }
}
