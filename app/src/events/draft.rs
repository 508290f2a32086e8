//! An event as an organisation proposes it: the form, parsed once and
//! checked whole (dates, times, the repetition, where it happens), and the
//! public event it becomes when a moderator accepts it.
//!
//! Organisers do not write RFC 5545: they choose "every week on …", "every
//! other week", "every month on the 2nd Tuesday", "on the last Tuesday of the
//! month", with an optional end date and dates to skip. A rule the form
//! cannot say (from an import) is kept and shown as written ("custom").
use super::query::CHILDREN_FIELD;
use crate::accounts::model::{optional_website, required_text, FieldError, FieldErrors};
use crate::cities::City;
use crate::db::{EventRow, NewEvent};
use crate::form_post::{optional_text, take, text, FormValues};
use crate::moderation::draft::ListingDraft;
use crate::places::submission::LANGUAGES;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const LONG_TEXT_MAX_CHARS: usize = 3000;

/// RFC 5545 day codes, Monday first (the order of the form's boxes).
pub const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// The form's choices of repetition ("" = once).
pub const REPEATS: [&str; 6] = [
    "",
    "weekly",
    "biweekly",
    "monthly",
    "monthly_last",
    "custom",
];

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
}

pub const FIELDS: [&str; 33] = [
    "title",
    "title_en",
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
    "languages",
    "no_czech",
    "free",
    "price",
    "children",
    "accessibility",
    "registration_url",
    "capacity",
    "description_en",
    "description_local",
    "translation_cs",
    "translation_sk",
    "translation_uk",
    "translation_ru",
    "translation_vi",
    "translation_ar",
    "organisation",
];

fn flag(b: bool) -> String {
    if b { "1" } else { "" }.to_string()
}

impl ListingDraft for EventDraft {
    const KIND: &'static str = "event";

    fn fields() -> &'static [&'static str] {
        // "organisation" is a form field only, not part of the draft.
        &FIELDS[..FIELDS.len() - 1]
    }

    fn field(&self, name: &str) -> String {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        match name {
            "title" => self.title.clone(),
            "title_en" => self.title_en.clone(),
            "category" => self.category.clone(),
            "place" => opt(&self.place_name),
            "address" => opt(&self.address),
            "online_url" => opt(&self.online_url),
            "date" => self.date.clone(),
            "time" => self.time.clone(),
            "end_date" => self.end_date.clone(),
            "end_time" => self.end_time.clone(),
            "all_day" => flag(self.all_day),
            "repeat" => self.repeat.clone(),
            "weekdays" => self.weekdays.join(","),
            "until" => opt(&self.until),
            "rule" => opt(&self.rule),
            "skip_dates" => self.skip_dates.join(", "),
            "languages" => self.languages.join(","),
            "no_czech" => flag(self.no_czech),
            "free" => flag(self.free),
            "price" => opt(&self.price),
            "children" => flag(self.children),
            "accessibility" => opt(&self.accessibility),
            "registration_url" => opt(&self.registration_url),
            "capacity" => self.capacity.map(|c| c.to_string()).unwrap_or_default(),
            "description_en" => opt(&self.description_en),
            "description_local" => opt(&self.description_local),
            other => crate::locale::content::translation_field(&self.translations, other)
                .unwrap_or_default(),
        }
    }

    fn title(&self) -> String {
        self.title.clone()
    }
}

impl EventDraft {
    /// The form's starting values (the place by its id, not its name).
    pub fn form_values(&self) -> Vec<(String, String)> {
        let mut v = crate::moderation::draft::form_values(self);
        for (k, val) in v.iter_mut() {
            if k == "place" {
                *val = self.place.map(|p| p.to_string()).unwrap_or_default();
            }
            if k == "children" {
                *k = CHILDREN_FIELD.to_string();
            }
        }
        v
    }

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
        if let Some(until) = self
            .until
            .as_deref()
            .and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok())
        {
            // UNTIL is a UTC instant when the start has a zone (RFC 5545).
            let last =
                until.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
            let utc = tz
                .from_local_datetime(&last)
                .latest()
                .map(|t| t.naive_utc())
                .unwrap_or(last);
            parts.push(format!("UNTIL={}", utc.format("%Y%m%dT%H%M%SZ")));
        }
        Some(parts.join(";"))
    }
}

