//! The read API and server-rendered pages, against the real app on SQLite
//! and on PostgreSQL.

use crate::common::{client, get, spawn_app, Backend};
use reqwest::StatusCode;
use serde_json::Value;

async fn get_json(base: &str, path: &str) -> (StatusCode, Value) {
    let resp = get(base, path, &[]).await;
    let status = resp.status();
    (status, resp.json().await.expect("json body"))
}

async fn api_suite(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    // The demo has no wheelchair information; one place with it.
    let step_free = r#"[{"slug": "step-free-counselling", "city": "prague", "category": "ngo",
        "name": "Bezbariérová poradna", "name_en": "Step-free counselling",
        "district": "Praha 6", "wheelchair": "yes"}]"#;
    app::demo::import_places(&app.db, step_free, None).await.expect("imported");

    // Cities with their counts of published places.
    let (s, cities) = get_json(base, "/api/v1/cities").await;
    assert_eq!(s, StatusCode::OK);
    let prague = cities["cities"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["slug"] == "prague"))
        .expect("prague listed");
    let prague_total = prague["places"].as_i64().expect("count");
    assert!(prague_total > 10);
    assert_eq!(prague["timezone"], "Europe/Prague");

    // All places of the city, paginated with a total.
    let (s, all) = get_json(base, "/api/v1/places?city=prague&per_page=200").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(all["total"].as_i64(), Some(prague_total));
    assert_eq!(all["places"].as_array().map(Vec::len), Some(prague_total as usize));
    let (_, page2) = get_json(base, "/api/v1/places?city=prague&per_page=5&page=2").await;
    assert_eq!(page2["total"].as_i64(), Some(prague_total));
    let page2_slugs: Vec<&Value> =
        page2["places"].as_array().expect("list").iter().map(|p| &p["slug"]).collect();
    let expected: Vec<&Value> =
        all["places"].as_array().expect("list")[5..10].iter().map(|p| &p["slug"]).collect();
    assert_eq!(page2_slugs, expected, "page 2 continues where page 1 stopped");

    // Language filter: every result speaks Ukrainian, and some places do not.
    let (_, uk) = get_json(base, "/api/v1/places?city=prague&lang=uk&per_page=200").await;
    let uk_places = uk["places"].as_array().expect("list");
    assert!(!uk_places.is_empty());
    assert!((uk_places.len() as i64) < prague_total);
    for p in uk_places {
        let langs = p["languages"].as_array().expect("languages");
        assert!(langs.iter().any(|l| l == "uk"), "{} does not speak uk", p["slug"]);
    }

    // District and wheelchair filters: exactly the places the unfiltered
    // list says match.
    let every = all["places"].as_array().expect("list");
    let matching = |keep: &dyn Fn(&Value) -> bool| {
        let mut s: Vec<String> = every
            .iter()
            .filter(|p| keep(p))
            .filter_map(|p| p["slug"].as_str().map(str::to_string))
            .collect();
        s.sort();
        s
    };
    let sorted = |v: &Value| {
        let mut s = slugs(v);
        s.sort();
        s
    };
    let in_praha_6 = matching(&|p| p["district"] == "Praha 6");
    assert!(!in_praha_6.is_empty() && in_praha_6.len() < every.len());
    let (_, v) = get_json(base, "/api/v1/places?city=prague&district=Praha%206&per_page=200").await;
    assert_eq!(sorted(&v), in_praha_6);
    let step_free = matching(&|p| p["wheelchair"] == "yes");
    assert!(!step_free.is_empty() && step_free.len() < every.len());
    let (_, v) = get_json(base, "/api/v1/places?city=prague&wheelchair=true&per_page=200").await;
    assert_eq!(sorted(&v), step_free);

    // Category filter.
    let (_, offices) =
        get_json(base, "/api/v1/places?city=prague&category=foreigners_office").await;
    let offices = offices["places"].as_array().expect("list");
    assert!(!offices.is_empty());
    assert!(offices.iter().all(|p| p["category"] == "foreigners_office"));

    // Search ignores diacritics and case.
    let (_, found) = get_json(base, "/api/v1/places?city=prague&q=INTEGRACNI").await;
    let found = found["places"].as_array().expect("list");
    assert!(!found.is_empty(), "integracni finds Integrační …");
    assert!(found.iter().any(|p| p["name"].as_str().is_some_and(|n| n.contains("Integrační"))));
    assert!(found.len() < prague_total as usize, "search narrows the list");
    // Words that are written with diacritics in the data (knižnica,
    // Maďarska), typed without them, in capitals, or as written.
    for (q, expected) in [
        ("kniznica", "bocatius-library-central"),
        ("KNIŽNICA", "bocatius-library-central"),
        ("madarska", "hungarian-consulate-general"),
    ] {
        let (_, found) = get_json(base, &format!("/api/v1/places?city=kosice&q={q}")).await;
        assert_eq!(slugs(&found).first().map(String::as_str), Some(expected), "q={q}");
    }
    // Inflected words typed without diacritics, a letter left out, a name's
    // initials: the places they mean come first.
    let libraries = [
        "multicultural-center-library",
        "svitlo-ukrainian-library",
        "municipal-library-central",
        "municipal-library-luziny",
    ];
    for (q, expected) in [
        ("cizinecka%20policie", &["foreign-police-directorate"][..]),
        ("knihvna", &libraries[..]),
        ("knihovny", &libraries[..]),
        ("MKP", &libraries[2..]),
    ] {
        let (_, found) = get_json(base, &format!("/api/v1/places?city=prague&q={q}")).await;
        let mut first = slugs(&found);
        first.truncate(expected.len());
        first.sort();
        let mut expected = expected.to_vec();
        expected.sort();
        assert_eq!(first, expected, "q={q}");
    }
    // A need named in the newcomer's language finds the places tagged with
    // it (app/needs.json, data/demo/places.json), those tagged first.
    let tagged = |need: &str| -> Vec<String> {
        let demo: Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../data/demo/places.json"
            ))
            .expect("demo places"),
        )
        .expect("json");
        demo.as_array()
            .expect("list")
            .iter()
            .filter(|p| p["city"] == "prague" && p["historical"] != true)
            .filter(|p| p["needs"].as_array().is_some_and(|n| n.iter().any(|n| n == need)))
            .filter_map(|p| p["slug"].as_str().map(str::to_string))
            .collect()
    };
    let oamp = ["oamp-praha-1", "oamp-praha-2-chodov", "oamp-praha-5-vysocany"];
    for (q, need, first) in [
        ("посвідка на проживання", "residence", 3),
        ("вид на жительство", "residence", 3),
        ("دروس اللغة التشيكية", "language", 5),
        ("юрист", "legal", 5),
        ("học tiếng Séc", "language", 5),
    ] {
        let q: String = q.bytes().map(|b| format!("%{b:02X}")).collect();
        let (_, found) = get_json(base, &format!("/api/v1/places?city=prague&q={q}")).await;
        let found = slugs(&found);
        let tagged = tagged(need);
        assert!(found.len() >= first, "q={q}: {found:?}");
        for slug in &found[..first] {
            assert!(tagged.contains(slug), "q={q}: {slug} is not tagged {need}: {found:?}");
        }
        if need == "residence" {
            let mut top: Vec<&str> = found[..3].iter().map(String::as_str).collect();
            top.sort_unstable();
            assert_eq!(top, oamp, "q={q}");
        }
    }
    // Filtering by a need lists the places tagged with it, and only them.
    let (_, legal) = get_json(base, "/api/v1/places?city=prague&need=legal&per_page=200").await;
    let mut listed = slugs(&legal);
    listed.sort();
    let mut expected = tagged("legal");
    expected.sort();
    assert_eq!(listed, expected);
    // Historical records are left out of lists and searches unless asked
    // for, and then marked.
    let kacpu = "kacpu-assistance-centre-ukraine";
    let (_, current) = get_json(base, "/api/v1/places?city=prague&per_page=200").await;
    assert!(!slugs(&current).iter().any(|s| s == kacpu));
    let (_, searched) = get_json(base, "/api/v1/places?city=prague&q=KACPU").await;
    assert_eq!(searched["total"].as_i64(), Some(0));
    let (_, every) =
        get_json(base, "/api/v1/places?city=prague&per_page=200&historical=true").await;
    let marked: Vec<String> = every["places"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|p| p["historical"] == true)
        .filter_map(|p| p["slug"].as_str().map(str::to_string))
        .collect();
    assert!(marked.iter().any(|s| s == kacpu), "{marked:?}");
    assert_eq!(
        every["total"].as_i64().zip(current["total"].as_i64()).map(|(a, b)| a - b),
        Some(marked.len() as i64)
    );
    near_and_nothing_found(base, &all).await;
    needs_of_events_and_opportunities(base).await;
    // The city's name alone narrows nothing down: it finds nothing.
    let (_, city_only) = get_json(base, "/api/v1/places?city=prague&q=Praha").await;
    assert_eq!(city_only["total"].as_i64(), Some(0));
    let (_, none) = get_json(base, "/api/v1/places?city=prague&q=zzzzqqq").await;
    assert_eq!(none["total"].as_i64(), Some(0));

    // Bad parameters: 400 with the parameter named, never a 500.
    for (query, param) in [
        ("", "city"),
        ("city=atlantis", "city"),
        ("city=Prague%27%3B--", "city"),
        ("city=prague&need=flying", "need"),
        ("city=prague&page=0", "page"),
        ("city=prague&per_page=100000", "per_page"),
        ("city=prague&open_now=maybe", "open_now"),
        ("city=prague&category=pubs", "category"),
        ("city=prague&lang=ukrainian", "lang"),
        ("city=prague&colour=red", "colour"),
    ] {
        let (s, body) = get_json(base, &format!("/api/v1/places?{query}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(body["parameter"], param, "{query}");
        assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()));
    }

    // ETag and 304.
    let resp =
        client().get(format!("{base}/api/v1/places?city=prague")).send().await.expect("request");
    let etag = resp.headers().get("etag").expect("etag").to_str().expect("ascii").to_string();
    let resp = client()
        .get(format!("{base}/api/v1/places?city=prague"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::NOT_MODIFIED);
    let resp = client()
        .get(format!("{base}/api/v1/places?city=kosice"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::OK, "another body has another ETag");

    // Compressed when asked.
    let raw = reqwest::Client::builder().no_gzip().no_brotli().build().expect("client");
    let resp = raw
        .get(format!("{base}/api/v1/places.geojson?city=prague"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(resp.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    // Brotli when the client prefers it; the body decodes to the same data.
    let resp = raw
        .get(format!("{base}/api/v1/places.geojson?city=prague"))
        .header("Accept-Encoding", "br;q=1.0, gzip;q=0.5")
        .send()
        .await
        .expect("request");
    assert_eq!(resp.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"br"[..]));
    let brotli_size = resp.bytes().await.expect("body").len();
    let with_brotli = reqwest::Client::builder().no_gzip().build().expect("client");
    let decoded: Value = with_brotli
        .get(format!("{base}/api/v1/places.geojson?city=prague"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("brotli body decodes to JSON");
    let (_, plain) = get_json(base, "/api/v1/places.geojson?city=prague").await;
    assert_eq!(decoded, plain);
    assert!(brotli_size < plain.to_string().len() / 2, "compressed: {brotli_size} bytes");

    // GeoJSON: every published place with coordinates, and only those.
    let (s, geo) = get_json(base, "/api/v1/places.geojson?city=prague").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().expect("features");
    let with_coords =
        all["places"].as_array().expect("list").iter().filter(|p| !p["lat"].is_null()).count();
    assert_eq!(features.len(), with_coords);
    assert!(with_coords < prague_total as usize, "some demo places have no location");
    let (s, body) = get_json(base, "/api/v1/places.geojson?city=prague&bbox=1").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(body["parameter"], "bbox");
}

/// Slugs of the places in an API answer, in its order.
/// `near=` sorts by distance (an approximate point counts 1 km further, a
/// place without a point comes last) and gives each place its distance; a
/// district in `from` sorts from the district's middle; a search that finds
/// nothing offers needs and the city where it finds something.
async fn near_and_nothing_found(base: &str, all: &Value) {
    // Wenceslas Square.
    let (s, near) =
        get_json(base, "/api/v1/places?city=prague&per_page=200&near=50.0813,14.4276").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(near["total"], all["total"], "sorting leaves no place out");
    assert_eq!(near["near"]["lat"].as_f64(), Some(50.0813));
    let places = near["places"].as_array().expect("places");
    let key = |p: &Value| {
        let d = p["distance_m"].as_f64().unwrap_or(f64::INFINITY);
        if p["approximate"] == true {
            d + 1000.0
        } else {
            d
        }
    };
    let keys: Vec<f64> = places.iter().map(key).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    let first = places[0]["distance_m"].as_f64().expect("a distance");
    assert!(first < 1500.0, "something is near Wenceslas Square: {first}");
    for p in places.iter().filter(|p| p["lat"].is_null()) {
        assert!(p["distance_m"].is_null(), "no point, no distance: {p}");
    }
    // Without a point the order is not by name (open now, then by need).
    let names: Vec<&str> = all["places"]
        .as_array()
        .expect("places")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_ne!(names, sorted);
    // A district: the same order as from the middle of its places.
    let (_, district) =
        get_json(base, "/api/v1/places?city=prague&per_page=200&from=praha%202").await;
    assert!(district["near"]["lat"].as_f64().is_some(), "{}", district["near"]);
    assert!(district["places"][0]["distance_m"].as_f64().is_some());
    let (_, lost) = get_json(base, "/api/v1/places?city=prague&from=Qwzx%20street%2099").await;
    assert_eq!(lost["unplaced"], "Qwzx street 99");
    assert!(lost["near"].is_null());
    for bad in ["near=50.08", "near=north,14", "near=95,14.4"] {
        let (s, body) = get_json(base, &format!("/api/v1/places?city=prague&{bad}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["parameter"], "near");
    }
    // Nothing found here: the needs the words belong to, and the city that has it.
    let (_, lawyer) = get_json(base, "/api/v1/places?city=prague&q=lawyer&district=Nowhere").await;
    assert_eq!(lawyer["total"].as_i64(), Some(0));
    assert_eq!(lawyer["suggested_needs"][0], "legal", "{}", lawyer["suggested_needs"]);
    let (_, tabacka) = get_json(base, "/api/v1/places?city=prague&q=Taba%C4%8Dka").await;
    assert_eq!(tabacka["total"].as_i64(), Some(0));
    assert_eq!(tabacka["elsewhere"][0]["city"], "kosice", "{}", tabacka["elsewhere"]);
    let (_, found) = get_json(base, "/api/v1/places?city=kosice&q=Taba%C4%8Dka").await;
    assert!(found["elsewhere"].as_array().is_some_and(Vec::is_empty));
}

/// Events and opportunities carry needs and are filtered by them (an
/// event's tags, or its category's; an opportunity's tags); a need's words
/// in any language find them; an unknown need is refused by name.
async fn needs_of_events_and_opportunities(base: &str) {
    let listed = |v: &Value, key: &str| -> Vec<(String, Vec<String>)> {
        v[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {v}"))
            .iter()
            .map(|o| {
                let needs = o["needs"].as_array().expect("needs");
                let needs = needs.iter().filter_map(|n| n.as_str().map(str::to_string)).collect();
                (o["slug"].as_str().unwrap_or_default().to_string(), needs)
            })
            .collect()
    };
    let (s, all) = get_json(base, "/api/v1/events?city=kosice&per_page=100").await;
    assert_eq!(s, StatusCode::OK);
    let (s, mental) =
        get_json(base, "/api/v1/events?city=kosice&per_page=100&need=mental_health").await;
    assert_eq!(s, StatusCode::OK);
    let found = listed(&mental, "occurrences");
    assert!(!found.is_empty());
    assert!(found.iter().all(|(slug, needs)| slug == "caritas-psychological-consultations"
        && needs.contains(&"mental_health".to_string())));
    assert!(mental["total"].as_u64() < all["total"].as_u64(), "the filter narrows");
    // "Psychiatrist" in Arabic: a word of the need, in no event's text.
    let (_, arabic) = get_json(
        base,
        "/api/v1/events?city=kosice&q=%D8%B7%D8%A8%D9%8A%D8%A8%20%D9%86%D9%81%D8%B3%D9%8A",
    )
    .await;
    let found = listed(&arabic, "occurrences");
    assert!(found.iter().any(|(s, _)| s == "caritas-psychological-consultations"), "{found:?}");

    let (_, every) = get_json(base, "/api/v1/opportunities?city=prague&per_page=100").await;
    let (s, children) =
        get_json(base, "/api/v1/opportunities?city=prague&per_page=100&need=children").await;
    assert_eq!(s, StatusCode::OK);
    let found = listed(&children, "opportunities");
    assert!(found.iter().any(|(s, _)| s == "meta-tutoring-and-exam-preparation"), "{found:?}");
    assert!(found.iter().all(|(_, needs)| needs.contains(&"children".to_string())));
    assert!(found.len() < listed(&every, "opportunities").len(), "the filter narrows");
    // "Pupils" in Arabic finds the tutoring through the need's words.
    let (_, arabic) =
        get_json(base, "/api/v1/opportunities?city=prague&q=%D8%AA%D9%84%D8%A7%D9%85%D9%8A%D8%B0")
            .await;
    let found = listed(&arabic, "opportunities");
    assert!(found.iter().any(|(s, _)| s == "meta-tutoring-and-exam-preparation"), "{found:?}");

    for path in
        ["/api/v1/events?city=kosice&need=flying", "/api/v1/opportunities?city=prague&need=flying"]
    {
        let (s, body) = get_json(base, path).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(body["parameter"], "need", "{path}");
    }
}

fn slugs(body: &Value) -> Vec<String> {
    body["places"]
        .as_array()
        .expect("places")
        .iter()
        .filter_map(|p| p["slug"].as_str().map(str::to_string))
        .collect()
}

/// A moment given as the city's wall-clock time.
fn prague_time(local: &str) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("time");
    chrono_tz::Europe::Prague
        .from_local_datetime(&naive)
        .single()
        .expect("unambiguous")
        .with_timezone(&chrono::Utc)
}

/// Open now, at known times: the places open then and only those, in each
/// city's time zone, with each country's public holidays. The demo places
/// with opening hours: in Prague oamp-praha-1 and oamp-praha-2-chodov (Mo,We
/// 8–17; Tu,Th 8–15; Fr 8–12), prague-7-district-office (Mo,We 7:30–12,
/// 13–18; Tu,Th 7:30–12, 13–15), caritas-prague-migrant-counselling (Mo,Th
/// 10–16); in Košice kosice-city-hall-first-contact (Mo–Fr from 8:00). All
/// closed on public holidays.
async fn open_now_at_known_times(backend: Backend) {
    let app = crate::common::spawn_app_with(&backend, |c| {
        c.clock = app::state::Clock::fixed(prague_time("2027-01-12 10:00"));
    })
    .await;
    let base = app.base.as_str();
    let open_in = |city: &'static str| async move {
        let (s, body) =
            get_json(base, &format!("/api/v1/places?city={city}&open_now=true&per_page=200")).await;
        assert_eq!(s, StatusCode::OK);
        let mut open = slugs(&body);
        open.sort();
        // The unfiltered list says the same of every place.
        let (_, all) = get_json(base, &format!("/api/v1/places?city={city}&per_page=200")).await;
        let mut flagged: Vec<String> = all["places"]
            .as_array()
            .expect("places")
            .iter()
            .filter(|p| p["open_now"] == true)
            .filter_map(|p| p["slug"].as_str().map(str::to_string))
            .collect();
        flagged.sort();
        assert_eq!(open, flagged, "{city}: filter and flags agree");
        open
    };
    let oamp = ["oamp-praha-1", "oamp-praha-2-chodov"];
    let cases: [(&str, &[&str], &[&str]); 7] = [
        // Tuesday morning: both offices and the district office; not Caritas.
        (
            "2027-01-12 10:00",
            &[oamp[0], oamp[1], "prague-7-district-office"],
            &["kosice-city-hall-first-contact"],
        ),
        // Monday lunch: the district office closes 12–13, Caritas is open.
        (
            "2027-01-11 12:30",
            &["caritas-prague-migrant-counselling", oamp[0], oamp[1]],
            &["kosice-city-hall-first-contact"],
        ),
        // Monday 7:45 in Prague (6:45 UTC): only the district office opens
        // before 8; read in UTC it would be closed too.
        ("2027-01-11 07:45", &["prague-7-district-office"], &[]),
        // Sunday: nothing.
        ("2027-01-10 10:00", &[], &[]),
        // 6 January (Epiphany) is a public holiday in Slovakia, not in Czechia.
        ("2027-01-06 10:00", &[oamp[0], oamp[1], "prague-7-district-office"], &[]),
        // 28 September (St Wenceslas) is one in Czechia, not in Slovakia.
        ("2027-09-28 10:00", &[], &["kosice-city-hall-first-contact"]),
        // New Year's Day in both.
        ("2027-01-01 10:00", &[], &[]),
    ];
    for (at, prague, kosice) in cases {
        app.clock.set(prague_time(at));
        let mut prague: Vec<String> = prague.iter().map(|s| s.to_string()).collect();
        prague.sort();
        assert_eq!(open_in("prague").await, prague, "Prague at {at}");
        assert_eq!(open_in("kosice").await, kosice, "Košice at {at}");
    }

    // The pages say the same: the place page and the filtered list.
    app.clock.set(prague_time("2027-01-06 10:00"));
    let (_, page) =
        crate::common::get_page(base, None, "/en/kosice/places/kosice-city-hall-first-contact")
            .await;
    assert!(page.contains("class=\"badge closed\""), "closed on a Slovak holiday");
    assert!(!page.contains("class=\"badge open\""));
    let (_, page) = crate::common::get_page(base, None, "/en/prague/places/oamp-praha-1").await;
    assert!(page.contains("class=\"badge open\""), "open on the same day in Prague");
    let (_, list) = crate::common::get_page(base, None, "/en/kosice?open_now=1").await;
    assert_eq!(list.matches("class=\"place-card\"").count(), 0);
    app.clock.set(prague_time("2027-09-28 10:00"));
    let (_, list) = crate::common::get_page(base, None, "/en/kosice?open_now=1").await;
    assert_eq!(list.matches("class=\"place-card\"").count(), 1);
    assert!(list.contains("/en/kosice/places/kosice-city-hall-first-contact"));
    let (_, list) = crate::common::get_page(base, None, "/en/prague?open_now=1").await;
    assert_eq!(list.matches("class=\"place-card\"").count(), 0);
}

async fn pages_suite(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let page = |path: String| async move {
        let resp = get(base, &path, &[]).await;
        let status = resp.status();
        let cookies: Vec<String> = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        (status, resp.text().await.expect("text"), cookies)
    };

    // The filtered list is rendered on the server (works with JS off).
    let (s, html, cookies) = page("/en/prague?lang=uk".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\""), "html lang matches the URL");
    assert!(cookies.iter().any(|c| c.starts_with("wk_city=prague")), "city remembered");
    assert!(
        cookies.iter().any(|c| c.starts_with("i18n_pref_locale=en")),
        "language remembered: {cookies:?}"
    );

    // A prefix-less link follows the remembered language, then Accept-Language.
    let redirect_for = |cookie: &'static str, accept_language: &'static str| async move {
        let headers =
            [("accept", "text/html"), ("cookie", cookie), ("accept-language", accept_language)];
        let resp = get(base, "/prague", &headers).await;
        let location =
            resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
        (resp.status(), location)
    };
    let (s, loc) = redirect_for("i18n_pref_locale=uk", "cs").await;
    assert_eq!(s, StatusCode::FOUND);
    assert_eq!(loc.as_deref(), Some("/uk/prague"));
    let (s, loc) = redirect_for("", "cs,en;q=0.5").await;
    assert_eq!(s, StatusCode::FOUND);
    assert_eq!(loc.as_deref(), Some("/cs/prague"));
    let (_, unfiltered, _) = page("/en/prague".into()).await;
    let cards = |h: &str| h.matches("class=\"place-card\"").count();
    assert!(cards(&html) > 0 && cards(&html) < cards(&unfiltered));

    // A place page with contact links, directions and its sources.
    let (s, html, _) = page("/en/prague/places/oamp-praha-1".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("href=\"tel:+420974801801\""));
    assert!(html.contains("href=\"geo:50.09"));
    assert!(html.contains("openstreetmap.org/?mlat=50.09"));
    assert!(html.contains("mvcr.cz"), "source shown");

    // Czech and Ukrainian pages are translated.
    let (_, cs, _) = page("/cs/prague".into()).await;
    assert!(cs.contains("<html lang=\"cs\""));
    assert!(!cs.contains("places found"));

    // A trailing slash is the same page.
    let (s, html, _) = page("/uk/".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<html lang=\"uk\""));

    // Unknown place or city: 404 page.
    let (s, _, _) = page("/en/prague/places/no-such-place".into()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, _) = page("/en/atlantis".into()).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, _) = page("/en/Prague%20X".into()).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "a malformed city slug");

    // Attributions required by the data licences.
    let (_, about, _) = page("/en/about".into()).await;
    for needle in ["RÚIAN", "IPR Praha", "OpenStreetMap", "Wikipedia"] {
        assert!(about.contains(needle), "about page lacks {needle}");
    }
}

/// Security headers on every kind of response, not only on pages.
async fn security_headers_everywhere(backend: Backend) {
    let app = spawn_app(&backend).await;
    let cross_site = client()
        .post(format!("{}/en/account/login", app.base))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "a@b.cz"), ("password", "x")])
        .send()
        .await
        .expect("post");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let mut responses = vec![("cross-site post".to_string(), cross_site)];
    for path in [
        "/en/prague",
        "/en/no-such-page/at-all",
        "/api/v1/places?city=prague",
        "/api/v1/nothing",
        "/map.js",
        "/",
    ] {
        responses.push((path.to_string(), get(&app.base, path, &[("accept", "text/html")]).await));
    }
    for (what, resp) in &responses {
        let h = |name: &str| {
            resp.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
        };
        let csp = h("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: CSP `{csp}`");
        assert!(!csp.contains("unsafe-inline"), "{what}: CSP `{csp}`");
        assert_eq!(h("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(h("referrer-policy"), "same-origin", "{what}");
        assert_eq!(h("x-frame-options"), "DENY", "{what}");
    }
    // Pages keep their own policy: scripts only with the page's nonce.
    let page = &responses[1].1;
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(csp.contains("script-src 'self' 'nonce-"), "page CSP `{csp}`");
}

on_both_backends!(api_suite, open_now_at_known_times, pages_suite, security_headers_everywhere);
