//! The event form, checked whole: every problem named at once.
use super::publish::apply_schedule;
use super::{EventDraft, REPEATS, WEEKDAYS};
use crate::accounts::model::{optional_website, FieldError, FieldErrors};
use crate::cities::City;
use crate::db::NewEvent;
use crate::events::query::CHILDREN_FIELD;
use crate::http::form_post::{optional_text, take, text, FormValues};
use crate::listing::fields::{self, list};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

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

/// Checks every field at once. `places`: the places the event may be held
/// at, (id, name); `kinds`: the event categories' keys.
pub fn parse_event(
    v: &FormValues,
    city: &City,
    places: &[(i64, String)],
    kinds: &[String],
) -> Result<EventDraft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let titles = fields::titles(v, &city.local_lang, &mut errors);
    let category = take(
        &mut errors,
        "category",
        Some(text(v, "category"))
            .filter(|c| kinds.iter().any(|k| k == c))
            .map(|c| Some(c.to_string()))
            .ok_or(FieldError::UnknownChoice),
    )
    .unwrap_or_default();
    let place = fields::place(v, places).unwrap_or_else(|e| {
        errors.insert("place", e);
        None
    });
    let address = take(&mut errors, "address", optional_text(text(v, "address"), 300));
    let online_url = take(&mut errors, "online_url", optional_website(text(v, "online_url")));
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
    let weekdays: Vec<String> =
        list(text(v, "weekdays")).into_iter().map(|d| d.to_uppercase()).collect();
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
    let languages = fields::languages(v, &mut errors);
    let needs = fields::needs(v, &mut errors);
    let price = take(&mut errors, "price", optional_text(text(v, "price"), 100));
    let accessibility =
        take(&mut errors, "accessibility", optional_text(text(v, "accessibility"), 500));
    let registration_url =
        take(&mut errors, "registration_url", optional_website(text(v, "registration_url")));
    let capacity = fields::number(v, "capacity", 1..=100_000, &mut errors);
    let descriptions = fields::descriptions(v, &city.local_lang, &mut errors);
    if place.is_none() && address.is_none() && online_url.is_none() && !errors.contains_key("place")
    {
        errors.insert("address", FieldError::WhereRequired);
    }
    let mut draft = EventDraft {
        title_en: titles.title_en,
        title: titles.title,
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
        needs,
        no_czech: !text(v, "no_czech").is_empty(),
        free: !text(v, "free").is_empty(),
        price,
        children: !text(v, CHILDREN_FIELD).is_empty(),
        accessibility,
        registration_url,
        capacity,
        description_en: descriptions.en,
        description_local: descriptions.local,
        translations: descriptions.translations,
        title_translations: titles.translations,
    };
    // A weekly series without chosen days repeats on its first date's day:
    // the draft says so, as the stored rule will.
    if matches!(draft.repeat.as_str(), "weekly" | "biweekly") && draft.weekdays.is_empty() {
        if let Some(start) = draft.start() {
            let day = WEEKDAYS[start.weekday().num_days_from_monday() as usize];
            draft.weekdays = vec![day.to_string()];
        }
    }
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
                let mut e = NewEvent { timezone: city.timezone.clone(), ..Default::default() };
                if apply_schedule(&draft, &mut e).is_err() {
                    let at = if draft.repeat == "custom" { "rule" } else { "repeat" };
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