fn date(s: &str) -> Result<String, FieldError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| FieldError::InvalidDate)
}

fn time(s: &str) -> Result<String, FieldError> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .map(|t| t.format("%H:%M").to_string())
        .map_err(|_| FieldError::InvalidTime)
}

fn list(s: &str) -> Vec<String> {
    s.split([',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks every field at once. `places`: the places the event may be held
/// at, (id, name).
pub fn parse_event(
    v: &FormValues,
    city: &City,
    places: &[(i64, String)],
) -> Result<EventDraft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = take(
        &mut errors,
        "title",
        required_text(text(v, "title")).map(Some),
    )
    .unwrap_or_default();
    let title_en = take(
        &mut errors,
        "title_en",
        optional_text(text(v, "title_en"), 200),
    );
    let category = take(
        &mut errors,
        "category",
        Some(text(v, "category"))
            .filter(|c| super::EVENT_CATEGORIES.contains(c))
            .map(|c| Some(c.to_string()))
            .ok_or(FieldError::UnknownChoice),
    )
    .unwrap_or_default();
    let place = match text(v, "place") {
        "" => None,
        p => {
            let found = p
                .parse::<i64>()
                .ok()
                .and_then(|id| places.iter().find(|(pid, _)| *pid == id).cloned());
            if found.is_none() {
                errors.insert("place", FieldError::UnknownChoice);
            }
            found
        }
    };
    let address = take(
        &mut errors,
        "address",
        optional_text(text(v, "address"), 300),
    );
    let online_url = take(
        &mut errors,
        "online_url",
        optional_website(text(v, "online_url")),
    );
    let all_day = !text(v, "all_day").is_empty();
    let date_v = take(&mut errors, "date", date(text(v, "date")).map(Some)).unwrap_or_default();
    let time_v = if all_day {
        String::new()
    } else {
        take(&mut errors, "time", time(text(v, "time")).map(Some)).unwrap_or_default()
    };
    let end_date = match text(v, "end_date") {
        "" => String::new(),
        d => take(&mut errors, "end_date", date(d).map(Some)).unwrap_or_default(),
    };
    let end_time = if all_day {
        String::new()
    } else {
        take(&mut errors, "end_time", time(text(v, "end_time")).map(Some)).unwrap_or_default()
    };
    let repeat = text(v, "repeat").to_string();
    if !REPEATS.contains(&repeat.as_str()) {
        errors.insert("repeat", FieldError::UnknownChoice);
    }
    let weekdays: Vec<String> = list(text(v, "weekdays"))
        .into_iter()
        .map(|d| d.to_uppercase())
        .collect();
    if weekdays.iter().any(|d| !WEEKDAYS.contains(&d.as_str())) {
        errors.insert("weekdays", FieldError::UnknownChoice);
    }
    let until = match text(v, "until") {
        "" => None,
        u => take(&mut errors, "until", date(u).map(Some)),
    };
    let rule = take(&mut errors, "rule", optional_text(text(v, "rule"), 300));
    if repeat == "custom" && rule.is_none() {
        errors.insert("rule", FieldError::Required);
    }
    let mut skip_dates = Vec::new();
    for d in list(text(v, "skip_dates")) {
        match date(&d) {
            Ok(d) => skip_dates.push(d),
            Err(e) => {
                errors.insert("skip_dates", e);
            }
        }
    }
    skip_dates.sort();
    skip_dates.dedup();
    let languages = list(text(v, "languages"));
    if languages.iter().any(|l| !LANGUAGES.contains(&l.as_str())) {
        errors.insert("languages", FieldError::UnknownChoice);
    }
    let price = take(&mut errors, "price", optional_text(text(v, "price"), 100));
    let accessibility = take(
        &mut errors,
        "accessibility",
        optional_text(text(v, "accessibility"), 500),
    );
    let registration_url = take(
        &mut errors,
        "registration_url",
        optional_website(text(v, "registration_url")),
    );
    let capacity = match text(v, "capacity") {
        "" => None,
        c => match c.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => {
                errors.insert("capacity", FieldError::InvalidNumber);
                None
            }
        },
    };
    let description_en = take(
        &mut errors,
        "description_en",
        optional_text(text(v, "description_en"), LONG_TEXT_MAX_CHARS),
    );
    let description_local = take(
        &mut errors,
        "description_local",
        optional_text(text(v, "description_local"), LONG_TEXT_MAX_CHARS),
    );
    let translations =
        crate::form_post::translations(v, &city.local_lang, LONG_TEXT_MAX_CHARS, &mut errors);
    if place.is_none() && address.is_none() && online_url.is_none() && !errors.contains_key("place")
    {
        errors.insert("address", FieldError::WhereRequired);
    }
    let draft = EventDraft {
        title_en: title_en.unwrap_or_else(|| title.clone()),
        title,
        category,
        place: place.as_ref().map(|p| p.0),
        place_name: place.map(|p| p.1),
        address,
        online_url,
        date: date_v,
        time: time_v,
        end_date,
        end_time,
        all_day,
        repeat,
        weekdays,
        until,
        rule,
        skip_dates,
        languages,
        no_czech: !text(v, "no_czech").is_empty(),
        free: !text(v, "free").is_empty(),
        price,
        children: !text(v, CHILDREN_FIELD).is_empty(),
        accessibility,
        registration_url,
        capacity,
        description_en,
        description_local,
        translations,
    };
    // The schedule as a whole, once its parts are readable.
    if !errors.contains_key("date") && !errors.contains_key("time") {
        match draft.duration() {
            Some(d) if d <= Duration::zero() => {
                errors.insert("end_time", FieldError::EndBeforeStart);
            }
            Some(d) if d > Duration::days(31) => {
                errors.insert("end_date", FieldError::TooLong);
            }
            Some(_) if errors.is_empty() => {
                let mut e = NewEvent {
                    timezone: city.timezone.clone(),
                    ..Default::default()
                };
                if apply_schedule(&draft, &mut e).is_err() {
                    let at = if draft.repeat == "custom" {
                        "rule"
                    } else {
                        "repeat"
                    };
                    errors.insert(at, FieldError::InvalidRecurrence);
                }
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(draft)
    } else {
        Err(errors)
    }
}

/// Sets the event's schedule fields from the draft and checks them (a rule
/// that never happens, a start the clocks skip).
fn apply_schedule(d: &EventDraft, e: &mut NewEvent) -> Result<(), String> {
    let tz: chrono_tz::Tz = e.timezone.parse().map_err(|_| "zone".to_string())?;
    let start = d.start().ok_or("start")?;
    e.starts_local = start.format("%Y-%m-%dT%H:%M").to_string();
    e.duration_minutes = d.duration().ok_or("end")?.num_minutes();
    e.all_day = d.all_day;
    e.rrule = d.rrule(tz);
    e.exceptions = d.skip_dates.clone();
    super::import::set_bounds(e)
}

/// Where an accepted event is held: the place's point and district.
pub struct Venue {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district: Option<String>,
}

/// The public event for an accepted draft. What the form does not cover
/// (cancelled dates, status, sources) comes from `keep`, the event as it is.
pub fn to_new_event(
    d: &EventDraft,
    slug: &str,
    city: &City,
    organisation: (Option<i64>, Option<String>),
    venue: Venue,
    keep: Option<&EventRow>,
) -> Result<NewEvent, String> {
    let descriptions = crate::locale::content::descriptions(
        &d.description_en,
        &d.description_local,
        &city.local_lang,
        &d.translations,
    );
    let mut text = vec![
        d.title.clone(),
        d.title_en.clone(),
        organisation.1.clone().unwrap_or_default(),
    ];
    text.extend(descriptions.iter().map(|(_, t)| t.clone()));
    text.extend(d.address.clone());
    text.extend(d.place_name.clone());
    let mut e = NewEvent {
        city: city.slug.clone(),
        slug: slug.to_string(),
        organisation_id: organisation.0,
        organiser: organisation.1,
        place_id: d.place,
        category: d.category.clone(),
        title: d.title.clone(),
        title_en: d.title_en.clone(),
        address: d.address.clone(),
        online_url: d.online_url.clone(),
        lat: venue.lat,
        lon: venue.lon,
        district: venue.district,
        timezone: city.timezone.clone(),
        languages: d.languages.clone(),
        no_czech: d.no_czech,
        free: d.free,
        price: d.price.clone(),
        children: d.children,
        accessibility: d.accessibility.clone(),
        registration_url: d.registration_url.clone(),
        capacity: d.capacity,
        status: "published".into(),
        search_text: crate::places::search::normalize(&text.join(" ")),
        descriptions,
        ..Default::default()
    };
    if let Some(row) = keep {
        e.cancelled_dates = row
            .cancelled_dates
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        e.status = row.status.clone();
        e.sources = row.source_list();
        e.past_example = row.past_example != 0;
    }
    apply_schedule(d, &mut e)?;
    Ok(e)
}

/// The draft of a stored event, to edit it or to compare with.
pub fn draft_of(
    row: &EventRow,
    descriptions: &[(String, String)],
    local_lang: &str,
    place_name: Option<String>,
) -> EventDraft {
    let text = |lang: &str| {
        descriptions
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.clone())
    };
    let start = NaiveDateTime::parse_from_str(&row.starts_local, "%Y-%m-%dT%H:%M").ok();
    let all_day = row.all_day != 0;
    let end = start.map(|s| {
        if all_day {
            s + Duration::minutes(row.duration_minutes) - Duration::days(1)
        } else {
            s + Duration::minutes(row.duration_minutes)
        }
    });
    let tz: chrono_tz::Tz = row.timezone.parse().unwrap_or(chrono_tz::Europe::Prague);
    let (repeat, weekdays, until, rule) = repeat_of(row.rrule.as_deref(), start, tz);
    let end_date = end
        .map(|e| e.format("%Y-%m-%d").to_string())
        .filter(|e| start.map(|s| s.format("%Y-%m-%d").to_string()).as_ref() != Some(e))
        .unwrap_or_default();
    EventDraft {
        title: row.title.clone(),
        title_en: row.title_en.clone(),
        category: row.category.clone(),
        place: row.place_id,
        place_name,
        address: row.address.clone(),
        online_url: row.online_url.clone(),
        date: start
            .map(|s| s.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        time: match (all_day, start) {
            (false, Some(s)) => s.format("%H:%M").to_string(),
            _ => String::new(),
        },
        end_date,
        end_time: match (all_day, end) {
            (false, Some(e)) => e.format("%H:%M").to_string(),
            _ => String::new(),
        },
        all_day,
        repeat,
        weekdays,
        until,
        rule,
        skip_dates: list(&row.exceptions),
        languages: row.language_list(),
        no_czech: row.no_czech != 0,
        free: row.free != 0,
        price: row.price.clone(),
        children: row.children != 0,
        accessibility: row.accessibility.clone(),
        registration_url: row.registration_url.clone(),
        capacity: row.capacity,
        description_en: text("en"),
        description_local: text(local_lang),
        translations: crate::locale::content::translations_of(descriptions, local_lang),
    }
}

/// The form's repetition for a stored rule: (repeat, weekdays, until,
/// custom rule). Anything the form cannot say stays a custom rule, so an
/// edit never changes a schedule by accident.
fn repeat_of(
    rule: Option<&str>,
    start: Option<NaiveDateTime>,
    tz: chrono_tz::Tz,
) -> (String, Vec<String>, Option<String>, Option<String>) {
    let Some(rule) = rule.map(str::trim).filter(|r| !r.is_empty()) else {
        return (String::new(), Vec::new(), None, None);
    };
    let custom = || {
        (
            "custom".to_string(),
            Vec::new(),
            None,
            Some(rule.to_string()),
        )
    };
    let Some(start) = start else {
        return custom();
    };
    let parts: BTreeMap<&str, &str> = rule
        .trim_start_matches("RRULE:")
        .split(';')
        .filter_map(|p| p.split_once('='))
        .collect();
    if parts
        .keys()
        .any(|k| !["FREQ", "INTERVAL", "BYDAY", "UNTIL"].contains(k))
    {
        return custom();
    }
    let until = match parts.get("UNTIL") {
        None => None,
        Some(u) => match NaiveDateTime::parse_from_str(u, "%Y%m%dT%H%M%SZ") {
            Ok(t) => Some(
                tz.from_utc_datetime(&t)
                    .date_naive()
                    .format("%Y-%m-%d")
                    .to_string(),
            ),
            Err(_) => return custom(),
        },
    };
    let byday: Vec<&str> = parts
        .get("BYDAY")
        .map(|d| d.split(',').collect())
        .unwrap_or_default();
    let repeat = match (
        parts.get("FREQ").copied(),
        parts.get("INTERVAL").copied().unwrap_or("1"),
    ) {
        (Some("WEEKLY"), "1" | "2") if byday.iter().all(|d| WEEKDAYS.contains(d)) => {
            if parts.get("INTERVAL") == Some(&"2") {
                "biweekly"
            } else {
                "weekly"
            }
        }
        (Some("MONTHLY"), "1") if byday.len() == 1 => "monthly_candidate",
        _ => return custom(),
    };
    let mut draft = EventDraft {
        date: start.format("%Y-%m-%d").to_string(),
        time: start.format("%H:%M").to_string(),
        weekdays: byday.iter().map(|d| d.to_string()).collect(),
        until: until.clone(),
        ..Default::default()
    };
    // Accept the reading only if the form would write the same rule back.
    let candidates: &[&str] = if repeat == "monthly_candidate" {
        &["monthly", "monthly_last"]
    } else {
        &[repeat]
    };
    for c in candidates {
        draft.repeat = c.to_string();
        if draft.rrule(tz).as_deref() == Some(rule) {
            let weekdays = if c.starts_with("monthly") {
                Vec::new()
            } else {
                draft.weekdays.clone()
            };
            return (c.to_string(), weekdays, until, None);
        }
    }
    custom()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city() -> City {
        City {
            slug: "prague".into(),
            name_local: "Praha".into(),
            name_en: "Prague".into(),
            country: "CZ".into(),
            timezone: "Europe/Prague".into(),
            local_lang: "cs".into(),
            center: [50.08, 14.43],
            bounds: [49.9, 14.2, 50.2, 14.8],
            zoom: 12,
            names: Vec::new(),
            address_lookup: None,
        }
    }

    use crate::form_post::form_of as form;

    fn base() -> Vec<(&'static str, &'static str)> {
        vec![
            ("title", "Kavárna jazyků"),
            ("category", "conversation_club"),
            ("address", "Náměstí Míru 1"),
            ("date", "2026-12-01"),
            ("time", "18:00"),
            ("end_time", "20:00"),
        ]
    }

    #[test]
    fn weekly_rule_with_end_and_skips() {
        let mut f = base();
        f.extend([
            ("repeat", "weekly"),
            ("until", "2027-03-30"),
            ("skip_dates", "2026-12-22, 2026-12-29"),
        ]);
        let d = parse_event(&form(&f), &city(), &[]).unwrap();
        // 30 March 2027 23:59:59 in Prague (summer time) is 21:59:59 UTC.
        assert_eq!(
            d.rrule(chrono_tz::Europe::Prague).as_deref(),
            Some("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T215959Z")
        );
        let e = to_new_event(
            &d,
            "x",
            &city(),
            (Some(1), Some("Org".into())),
            Venue {
                lat: None,
                lon: None,
                district: None,
            },
            None,
        )
        .unwrap();
        assert_eq!(e.duration_minutes, 120);
        assert_eq!(e.exceptions, vec!["2026-12-22", "2026-12-29"]);
        assert_eq!(e.first_start_utc, "2026-12-01T17:00:00Z");
        assert!(e.last_end_utc.is_some());
    }

    #[test]
    fn monthly_choices_follow_the_start_date() {
        let mut f = base();
        f.push(("repeat", "monthly"));
        let d = parse_event(&form(&f), &city(), &[]).unwrap();
        assert_eq!(
            d.rrule(chrono_tz::Europe::Prague).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=1TU")
        );
        let mut f = base();
        f.retain(|(k, _)| *k != "date");
        f.extend([("date", "2026-11-29"), ("repeat", "monthly_last")]);
        let d = parse_event(&form(&f), &city(), &[]).unwrap();
        assert_eq!(
            d.rrule(chrono_tz::Europe::Prague).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=-1SU")
        );
    }

    #[test]
    fn every_problem_is_named() {
        let f = form(&[
            ("title", ""),
            ("category", "party"),
            ("date", "1.12.2026"),
            ("time", "25:00"),
            ("end_time", "20:00"),
            ("repeat", "custom"),
            ("capacity", "-3"),
            ("skip_dates", "tomorrow"),
        ]);
        let e = parse_event(&f, &city(), &[]).unwrap_err();
        for (k, want) in [
            ("title", FieldError::Required),
            ("category", FieldError::UnknownChoice),
            ("date", FieldError::InvalidDate),
            ("time", FieldError::InvalidTime),
            ("rule", FieldError::Required),
            ("capacity", FieldError::InvalidNumber),
            ("skip_dates", FieldError::InvalidDate),
            ("address", FieldError::WhereRequired),
        ] {
            assert_eq!(e.get(k), Some(&want), "{k}: {e:?}");
        }
    }

    #[test]
    fn end_before_start_and_bad_rules_are_refused() {
        let mut f = base();
        f.retain(|(k, _)| *k != "end_time");
        f.push(("end_time", "17:00"));
        let e = parse_event(&form(&f), &city(), &[]).unwrap_err();
        assert_eq!(e.get("end_time"), Some(&FieldError::EndBeforeStart));
        let mut f = base();
        f.extend([("repeat", "custom"), ("rule", "FREQ=SOMETIMES")]);
        let e = parse_event(&form(&f), &city(), &[]).unwrap_err();
        assert_eq!(e.get("rule"), Some(&FieldError::InvalidRecurrence));
        // 29 March 2026 02:30 does not exist in Prague.
        let mut f = base();
        f.retain(|(k, _)| !["date", "time", "end_time"].contains(k));
        f.extend([
            ("date", "2026-03-29"),
            ("time", "02:30"),
            ("end_time", "04:00"),
        ]);
        let e = parse_event(&form(&f), &city(), &[]).unwrap_err();
        assert_eq!(e.get("repeat"), Some(&FieldError::InvalidRecurrence));
    }

    #[test]
    fn a_stored_event_reads_back_into_the_same_form() {
        let mut f = base();
        f.extend([
            ("repeat", "biweekly"),
            ("weekdays", "TU,TH"),
            ("until", "2027-06-30"),
            ("skip_dates", "2026-12-24"),
            ("languages", "uk,en"),
            ("no_czech", "1"),
            ("capacity", "12"),
        ]);
        let d = parse_event(&form(&f), &city(), &[]).unwrap();
        let e = to_new_event(
            &d,
            "x",
            &city(),
            (Some(1), Some("Org".into())),
            Venue {
                lat: None,
                lon: None,
                district: None,
            },
            None,
        )
        .unwrap();
        let row = EventRow {
            id: 1,
            city: e.city.clone(),
            slug: e.slug.clone(),
            organisation_id: e.organisation_id,
            organiser: e.organiser.clone(),
            place_id: None,
            category: e.category.clone(),
            title: e.title.clone(),
            title_en: e.title_en.clone(),
            address: e.address.clone(),
            online_url: None,
            lat: None,
            lon: None,
            district: None,
            starts_local: e.starts_local.clone(),
            duration_minutes: e.duration_minutes,
            all_day: 0,
            timezone: e.timezone.clone(),
            rrule: e.rrule.clone(),
            exceptions: e.exceptions.join(","),
            cancelled_dates: String::new(),
            languages: format!(",{},", e.languages.join(",")),
            no_czech: 1,
            free: 0,
            price: None,
            children: 0,
            accessibility: None,
            registration_url: None,
            capacity: e.capacity,
            status: "published".into(),
            status_note: None,
            past_example: 0,
            sources: String::new(),
            first_start_utc: e.first_start_utc.clone(),
            last_end_utc: e.last_end_utc.clone(),
            search_text: String::new(),
            updated_at: String::new(),
        };
        let back = draft_of(&row, &[], "cs", None);
        assert_eq!(crate::moderation::draft::diff(Some(&d), &back), vec![]);
        // A rule the form cannot say stays as written.
        let mut odd = row.clone();
        odd.rrule = Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU".into());
        let back = draft_of(&odd, &[], "cs", None);
        assert_eq!(back.repeat, "custom");
        assert_eq!(
            back.rule.as_deref(),
            Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU")
        );
    }
}
