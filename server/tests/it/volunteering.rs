//! Volunteering on the real app (both backends): the API and pages, and
//! interest requests: consent, validation, who can read them, withdrawal,
//! and deletion after the retention period (fixed clock).

use crate::common::{
    get, get_page, join, member, post_form, run_sql, sign_in, spawn_app, staff, Backend, OTHER_NGO,
};
use crate::common::{page_expect, post_expect};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

async fn json(base: &str, path: &str) -> (StatusCode, Value) {
    let resp = get(base, path, &[]).await;
    let s = resp.status();
    (s, resp.json().await.unwrap_or(Value::Null))
}

async fn opportunities_api_and_pages(backend: Backend) {
    let app = spawn_app(&backend).await;
    let base = app.base.as_str();
    let (s, v) = json(base, "/api/v1/opportunities?city=prague").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 3, "the 2020 project is closed: {v}");
    let (_, v) = json(base, "/api/v1/opportunities?city=prague&no_czech=true").await;
    let slugs: Vec<&str> = v["opportunities"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|o| o["slug"].as_str())
        .collect();
    assert_eq!(slugs, vec!["volunteers-with-an-accent"]);
    let (_, v) = json(base, "/api/v1/opportunities?city=kosice&lang=uk&no_czech=true").await;
    assert_eq!(v["total"], 1);
    for (path, param) in [
        ("/api/v1/opportunities", "city"),
        ("/api/v1/opportunities?city=prague&audience=aliens", "audience"),
        ("/api/v1/opportunities?city=prague&page=0", "page"),
    ] {
        let (s, v) = json(base, path).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(v["parameter"], param, "{path}: {v}");
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{path}: {v}");
    }
    let resp = get(base, "/api/v1/opportunities?city=prague", &[]).await;
    let etag = resp.headers()["etag"].to_str().expect("etag").to_string();
    let again = get(base, "/api/v1/opportunities?city=prague", &[("if-none-match", &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    let html = page_expect(base, None, "/en/prague/volunteering", StatusCode::OK).await;
    assert!(html.contains("3 opportunities"));
    // Closed ones keep their page, without the form.
    let html = page_expect(
        base,
        None,
        "/en/prague/volunteering/simi-online-tutoring-2020",
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("This opportunity is closed"));
    assert!(!html.contains("name=\"consent\""));
    // Without an organisation account, people contact the organiser directly.
    let (_, html) =
        get_page(base, None, "/en/prague/volunteering/meta-tutoring-and-exam-preparation").await;
    assert!(html.contains("Contact the organiser directly"));
}

async fn interest_requests(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (base, db) = (app.base.as_str(), &app.db);
    let org = member(db, base, "ngo@example.org", "Centrum", "prague", "12345679").await;
    join(db, base, OTHER_NGO).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    staff(db, "admin@example.org", "admin", None).await;
    // link the opportunity to the organisation
    run_sql(
        db,
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'cic-volunteer-programme'",
        org,
    )
    .await;
    let (_, html) = get_page(base, None, "/en/prague/volunteering/cic-volunteer-programme").await;
    assert!(html.contains("name=\"consent\""), "the form is offered");
    // A shared link previews: Open Graph and schema.org JSON-LD.
    assert!(html.contains("property=\"og:description\""), "og:description");
    let ld = html
        .split("application/ld+json")
        .nth(1)
        .and_then(|r| r.split_once('>'))
        .and_then(|(_, r)| r.split("</script>").next())
        .expect("JSON-LD on the page");
    let ld: serde_json::Value = serde_json::from_str(ld).expect("JSON-LD parses");
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["employmentType"], "VOLUNTEER");
    assert!(ld["hiringOrganization"]["name"].is_string(), "{ld}");
    let id = crate::common::hidden_value(&html, "opportunity");
    let form = |consent: &'static str, contact: &'static str| {
        vec![
            ("opportunity", id.clone()),
            ("city", "prague".to_string()),
            ("slug", "cic-volunteer-programme".to_string()),
            ("name", "Nguyen Thi Lan".to_string()),
            ("contact", contact.to_string()),
            ("languages", "vi, en".to_string()),
            ("message", "I can help on Tuesdays.".to_string()),
            ("consent", consent.to_string()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| async move {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_form(base, None, "/en/volunteering/interest", &f).await
    };

    // No consent, or no usable contact: 422, messages at the fields, kept.
    let (s, html) = post(form("", "lan@example.org")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Please tick the box"));
    assert!(html.contains("value=\"Nguyen Thi Lan\""));
    let (s, html) = post(form("yes", "call me maybe")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Give an e-mail address or a phone number"));
    assert_eq!(db.count_interest().await.expect("count"), 0, "nothing stored");

    // Sent: the person lands on their withdrawal page; the organisation is
    // told without the personal data; the person gets the link by mail.
    let resp = crate::common::client()
        .post(format!("{base}/en/volunteering/interest"))
        .header("sec-fetch-site", "same-origin")
        .form(&form("yes", "lan@example.org"))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let to = resp.headers()["location"].to_str().expect("location").to_string();
    assert!(to.starts_with("/en/volunteering/withdraw?token="), "{to}");
    assert_eq!(db.count_interest().await.expect("count"), 1);
    let outbox = db.outbox(20).await.expect("outbox");
    let note = outbox
        .iter()
        .find(|m| m.recipient == "ngo@example.org" && m.subject.contains("would like to help"))
        .expect("organisation told");
    assert!(
        !note.body.contains("Nguyen") && !note.body.contains("lan@example.org"),
        "no personal data by mail"
    );
    let mine =
        outbox.iter().find(|m| m.recipient == "lan@example.org").expect("the person gets the link");
    assert!(mine.body.contains("/en/volunteering/withdraw?token="));

    // Only the organisation's members read it.
    let ngo = sign_in(base, "ngo@example.org", "member passphrase").await;
    let (_, html) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(html.contains("Nguyen Thi Lan") && html.contains("I can help on Tuesdays."));
    for (email, password) in [
        ("other@example.org", "member passphrase"),
        ("mod@example.org", crate::common::STAFF_PASSWORD),
        ("admin@example.org", crate::common::STAFF_PASSWORD),
    ] {
        let cookie = sign_in(base, email, password).await;
        let (_, html) = get_page(base, Some(&cookie), "/en/dashboard").await;
        assert!(!html.contains("Nguyen Thi Lan"), "{email} must not see the request");
    }

    // Withdrawal: the link shows the button; posting deletes at once.
    let (_, html) = get_page(base, None, &to).await;
    assert!(html.contains("Withdraw and delete my details"));
    let token =
        to.split("token=").nth(1).and_then(|t| t.split('&').next()).expect("token").to_string();
    post_expect(
        base,
        None,
        "/en/volunteering/withdraw",
        &[("token", &token)],
        StatusCode::SEE_OTHER,
    )
    .await;
    assert_eq!(db.count_interest().await.expect("count"), 0);
    let (_, html) = get_page(base, None, &to).await;
    assert!(html.contains("There is no request behind this link"));
    post_expect(
        base,
        None,
        "/en/volunteering/withdraw",
        &[("token", &token)],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await; // a used link says so

    // Closed opportunities take no requests.
    // link
    run_sql(
        db,
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'simi-online-tutoring-2020'",
        org,
    )
    .await;
    let closed_id: (i64,) =
        sqlx::query_as("SELECT id FROM opportunities WHERE slug = 'simi-online-tutoring-2020'")
            .fetch_one(db.pool())
            .await
            .expect("id");
    let mut f = form("yes", "lan@example.org");
    f[0].1 = closed_id.0.to_string();
    let (s, _) = post(f).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(db.count_interest().await.expect("count"), 0);

    // Retention with a fixed clock: kept 89 days, deleted on day 90.
    let t0 = Utc::now();
    let values =
        form("yes", "+420 777 123 456").into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    app::volunteering::interest::send(db, &values, app::i18n::Locale::en, base, 90, t0)
        .await
        .map_err(|_| "refused")
        .expect("stored");
    assert_eq!(
        app::volunteering::interest::purge(db, t0 + Duration::days(89)).await.expect("purge"),
        0
    );
    assert_eq!(db.count_interest().await.expect("count"), 1);
    assert_eq!(
        app::volunteering::interest::purge(db, t0 + Duration::days(90)).await.expect("purge"),
        1
    );
    assert_eq!(db.count_interest().await.expect("count"), 0);
}

/// A person sending interest too often is told so on the opportunity's
/// page, in their language, with what they typed, 429 and `Retry-After`;
/// the consent names the organisation and how long the details are kept.
async fn limited_interest_keeps_what_was_typed(backend: Backend) {
    let app = crate::common::spawn_app_with(&backend, |c| {
        c.form_posts_per_minute = 1;
        c.form_posts_burst = 2;
    })
    .await;
    let (base, db) = (app.base.as_str(), &app.db);
    let org = member(db, base, "ngo@example.org", "Centrum Vltava", "prague", "12345679").await;
    let link =
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'cic-volunteer-programme'";
    run_sql(db, link, org).await;
    let path = "/uk/prague/volunteering/cic-volunteer-programme";
    let html = page_expect(base, None, path, StatusCode::OK).await;
    assert!(html.contains("«Centrum Vltava»"), "the consent names the organisation");
    let id = crate::common::hidden_value(&html, "opportunity");
    let form = [
        ("opportunity", id.as_str()),
        ("city", "prague"),
        ("slug", "cic-volunteer-programme"),
        ("name", "Оксана Коваль"),
        ("contact", "oksana@example.org"),
        ("message", "Можу допомагати по вівторках."),
        ("consent", ""),
    ];
    for _ in 0..2 {
        post_expect(
            base,
            None,
            "/uk/volunteering/interest",
            &form,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let resp = crate::common::client()
        .post(format!("{base}/uk/volunteering/interest"))
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 =
        resp.headers()["retry-after"].to_str().ok().and_then(|w| w.parse().ok()).expect("seconds");
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    let cookies: Vec<String> = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|c| c.to_str().ok())
        .map(str::to_string)
        .collect();
    assert!(
        cookies
            .iter()
            .all(|c| !c.starts_with("i18n_pref_locale=") || c.starts_with("i18n_pref_locale=uk;")),
        "the language stays Ukrainian: {cookies:?}"
    );
    let html = resp.text().await.expect("page");
    assert!(html.contains("lang=\"uk\""), "the page in Ukrainian");
    assert!(html.contains("name=\"consent\""), "the opportunity's form, not a missing page");
    assert!(html.contains("value=\"Оксана Коваль\""), "the name is kept");
    assert!(html.contains("Можу допомагати по вівторках."), "the message is kept");
    assert!(html.contains("role=\"alert\""), "the refusal is said");
    assert!(!html.contains("Too many attempts"), "in Ukrainian, not English");
    assert_eq!(db.count_interest().await.expect("count"), 0, "nothing stored");
}

on_both_backends!(
    opportunities_api_and_pages,
    interest_requests,
    limited_interest_keeps_what_was_typed
);
