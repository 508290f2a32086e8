use super::*;
use crate::accounts::model::FieldError;
use crate::cities::City;
use crate::db::EventRow;
use crate::values::Publication;

fn city() -> City {
    City {
        slug: crate::values::CitySlug::parse("prague").expect("slug"),
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

use crate::http::form_post::form_of as form;

/// The event categories' keys, as the database has them.
fn kinds() -> Vec<String> {
    vec!["conversation_club".into(), "city_walk".into()]
}

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
    let d = parse_event(&form(&f), &city(), &[], &kinds()).unwrap();
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
        Venue { lat: None, lon: None, district: None },
        None,
    )
    .unwrap();
    assert_eq!(e.duration_minutes, 120);
    assert_eq!(e.exceptions, vec!["2026-12-22", "2026-12-29"]);
    assert_eq!(e.first_start_utc.to_string(), "2026-12-01T17:00:00Z");
    assert!(e.last_end_utc.is_some());
}

#[test]
fn monthly_choices_follow_the_start_date() {
    let mut f = base();
    f.push(("repeat", "monthly"));
    let d = parse_event(&form(&f), &city(), &[], &kinds()).unwrap();
    assert_eq!(d.rrule(chrono_tz::Europe::Prague).as_deref(), Some("FREQ=MONTHLY;BYDAY=1TU"));
    let mut f = base();
    f.retain(|(k, _)| *k != "date");
    f.extend([("date", "2026-11-29"), ("repeat", "monthly_last")]);
    let d = parse_event(&form(&f), &city(), &[], &kinds()).unwrap();
    assert_eq!(d.rrule(chrono_tz::Europe::Prague).as_deref(), Some("FREQ=MONTHLY;BYDAY=-1SU"));
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
    let e = parse_event(&f, &city(), &[], &kinds()).unwrap_err();
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
    let e = parse_event(&form(&f), &city(), &[], &kinds()).unwrap_err();
    assert_eq!(e.get("end_time"), Some(&FieldError::EndBeforeStart));
    let mut f = base();
    f.extend([("repeat", "custom"), ("rule", "FREQ=SOMETIMES")]);
    let e = parse_event(&form(&f), &city(), &[], &kinds()).unwrap_err();
    assert_eq!(e.get("rule"), Some(&FieldError::InvalidRecurrence));
    // 29 March 2026 02:30 does not exist in Prague.
    let mut f = base();
    f.retain(|(k, _)| !["date", "time", "end_time"].contains(k));
    f.extend([("date", "2026-03-29"), ("time", "02:30"), ("end_time", "04:00")]);
    let e = parse_event(&form(&f), &city(), &[], &kinds()).unwrap_err();
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
        ("title_uk", "Мовне кафе"),
    ]);
    let d = parse_event(&form(&f), &city(), &[], &kinds()).unwrap();
    assert_eq!(d.title_translations.get("uk").map(String::as_str), Some("Мовне кафе"));
    let e = to_new_event(
        &d,
        "x",
        &city(),
        (Some(1), Some("Org".into())),
        Venue { lat: None, lon: None, district: None },
        None,
    )
    .unwrap();
    let row = EventRow {
        id: 1,
        city: crate::values::CitySlug::parse(&e.city).expect("slug"),
        slug: e.slug.clone(),
        organisation_id: e.organisation_id,
        organiser: e.organiser.clone(),
        place_id: None,
        category: e.category.clone(),
        title: e.title.clone(),
        title_en: e.title_en.clone(),
        title_translations: crate::locale::content::translations_to_json(&e.title_translations),
        address: e.address.clone(),
        online_url: None,
        lat: None,
        lon: None,
        district: None,
        starts_local: e.starts_local.clone(),
        duration_minutes: e.duration_minutes,
        all_day: false,
        timezone: e.timezone.clone(),
        rrule: e.rrule.clone(),
        exceptions: e.exceptions.join(","),
        cancelled_dates: String::new(),
        languages: crate::values::Languages::from_codes(&e.languages),
        no_czech: true,
        free: false,
        price: None,
        children: false,
        accessibility: None,
        registration_url: None,
        capacity: e.capacity,
        status: Publication::Published,
        status_note: None,
        past_example: false,
        sources: String::new(),
        first_start_utc: e.first_start_utc,
        last_end_utc: e.last_end_utc,
        search_text: String::new(),
        updated_at: crate::values::Timestamp::default(),
        last_verified: None,
    };
    let back = draft_of(&row, &[], "cs", None);
    assert_eq!(crate::listing::draft::diff(Some(&d), &back), vec![]);
    // A rule the form cannot say stays as written.
    let mut odd = row.clone();
    odd.rrule = Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU".into());
    let back = draft_of(&odd, &[], "cs", None);
    assert_eq!(back.repeat, "custom");
    assert_eq!(back.rule.as_deref(), Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU"));
}
