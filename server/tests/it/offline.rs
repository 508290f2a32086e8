//! The offline copy's server side: the service worker with a policy that
//! lets it fetch from the site, a manifest per interface language, pages
//! that link both, the "not available offline" page, and `WK_OFFLINE=off`.
//! Nothing here touches the database: SQLite only.

use crate::common::{client, get_page, spawn_app, spawn_app_with, Backend};
use reqwest::StatusCode;

#[tokio::test]
async fn worker_manifest_and_offline_page() {
    let app = spawn_app(&Backend::Sqlite).await;
    let base = app.base.as_str();

    let worker = client().get(format!("{base}/sw.js")).send().await.expect("request");
    assert_eq!(worker.status(), StatusCode::OK);
    let header = |r: &reqwest::Response, h: &str| {
        r.headers().get(h).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    };
    assert!(header(&worker, "content-type").starts_with("text/javascript"));
    let policy = header(&worker, "content-security-policy");
    assert!(policy.contains("connect-src 'self'"), "the worker may fetch the site: {policy}");
    assert_eq!(header(&worker, "cache-control"), "no-cache");
    let script = worker.text().await.expect("body");
    assert!(script.contains("addEventListener('fetch'"));
    assert!(script.contains("dashboard|moderation|account|admin"), "personal pages never kept");

    // A manifest per language, starting in it.
    for (lang, dir) in [("uk", "ltr"), ("ar", "rtl")] {
        let r = client()
            .get(format!("{base}/{lang}/manifest.webmanifest"))
            .send()
            .await
            .expect("request");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header(&r, "content-type"), "application/manifest+json");
        let m: serde_json::Value = r.json().await.expect("json");
        assert_eq!(m["lang"], lang);
        assert_eq!(m["dir"], dir);
        assert_eq!(m["start_url"], format!("/{lang}"));
        let sizes: Vec<&str> = m["icons"]
            .as_array()
            .expect("icons")
            .iter()
            .filter_map(|i| i["sizes"].as_str())
            .collect();
        assert!(sizes.contains(&"192x192") && sizes.contains(&"512x512"), "{sizes:?}");
    }

    // Every page links its language's manifest, the script and the notice.
    let (_, page) = get_page(base, None, "/uk/prague").await;
    assert!(page.contains("href=\"/uk/manifest.webmanifest\" rel=\"manifest\""));
    assert!(page.contains("src=\"/offline.js\""));
    assert!(page.contains("id=\"wk-offline\"") && page.contains("hidden"));

    let (status, offline) = get_page(base, None, "/en/offline").await;
    assert_eq!(status, StatusCode::OK);
    assert!(offline.contains("Not available offline") && offline.contains("id=\"wk-saved\""));
}

/// The city pack lists the city's lists, every published place, the
/// stories, the events of the next 30 days and the open opportunities,
/// in the language asked for; each of its pages answers.
#[tokio::test]
async fn the_city_pack_lists_pages_that_answer() {
    let app = spawn_app(&Backend::Sqlite).await;
    let base = app.base.as_str();
    let r = client()
        .get(format!("{base}/api/v1/pack?city=kosice&lang=uk"))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::OK);
    let pack: serde_json::Value = r.json().await.expect("json");
    let urls: Vec<String> = pack["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .filter_map(|u| u.as_str().map(str::to_string))
        .collect();
    for page in [
        "/uk/kosice",
        "/uk/kosice/events",
        "/uk/kosice/volunteering",
        "/uk/kosice/stories",
        "/uk/offline",
    ] {
        assert!(urls.iter().any(|u| u == page), "{page} in {urls:?}");
    }
    let places: serde_json::Value = client()
        .get(format!("{base}/api/v1/places?city=kosice&per_page=200"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let slugs: Vec<&str> = places["places"]
        .as_array()
        .expect("places")
        .iter()
        .filter_map(|p| p["slug"].as_str())
        .collect();
    assert!(!slugs.is_empty());
    for slug in &slugs {
        let url = format!("/uk/kosice/places/{slug}");
        assert!(urls.contains(&url), "{url} saved");
    }
    assert!(urls.iter().all(|u| u.starts_with("/uk/")), "one language");
    assert!(!urls.iter().any(|u| u.contains("/prague")), "one city");
    for url in &urls {
        let (status, _) = get_page(base, None, url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
    }
    for (query, param) in [("city=atlantis&lang=uk", "city"), ("city=kosice&lang=xx", "lang")] {
        let r = client().get(format!("{base}/api/v1/pack?{query}")).send().await.expect("request");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{query}");
        assert!(r.text().await.expect("body").contains(param));
    }
}

#[tokio::test]
async fn a_deployment_turns_it_off() {
    let app = spawn_app_with(&Backend::Sqlite, |c| c.offline = false).await;
    let base = app.base.as_str();
    let worker = client().get(format!("{base}/sw.js")).send().await.expect("request");
    assert_eq!(worker.status(), StatusCode::NOT_FOUND);
    let (_, page) = get_page(base, None, "/en/prague").await;
    assert!(!page.contains("id=\"wk-offline\""), "no notice: offline.js lets any worker go");
}
