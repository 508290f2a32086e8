//! The officials' statistics: the figures move with what happens in the
//! city (a proposal waits, is accepted, someone offers help), each city's
//! moderators see their city's, nobody else sees any, and the CSV holds
//! counts only, never who asked.

use crate::common::{
    accept_change, cast, get_page, page_expect, post_form, post_ok, sign_in, spawn_app, staff,
    Backend, Cast, STAFF_PASSWORD,
};
use reqwest::StatusCode;
use std::collections::HashMap;

/// The CSV's figures as (section, item, detail) → value.
type Figures = HashMap<(String, String, String), i64>;

async fn figures(base: &str, cookie: &str, query: &str) -> Figures {
    let path = format!("/en/moderation/statistics.csv{query}");
    let resp = crate::common::get(base, &path, &[("cookie", cookie)]).await;
    assert_eq!(resp.status(), StatusCode::OK, "{path}");
    let kind = resp.headers()["content-type"].to_str().expect("type").to_string();
    assert!(kind.starts_with("text/csv"), "{kind}");
    let body = resp.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let head: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(head, ["section", "item", "detail", "value"]);
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            let value = r[3].parse().expect("a count");
            ((r[0].to_string(), r[1].to_string(), r[2].to_string()), value)
        })
        .collect()
}

fn get(f: &Figures, section: &str, item: &str, detail: &str) -> i64 {
    f.get(&(section.to_string(), item.to_string(), detail.to_string())).copied().unwrap_or(0)
}

/// The city's published places, counted straight from the database.
async fn published_places(db: &app::db::Db, city: &str) -> i64 {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM places WHERE city = $1 AND status = 'published'")
            .bind(city)
            .fetch_one(db.pool())
            .await
            .expect("count");
    n
}

async fn statistics(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;

    let before = figures(base, &moderator, "").await;
    assert_eq!(
        get(&before, "listings", "place", "published"),
        published_places(db, "prague").await
    );
    assert_eq!(get(&before, "waiting", "place", "count"), 0);

    // A proposal waits: counted, with how long it has waited.
    let org_s = org.to_string();
    let form = [
        ("organisation", org_s.as_str()),
        ("name", "Poradna pro statistiku"),
        ("category", "ngo"),
        ("address", "Vodičkova 5, Praha 1"),
    ];
    post_ok(base, &ngo, "/en/dashboard/places/submit", &form).await;
    let waiting = figures(base, &moderator, "").await;
    assert_eq!(get(&waiting, "waiting", "place", "count"), 1);
    assert_eq!(get(&waiting, "waiting", "place", "median_hours"), 0, "just sent");
    assert_eq!(
        get(&waiting, "organisations", "verified", ""),
        get(&before, "organisations", "verified", "")
    );

    // Accepted: no longer waiting, one more public place.
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    assert_eq!(accept_change(base, &moderator, &change).await.0, StatusCode::SEE_OTHER);
    let after = figures(base, &moderator, "").await;
    assert_eq!(get(&after, "waiting", "place", "count"), 0);
    assert_eq!(
        get(&after, "listings", "place", "published"),
        get(&before, "listings", "place", "published") + 1
    );
    assert_eq!(get(&after, "listings", "place", "published"), published_places(db, "prague").await);

    // Someone offers help: the opportunity's count moves; who it was is
    // nowhere in the figures.
    // (Interest goes to an organisation: the demo opportunity gets one.)
    let link =
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'cic-volunteer-programme'";
    crate::common::run_sql(db, link, org).await;
    let (_, html) = get_page(base, None, "/en/prague/volunteering/cic-volunteer-programme").await;
    let id = crate::common::hidden_value(&html, "opportunity");
    let interest = [
        ("opportunity", id.as_str()),
        ("city", "prague"),
        ("slug", "cic-volunteer-programme"),
        ("name", "Nguyen Thi Lan"),
        ("contact", "lan@example.org"),
        ("message", "I can help on Tuesdays."),
        ("consent", "yes"),
    ];
    assert_eq!(
        post_form(base, None, "/en/volunteering/interest", &interest).await.0,
        StatusCode::SEE_OTHER
    );
    let title = db
        .public_row::<app::db::OpportunityRow>("prague", "cic-volunteer-programme")
        .await
        .expect("q")
        .expect("opportunity")
        .title;
    let helped = figures(base, &moderator, "").await;
    assert_eq!(
        get(&helped, "interest", &title, "requests"),
        get(&after, "interest", &title, "requests") + 1
    );
    let resp =
        crate::common::get(base, "/en/moderation/statistics.csv", &[("cookie", &moderator)]).await;
    let body = resp.text().await.expect("body");
    assert!(!body.contains("Nguyen") && !body.contains("lan@example.org"), "counts only");

    // The page says the same, in the moderator's language.
    let html =
        page_expect(base, Some(&moderator), "/cs/moderation/statistics", StatusCode::OK).await;
    let html = html.replace("<!>", "");
    assert!(html.contains("Město v kostce"));
    let places = get(&helped, "listings", "place", "published");
    assert!(
        html.contains(&format!("<td class=\"number\">{places}</td>")),
        "published places: {places}"
    );
    assert!(html.contains(&title));
    assert!(!html.contains("Nguyen"));

    // Another city's moderator sees that city, whatever they ask for.
    let theirs = figures(base, &kosice, "?city=prague").await;
    assert_eq!(
        get(&theirs, "listings", "place", "published"),
        published_places(db, "kosice").await
    );
    assert_eq!(get(&theirs, "interest", &title, "requests"), 0);
    // An admin chooses: every city, or one.
    staff(db, "chief@example.org", "admin", None).await;
    let admin = sign_in(base, "chief@example.org", STAFF_PASSWORD).await;
    let every = figures(base, &admin, "").await;
    let one = figures(base, &admin, "?city=kosice").await;
    let both = published_places(db, "prague").await + published_places(db, "kosice").await;
    assert!(get(&every, "listings", "place", "published") >= both);
    assert_eq!(get(&one, "listings", "place", "published"), published_places(db, "kosice").await);

    // Members and visitors get nothing.
    for cookie in [None, Some(ngo.as_str())] {
        let (s, html) = get_page(base, cookie, "/en/moderation/statistics").await;
        assert_ne!(s, StatusCode::OK);
        assert!(!html.contains("class=\"counts\""));
        let headers: Vec<(&str, &str)> = cookie.map(|c| ("cookie", c)).into_iter().collect();
        let resp = crate::common::get(base, "/en/moderation/statistics.csv", &headers).await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    }
}

on_both_backends!(statistics);
