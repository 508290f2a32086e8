//! Events on the real app (demo data, both backends): the directory page,
//! event pages, the JSON API (windows, filters, ETag, 400s), iCalendar
//! feeds read back with another parser and re-expanded with `rrule`, and
//! the Atom feed.

use crate::common::{get, get_page, page_expect, spawn_app, Backend};
use reqwest::StatusCode;
use serde_json::Value;

async fn json(base: &str, path: &str) -> (StatusCode, Value, Option<String>) {
    let resp = get(base, path, &[]).await;
    let status = resp.status();
    let etag = resp.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string);
    (status, resp.json().await.unwrap_or(Value::Null), etag)
}

fn starts(v: &Value) -> Vec<String> {
    v["occurrences"]
        .as_array()
        .map(|a| a.iter().filter_map(|o| o["start_utc"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

async fn events_api(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();

    // February 2027: Libuš classes Mon+Wed (8) and the Lužiny meetings on
    // Wednesdays (4); nothing else of the demo recurs then.
    let (s, v, etag) = json(base, "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 12, "{v}");
    let (_, v, _) =
        json(base, "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28&no_czech=true").await;
    assert_eq!(v["total"], 8);
    // Sorted by time; paginated.
    let (_, p2, _) =
        json(base, "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28&per_page=5&page=2")
            .await;
    assert_eq!(p2["occurrences"].as_array().map(Vec::len), Some(5));
    let (_, all, _) =
        json(base, "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28&per_page=50").await;
    let all_starts = starts(&all);
    let mut sorted = all_starts.clone();
    sorted.sort();
    assert_eq!(all_starts, sorted);
    assert_eq!(starts(&p2), all_starts[5..10].to_vec());

    // The same wall time across the change to summer time (28 March 2027).
    let (_, v, _) = json(
        base,
        "/api/v1/events?city=prague&from=2027-03-22&to=2027-03-29&category=language_course",
    )
    .await;
    assert_eq!(
        starts(&v),
        vec!["2027-03-22T17:00:00Z", "2027-03-24T17:00:00Z", "2027-03-29T16:00:00Z"]
    );
    // Exceptions leave the series; a cancellation stays, marked.
    let (_, v, _) = json(
        base,
        "/api/v1/events?city=prague&from=2026-12-01&to=2026-12-31&category=conversation_club",
    )
    .await;
    let got: Vec<(String, bool)> = v["occurrences"]
        .as_array()
        .expect("list")
        .iter()
        .map(|o| {
            (
                o["start"].as_str().unwrap_or("").to_string(),
                o["cancelled"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-12-02T17:00".to_string(), true),
            ("2026-12-09T17:00".to_string(), false),
            ("2026-12-16T17:00".to_string(), false),
        ]
    );
    // Košice: "no Czech needed" and held in Ukrainian, one week.
    let (_, v, _) = json(
        base,
        "/api/v1/events?city=kosice&from=2027-02-01&to=2027-02-07&no_czech=true&lang=uk",
    )
    .await;
    assert_eq!(v["total"], 10);

    // ETag and 304.
    let etag = etag.expect("etag");
    let resp = get(
        base,
        "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_MODIFIED);
    // Bad parameters: 400 naming the parameter.
    for (path, param) in [
        ("/api/v1/events?from=2027-02-01", "city"),
        ("/api/v1/events?city=prague&from=2027-02-30", "from"),
        ("/api/v1/events?city=prague&from=2027-02-01&to=2029-02-01", "to"),
        ("/api/v1/events?city=prague&per_page=1000", "per_page"),
        ("/api/v1/events?city=prague&colour=red", "colour"),
    ] {
        let (s, v, _) = json(base, path).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(v["parameter"], param, "{path}: {v}");
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{path}: {v}");
    }
}

/// The free, children and district filters, on two events added to the
/// demo's February 2027 (where the demo has 12 free occurrences, none for
/// children, none in Praha 5): exactly the matching occurrences come back.
async fn event_filters(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let added = r#"[
      {"slug": "paid-evening-smichov", "city": "prague", "organiser": "Test",
       "category": "community_lunch", "title": "Večeře", "title_en": "Dinner",
       "address": "Štefánikova 1, Praha 5", "district": "Praha 5",
       "starts": "2027-02-02T18:00", "minutes": 120, "rrule": "FREQ=WEEKLY;BYDAY=TU",
       "languages": ["cs"], "free": false, "price": "200 Kč",
       "description": {"en": "A paid dinner."}, "sources": ["https://example.org/dinner"]},
      {"slug": "kids-afternoon-vinohrady", "city": "prague", "organiser": "Test",
       "category": "festival", "title": "Dětské odpoledne", "title_en": "Children's afternoon",
       "address": "Náměstí Míru 1, Praha 2", "district": "Praha 2",
       "starts": "2027-02-13T14:00", "minutes": 180,
       "languages": ["cs", "uk"], "free": false, "price": "50 Kč", "children": true,
       "description": {"en": "Games for children."}, "sources": ["https://example.org/kids"]}
    ]"#;
    assert_eq!(app::demo::import_events(&app.db, added).await, Ok(2));
    let month = "/api/v1/events?city=prague&from=2027-02-01&to=2027-02-28&per_page=100";
    let slugs = |v: &Value| {
        let mut s: Vec<String> = v["occurrences"]
            .as_array()
            .expect("occurrences")
            .iter()
            .filter_map(|o| o["slug"].as_str().map(str::to_string))
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let (_, all, _) = json(base, month).await;
    assert_eq!(all["total"], 12 + 4 + 1, "{all}");
    for (filter, total, expected) in [
        ("free=true", 12, vec!["evening-czech-classes-libus", "intercultural-conversation-luziny"]),
        ("children=true", 1, vec!["kids-afternoon-vinohrady"]),
        ("district=Praha%205", 4, vec!["paid-evening-smichov"]),
        ("district=Praha%202&children=true", 1, vec!["kids-afternoon-vinohrady"]),
        ("district=Praha%205&free=true", 0, vec![]),
    ] {
        let (s, v, _) = json(base, &format!("{month}&{filter}")).await;
        assert_eq!(s, StatusCode::OK, "{filter}");
        assert_eq!(v["total"], total, "{filter}: {v}");
        assert_eq!(slugs(&v), expected, "{filter}");
    }
}

/// Property `name` of an ical component: (params, value).
fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Vec<&'a ical::property::Property> {
    props.iter().filter(|p| p.name == name).collect()
}

fn tzid(p: &ical::property::Property) -> Option<String> {
    p.params.as_ref()?.iter().find(|(k, _)| k == "TZID").and_then(|(_, v)| v.first().cloned())
}

async fn calendar_feeds(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let resp = get(base, "/events.ics?city=prague&lang=cs", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers()["content-type"].to_str().unwrap_or("").starts_with("text/calendar"));
    let text = resp.text().await.expect("text");
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert!(text.lines().all(|l| l.len() <= 75), "lines folded at 75 octets");
    let cal = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(
        cal.timezones.iter().any(|z| prop(&z.properties, "TZID")
            .iter()
            .any(|p| p.value.as_deref() == Some("Europe/Prague"))),
        "VTIMEZONE for Prague"
    );
    assert!(cal.events.len() >= 3, "the current Czech-language events");
    let uid = |e: &ical::parser::ical::component::IcalEvent| {
        prop(&e.properties, "UID").first().and_then(|p| p.value.clone()).unwrap_or_default()
    };
    let uids: Vec<String> = cal.events.iter().map(uid).collect();
    let unique: std::collections::BTreeSet<&String> = uids.iter().collect();
    assert_eq!(uids.len(), unique.len(), "UIDs unique: {uids:?}");
    assert!(!uids.iter().any(|u| u.contains("refufest")), "long-past events are not in a feed");

    // The weekly meeting with exceptions, read back and expanded again with
    // `rrule`: it must give the dates the API lists (cancelled ones left out).
    let meeting = cal
        .events
        .iter()
        .find(|e| uid(e).contains("intercultural-conversation-luziny"))
        .expect("meeting");
    let dtstart = prop(&meeting.properties, "DTSTART")[0];
    assert_eq!(tzid(dtstart).as_deref(), Some("Europe/Prague"));
    assert_eq!(dtstart.value.as_deref(), Some("20260902T170000"));
    let rule = prop(&meeting.properties, "RRULE")[0].value.clone().expect("rule");
    let exdates: Vec<String> = prop(&meeting.properties, "EXDATE")
        .iter()
        .inspect(|p| assert_eq!(tzid(p).as_deref(), Some("Europe/Prague")))
        .filter_map(|p| p.value.clone())
        .collect();
    let set_text = format!(
        "DTSTART;TZID=Europe/Prague:20260902T170000\nRRULE:{rule}\nEXDATE;TZID=Europe/Prague:{}",
        exdates.join(",")
    );
    let set: rrule::RRuleSet = set_text.parse().expect("rrule reads the feed's rule");
    let tz: rrule::Tz = chrono_tz::Europe::Prague.into();
    use chrono::TimeZone;
    let dec: Vec<String> = set
        .after(tz.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap())
        .before(tz.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap())
        .all(50)
        .dates
        .iter()
        .map(|d| d.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .collect();
    let (_, api, _) = json(
        base,
        "/api/v1/events?city=prague&from=2026-12-01&to=2026-12-31&category=conversation_club",
    )
    .await;
    let api_open: Vec<String> = api["occurrences"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|o| o["cancelled"] == false)
        .filter_map(|o| o["start_utc"].as_str().map(str::to_string))
        .collect();
    assert_eq!(dec, api_open);

    // One event as a download.
    let resp = get(base, "/calendar/prague/next-door-family-lunches?lang=uk", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap_or("")
        .contains("next-door-family-lunches.ics"));
    let text = resp.text().await.expect("text");
    let one = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .next()
        .expect("calendar")
        .expect("valid");
    assert_eq!(one.events.len(), 1);
    let rule = prop(&one.events[0].properties, "RRULE")[0].value.clone();
    assert_eq!(rule.as_deref(), Some("FREQ=YEARLY;BYMONTH=11;BYDAY=-1SU"));
    assert_eq!(
        get(base, "/calendar/prague/no-such-event", &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    // Per organisation (none of the demo events has an account): a valid,
    // empty calendar; bad filters: 400.
    let text = get(base, "/events.ics?city=prague&organisation=999", &[])
        .await
        .text()
        .await
        .expect("text");
    let empty = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .next()
        .expect("calendar")
        .expect("valid");
    assert!(empty.events.is_empty());
    assert_eq!(
        get(base, "/events.ics?city=prague&category=karaoke", &[]).await.status(),
        StatusCode::BAD_REQUEST
    );

    // Atom: Košice in Ukrainian.
    let resp = get(base, "/events.atom?city=kosice&lang=uk", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let body = resp.text().await.expect("text");
    let feed = atom_syndication::Feed::read_from(body.as_bytes()).expect("valid Atom");
    assert!(feed.title().as_str().contains("Košice"));
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    // The demo data has a Ukrainian title for one; the other falls back to English.
    assert!(titles.contains(&"Консультації, допомога з житлом і роботою"), "{titles:?}");
    assert!(titles.contains(&"Psychological consultations"), "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Christmas")), "past one-offs are not in a feed");
    for e in feed.entries() {
        assert!(e.id().starts_with(base), "entry id is the event page");
        assert!(!e.links().is_empty());
    }
}

async fn event_pages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let html = page_expect(
        base,
        None,
        "/en/prague/events?when=range&from=2026-12-01&to=2026-12-31&category=conversation_club",
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("3 dates"), "count");
    assert!(html.contains("Cancelled"), "the cancelled meeting is marked");
    assert!(html.contains("Intercultural conversation meetings"));
    let feed = html
        .split("href=\"/events.ics?")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .replace("&amp;", "&");
    for part in ["city=prague", "category=conversation_club", "from=2026-12-01", "to=2026-12-31"] {
        assert!(feed.split('&').any(|p| p == part), "feed of the same view: {feed}");
    }
    // The default listing (next 30 days) never shows past examples.
    let (_, html) = get_page(base, None, "/en/prague/events").await;
    assert!(!html.contains("RefuFest"));
    // Bad filters are named, not fatal.
    let html = page_expect(base, None, "/en/prague/events?colour=red", StatusCode::OK).await;
    assert!(html.contains("ignored: colour"));

    // An event page: dates, where, add to calendar, share, structured data.
    let html =
        page_expect(base, None, "/en/prague/events/next-door-family-lunches", StatusCode::OK).await;
    for needle in [
        "Next Door Family",
        "Next dates",
        "/calendar/prague/next-door-family-lunches?lang=en",
        "\"@type\":\"Event\"",
        "property=\"og:title\"",
        "Slovo 21",
    ] {
        assert!(html.contains(needle), "event page lacks {needle}");
    }
    // A past example keeps its page, says so.
    let html = page_expect(base, None, "/en/prague/events/refufest-2021", StatusCode::OK).await;
    assert!(html.contains("A past edition"));
    assert!(html.contains("When it took place"));
    page_expect(base, None, "/en/prague/events/no-such-event", StatusCode::NOT_FOUND).await;
    // Shown on the page of the place it happens at.
    let (_, html) = get_page(base, None, "/en/prague/places/prague-libus-district-office").await;
    assert!(html.contains("Events here"));
    assert!(html.contains("/en/prague/events/evening-czech-classes-libus"));
    assert!(html.contains("\"@type\":\"Place\""), "place JSON-LD");
}

/// "No Czech needed" names the city's own language: Slovak in Košice, in
/// the filters and the pages of events, opportunities and places.
async fn no_local_language_needed_names_the_city_language(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let cases: [(&str, &str, &str); 7] = [
        ("/en/kosice/events", "No Slovak needed", "No Czech needed"),
        // A place's page lists the events held there, with their badges.
        (
            "/en/kosice/places/integration-centre-kosice-region",
            "No Slovak needed",
            "No Czech needed",
        ),
        ("/en/prague/events", "No Czech needed", "No Slovak needed"),
        ("/en/kosice/events/integration-centre-drop-in", "No Slovak needed", "No Czech needed"),
        ("/sk/kosice/volunteering", "Netreba slovenčinu", "Netreba češtinu"),
        ("/sk/kosice/volunteering/mareena-mentoring", "Netreba slovenčinu", "Netreba češtinu"),
        ("/uk/prague/volunteering", "Чеська не потрібна", "Словацька не потрібна"),
    ];
    for (path, shown, absent) in cases {
        let html = page_expect(base, None, path, StatusCode::OK).await;
        assert!(html.contains(shown), "{path} says {shown:?}");
        assert!(!html.contains(absent), "{path} does not say {absent:?}");
    }
}

on_both_backends!(
    events_api,
    event_filters,
    calendar_feeds,
    event_pages,
    no_local_language_needed_names_the_city_language
);
