//! Event filters, parsed once from URL query pairs (like place filters): the
//! page ignores what it cannot understand and says so; the API and the
//! feeds answer 400 naming the parameter.
use crate::http::params::{
    known_category, parse_bool, parse_category, parse_int, parse_lang, parse_pairs, parse_text,
    ParamError,
};
use serde::{Deserialize, Serialize};

pub const MAX_PER_PAGE: u32 = 200;
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The longest window one request may ask for.
pub const MAX_WINDOW_DAYS: i64 = 366;

/// The form field of "suitable for children", in the events page's filters
/// and the organisations' event form. Not `children`: a form's named
/// controls are also properties of the form element, so a control named
/// `children` hides `form.children`, which Leptos' island hydration walks
/// (it then fails with "node.children is not iterable").
pub const CHILDREN_FIELD: &str = "for_children";

/// Which days: today, the next 7 days, the next 30 days, or `from`–`to`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    Today,
    Week,
    #[default]
    Month,
    Range,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventQuery {
    pub when: When,
    /// Local dates `YYYY-MM-DD`, inclusive (with `When::Range`, or the API).
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: Option<String>,
    pub category: Option<String>,
    pub lang: Option<String>,
    pub district: Option<String>,
    pub free: bool,
    pub no_czech: bool,
    pub children: bool,
    pub organisation: Option<i64>,
    /// Events that meet this need (see `crate::needs`).
    pub need: Option<String>,
    pub page: u32,
    pub per_page: u32,
}

fn parse_date(v: &str) -> Result<Option<String>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    // Date part of a date or a date-time.
    let d = v.get(..10).unwrap_or(v);
    let valid = d.len() == 10
        && d.char_indices().all(
            |(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            },
        );
    if valid && is_calendar_date(d) {
        Ok(Some(d.to_string()))
    } else {
        Err("expected a date like 2026-11-24".into())
    }
}

/// Whether `YYYY-MM-DD` names a day of the calendar (no 30 February), the
/// same on the server and in the browser, where chrono is not compiled in.
fn is_calendar_date(d: &str) -> bool {
    let part = |r: std::ops::Range<usize>| d.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(day)) = (part(0..4), part(5..7), part(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn parse_when(v: &str) -> Result<When, String> {
    match v {
        "" | "month" => Ok(When::Month),
        "today" => Ok(When::Today),
        "week" => Ok(When::Week),
        "range" => Ok(When::Range),
        _ => Err("expected today, week, month or range".into()),
    }
}

impl EventQuery {
    /// Drops a category that is not one of `keys` (the database's event
    /// categories) and names the parameter.
    pub fn known_category(&mut self, keys: &[String]) -> Option<ParamError> {
        known_category(&mut self.category, keys)
    }

    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        allowed_extra: &[&str],
    ) -> (EventQuery, Vec<ParamError>) {
        let mut q = EventQuery::default();
        let (paging, mut errors) =
            parse_pairs(pairs, allowed_extra, (DEFAULT_PER_PAGE, MAX_PER_PAGE), |key, value| {
                Some(match key {
                    "when" => parse_when(value).map(|v| q.when = v),
                    "from" => parse_date(value).map(|v| q.from = v),
                    "to" => parse_date(value).map(|v| q.to = v),
                    "q" => parse_text(value).map(|v| q.q = v),
                    "category" => parse_category(value).map(|v| q.category = v),
                    "lang" => parse_lang(value).map(|v| q.lang = v),
                    "district" => parse_text(value).map(|v| q.district = v),
                    "need" => crate::needs::parse_param(value).map(|v| q.need = v),
                    "free" => parse_bool(value).map(|v| q.free = v),
                    "no_czech" => parse_bool(value).map(|v| q.no_czech = v),
                    // The events page's form says `for_children` (see
                    // CHILDREN_FIELD); links and the API say `children`.
                    "children" | "for_children" => parse_bool(value).map(|v| q.children = v),
                    "organisation" => {
                        parse_int(value, 1, u32::MAX).map(|v| q.organisation = v.map(i64::from))
                    }
                    _ => return None,
                })
            });
        (q.page, q.per_page) = (paging.page, paging.per_page);
        if q.from.is_some() || q.to.is_some() {
            q.when = When::Range;
        }
        if let (Some(f), Some(t)) = (&q.from, &q.to) {
            if t < f {
                errors.push(ParamError::new("to", "must not be before `from`"));
            }
        }
        (q, errors)
    }

    /// The query as URL pairs (only what is set), for links and feeds.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        match self.when {
            When::Today => v.push(("when", "today".to_string())),
            When::Week => v.push(("when", "week".to_string())),
            When::Month | When::Range => {}
        }
        let opt = |v: &mut Vec<(&'static str, String)>, k, x: &Option<String>| {
            if let Some(x) = x {
                v.push((k, x.clone()));
            }
        };
        opt(&mut v, "from", &self.from);
        opt(&mut v, "to", &self.to);
        opt(&mut v, "q", &self.q);
        opt(&mut v, "category", &self.category);
        opt(&mut v, "lang", &self.lang);
        opt(&mut v, "district", &self.district);
        opt(&mut v, "need", &self.need);
        for (k, on) in
            [("free", self.free), ("no_czech", self.no_czech), ("children", self.children)]
        {
            if on {
                v.push((k, "true".to_string()));
            }
        }
        if let Some(o) = self.organisation {
            v.push(("organisation", o.to_string()));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_filters_and_names_bad_parameters() {
        let (mut q, mut errors) = EventQuery::parse(
            [
                ("from", "2026-12-01"),
                ("to", "2026-11-01"),
                ("lang", "UK"),
                ("no_czech", "true"),
                ("category", "karaoke"),
                ("when", "soon"),
                ("colour", "red"),
            ],
            &[],
        );
        assert_eq!(q.when, When::Range);
        assert_eq!(q.lang.as_deref(), Some("uk"));
        assert!(q.no_czech);
        // The category has the shape of a key; the database's keys decide.
        errors.extend(q.known_category(&["city_walk".to_string()]));
        assert_eq!(q.category, None);
        let bad: Vec<&str> = errors.iter().map(|e| e.param.as_str()).collect();
        assert_eq!(bad, vec!["when", "colour", "to", "category"]);
        let (_, errors) = EventQuery::parse([("from", "2026-02-30")], &[]);
        assert_eq!(errors.len(), 1, "no 30 February");
    }

    #[test]
    fn calendar_dates() {
        for ok in ["2028-02-29", "2000-02-29", "2026-12-31", "2026-04-30"] {
            assert!(is_calendar_date(ok), "{ok}");
        }
        for bad in
            ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"]
        {
            assert!(!is_calendar_date(bad), "{bad}");
        }
    }

    #[test]
    fn round_trips_through_url_pairs() {
        let (q, _) =
            EventQuery::parse([("when", "week"), ("free", "1"), ("category", "festival")], &[]);
        let pairs = q.to_pairs();
        let (again, errors) = EventQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), &[]);
        assert!(errors.is_empty());
        assert_eq!(again, q);
    }
}
