//! The read API and server-rendered pages, against the real app on SQLite
//! and on PostgreSQL.
mod common;

use common::{client, get, spawn_app, Backend};
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
    assert_eq!(
        all["places"].as_array().map(Vec::len),
        Some(prague_total as usize)
    );
    let (_, page2) = get_json(base, "/api/v1/places?city=prague&per_page=5&page=2").await;
    assert_eq!(page2["total"].as_i64(), Some(prague_total));
    let page2_slugs: Vec<&Value> = page2["places"]
        .as_array()
        .expect("list")
        .iter()
        .map(|p| &p["slug"])
        .collect();
    let expected: Vec<&Value> = all["places"].as_array().expect("list")[5..10]
        .iter()
        .map(|p| &p["slug"])
        .collect();
    assert_eq!(
        page2_slugs, expected,
        "page 2 continues where page 1 stopped"
    );

    // Language filter: every result speaks Ukrainian, and some places do not.
    let (_, uk) = get_json(base, "/api/v1/places?city=prague&lang=uk&per_page=200").await;
    let uk_places = uk["places"].as_array().expect("list");
    assert!(!uk_places.is_empty());
    assert!((uk_places.len() as i64) < prague_total);
    for p in uk_places {
        let langs = p["languages"].as_array().expect("languages");
        assert!(
            langs.iter().any(|l| l == "uk"),
            "{} does not speak uk",
            p["slug"]
        );
    }

    // Category filter.
    let (_, offices) = get_json(
        base,
        "/api/v1/places?city=prague&category=foreigners_office",
    )
    .await;
    let offices = offices["places"].as_array().expect("list");
    assert!(!offices.is_empty());
    assert!(offices.iter().all(|p| p["category"] == "foreigners_office"));

    // Search ignores diacritics and case.
    let (_, found) = get_json(base, "/api/v1/places?city=prague&q=INTEGRACNI").await;
    let found = found["places"].as_array().expect("list");
    assert!(!found.is_empty(), "integracni finds Integrační …");
    assert!(found
        .iter()
        .any(|p| p["name"].as_str().is_some_and(|n| n.contains("Integrační"))));
    assert!(
        found.len() < prague_total as usize,
        "search narrows the list"
    );
    let (_, kosice) = get_json(base, "/api/v1/places?city=kosice&q=kosice").await;
    assert!(
        kosice["total"].as_i64().unwrap_or(0) > 0,
        "kosice finds Košice"
    );
    let (_, none) = get_json(base, "/api/v1/places?city=prague&q=zzzzqqq").await;
    assert_eq!(none["total"].as_i64(), Some(0));

    // open_now is accepted and only returns places open now.
    let (s, open) = get_json(base, "/api/v1/places?city=prague&open_now=true").await;
    assert_eq!(s, StatusCode::OK);
    assert!(open["places"]
        .as_array()
        .expect("list")
        .iter()
        .all(|p| p["open_now"] == true));

    // Bad parameters: 400 with the parameter named, never a 500.
    for (query, param) in [
        ("", "city"),
        ("city=atlantis", "city"),
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
    let resp = client()
        .get(format!("{base}/api/v1/places?city=prague"))
        .send()
        .await
        .expect("request");
    let etag = resp
        .headers()
        .get("etag")
        .expect("etag")
        .to_str()
        .expect("ascii")
        .to_string();
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
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "another body has another ETag"
    );

    // Compressed when asked.
    let raw = reqwest::Client::builder()
        .no_gzip()
        .build()
        .expect("client");
    let resp = raw
        .get(format!("{base}/api/v1/places.geojson?city=prague"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(
        resp.headers().get("content-encoding").map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );

    // GeoJSON: every published place with coordinates, and only those.
    let (s, geo) = get_json(base, "/api/v1/places.geojson?city=prague").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().expect("features");
    let with_coords = all["places"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|p| !p["lat"].is_null())
        .count();
    assert_eq!(features.len(), with_coords);
    assert!(
        with_coords < prague_total as usize,
        "some demo places have no location"
    );
    let (s, _) = get_json(base, "/api/v1/places.geojson?city=prague&bbox=1").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
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
    assert!(
        html.contains("<html lang=\"en\""),
        "html lang matches the URL"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("wk_city=prague")),
        "city remembered"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("i18n_pref_locale=en")),
        "language remembered: {cookies:?}"
    );

    // A prefix-less link follows the remembered language, then Accept-Language.
    let redirect_for = |cookie: &'static str, accept_language: &'static str| async move {
        let headers = [
            ("accept", "text/html"),
            ("cookie", cookie),
            ("accept-language", accept_language),
        ];
        let resp = get(base, "/prague", &headers).await;
        let location = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
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
        responses.push((
            path.to_string(),
            get(&app.base, path, &[("accept", "text/html")]).await,
        ));
    }
    for (what, resp) in &responses {
        let h = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let csp = h("content-security-policy");
        assert!(
            csp.contains("frame-ancestors 'none'"),
            "{what}: CSP `{csp}`"
        );
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
    assert!(
        csp.contains("script-src 'self' 'nonce-"),
        "page CSP `{csp}`"
    );
}

on_both_backends!(api_suite, pages_suite, security_headers_everywhere);
