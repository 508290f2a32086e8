//! The officials' audit log: a city's entries for its moderators, every
//! entry for admins; filters, pages, CSV; who by account, when in the
//! city's time, old → new per field under the field's name in the reader's
//! language; one entry per acceptance; and no way to change or remove an
//! entry, through the app or the database.

use crate::common::{
    accept_change, cast, get_page, post_ok, sign_in, spawn_app, staff, Backend, Cast,
    STAFF_PASSWORD,
};
use app::db::AuditQuery;
use app::values::AuditAction;
use reqwest::StatusCode;

/// The page (200 expected) without the hydration markers (`<!>`).
async fn page_expect(base: &str, cookie: Option<&str>, path: &str, status: StatusCode) -> String {
    crate::common::page_expect(base, cookie, path, status).await.replace("<!>", "")
}

/// How many entries a page shows (`class="audit-entry"`).
fn entries(html: &str) -> usize {
    html.matches("class=\"audit-entry\"").count()
}

async fn audit_log(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;
    staff(db, "chief@example.org", "admin", None).await;
    let admin = sign_in(base, "chief@example.org", STAFF_PASSWORD).await;

    // A new place, accepted; then a change of its hours, accepted.
    let org_s = org.to_string();
    let mut form = vec![
        ("organisation", org_s.as_str()),
        ("name", "Poradna u audit"),
        ("category", "ngo"),
        ("address", "Vodičkova 5, Praha 1"),
        ("opening_hours", "Mo-Fr 09:00-17:00"),
    ];
    post_ok(base, &ngo, "/en/dashboard/places/submit", &form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    assert_eq!(accept_change(base, &moderator, &change).await.0, StatusCode::SEE_OTHER);
    let place = db.places_of_organisation(org).await.expect("q")[0].0;
    let place_s = place.to_string();
    form.push(("place", place_s.as_str()));
    form[4] = ("opening_hours", "Mo-Th 10:00-16:00");
    post_ok(base, &ngo, "/en/dashboard/places/submit", &form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    assert_eq!(accept_change(base, &moderator, &change).await.0, StatusCode::SEE_OTHER);

    // Each proposal and each acceptance is one entry, and the proposal
    // already says old → new.
    let history = db.listing_history("place", place).await.expect("history");
    let count = |a: AuditAction| history.iter().filter(|e| e.action == a).count();
    assert_eq!(count(AuditAction::Accepted), 2, "{history:#?}");
    assert_eq!(count(AuditAction::Submitted), 2, "{history:#?}");
    let proposal = history.iter().find(|e| e.action == AuditAction::Submitted).expect("proposal");
    let changes = app::values::audit_changes(&proposal.details).expect("changes recorded");
    assert!(
        changes.contains(&(
            "opening_hours".to_string(),
            "Mo-Fr 09:00-17:00".to_string(),
            "Mo-Th 10:00-16:00".to_string()
        )),
        "{changes:?}"
    );
    assert_eq!(proposal.actor_email.as_deref(), Some("ngo@example.org"));

    // The moderator's log, in Czech: the account, the city's time with its
    // offset, the field under its Czech name, old and new.
    let html = page_expect(base, Some(&moderator), "/cs/moderation/audit", StatusCode::OK).await;
    assert!(html.contains("ngo@example.org"), "who, by account");
    let newest = &db.audit_log(&AuditQuery { limit: 1, ..Default::default() }).await.expect("q")[0];
    let at = chrono::DateTime::parse_from_rfc3339(&newest.at).expect("stored time");
    let local = at.with_timezone(&chrono_tz::Europe::Prague).format("%Y-%m-%d %H:%M (UTC%:z)");
    assert!(html.contains(&local.to_string()), "local time {local} with offset");
    let label = app::locale::field_label(app::i18n::Locale::cs, "place", "opening_hours");
    assert_ne!(label, "opening_hours");
    assert!(html.contains(&format!(">{label}</dt>")), "field named in Czech: {label}");
    assert!(html.contains("<span class=\"old\">Mo-Fr 09:00-17:00</span>"));
    assert!(html.contains("<span class=\"new\">Mo-Th 10:00-16:00</span>"));
    assert!(!html.contains(">opening_hours<"), "no raw field keys");

    // Scope: another city's moderator sees none of it; members and
    // visitors see no log at all; an admin sees every city's and the
    // accounts' entries.
    let (s, html) = get_page(base, Some(&kosice), "/en/moderation/audit").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!html.contains("Poradna u audit") && !html.contains("ngo@example.org"));
    for cookie in [None, Some(ngo.as_str())] {
        let (s, html) = get_page(base, cookie, "/en/moderation/audit").await;
        assert_ne!(s, StatusCode::OK);
        assert!(!html.contains("audit-entry"));
    }
    let (s, _) =
        get_page(base, Some(&kosice), &format!("/en/moderation/audit?kind=place&id={place}")).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "another city's listing");
    let (s, _) =
        get_page(base, Some(&kosice), &format!("/en/moderation/audit?organisation={org}")).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "another city's organisation");
    let html = page_expect(
        base,
        Some(&admin),
        "/en/moderation/audit?action=admin_created",
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("chief@example.org"), "accounts' entries for admins");
    let html = page_expect(
        base,
        Some(&moderator),
        "/en/moderation/audit?action=admin_created",
        StatusCode::OK,
    )
    .await;
    assert!(!html.contains("chief@example.org"), "a city's moderator: its city only");

    // Filters: by action, person, organisation, listing and days.
    let html =
        page_expect(base, Some(&moderator), "/en/moderation/audit?action=accepted", StatusCode::OK)
            .await;
    assert!(
        html.contains("data-action=\"accepted\"") && !html.contains("data-action=\"submitted\"")
    );
    let html = page_expect(
        base,
        Some(&moderator),
        "/en/moderation/audit?person=NGO%40example",
        StatusCode::OK,
    )
    .await;
    assert_eq!(html.matches("data-action=\"submitted\"").count(), 2, "the NGO's proposals");
    assert!(!html.contains("mod@example.org"), "nobody else's entries");
    let html = page_expect(
        base,
        Some(&moderator),
        &format!("/en/moderation/audit?organisation={org}"),
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("Poradna u audit") && html.contains("data-action=\"verified\""));
    let html = page_expect(
        base,
        Some(&moderator),
        &format!("/en/moderation/audit?kind=place&id={place}"),
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("History of Poradna u audit"));
    assert_eq!(entries(&html), 4, "two proposals, two acceptances");
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Prague).date_naive();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let (tomorrow, yesterday) = (today.succ_opt().expect("day"), today.pred_opt().expect("day"));
    let path = format!("/en/moderation/audit?kind=place&id={place}&from={}", day(tomorrow));
    assert_eq!(entries(&page_expect(base, Some(&moderator), &path, StatusCode::OK).await), 0);
    let path = format!("/en/moderation/audit?kind=place&id={place}&to={}", day(yesterday));
    assert_eq!(entries(&page_expect(base, Some(&moderator), &path, StatusCode::OK).await), 0);
    let path =
        format!("/en/moderation/audit?kind=place&id={place}&from={}&to={}", day(today), day(today));
    assert_eq!(entries(&page_expect(base, Some(&moderator), &path, StatusCode::OK).await), 4);
    // A filter not understood is left out and named, not an error.
    let html = page_expect(
        base,
        Some(&moderator),
        "/en/moderation/audit?action=nonsense&from=soon",
        StatusCode::OK,
    )
    .await;
    assert!(html.contains("left out: action, from"), "named");

    // Pages of 50, newest first: the second page starts where the first
    // ended.
    let verify =
        [("listing", "place"), ("id", place_s.as_str()), ("city", "prague"), ("slug", "x")];
    let scope = AuditQuery { city: Some("prague".into()), limit: 1000, ..Default::default() };
    while db.audit_log(&scope).await.expect("q").len() <= 60 {
        post_ok(base, &moderator, "/en/moderation/listings/verify", &verify).await;
    }
    let all = db.audit_log(&scope).await.expect("q");
    let first = page_expect(base, Some(&moderator), "/en/moderation/audit", StatusCode::OK).await;
    assert_eq!(entries(&first), 50);
    assert!(first.contains("rel=\"next\"") && !first.contains("rel=\"prev\""));
    let second =
        page_expect(base, Some(&moderator), "/en/moderation/audit?page=2", StatusCode::OK).await;
    assert_eq!(entries(&second), (all.len() - 50).min(50));
    assert!(second.contains("rel=\"prev\""));
    assert!(second.contains(&format!("datetime=\"{}\"", all[50].at)), "continues at the 51st");

    // CSV: the same filters and scope, a row per entry.
    let csv = |cookie: String, q: &'static str| async move {
        let resp = crate::common::get(
            base,
            &format!("/en/moderation/audit.csv{q}"),
            &[("cookie", &cookie)],
        )
        .await;
        let kind = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        (resp.status(), kind, resp.text().await.expect("body"))
    };
    let (s, kind, body) = csv(moderator.clone(), "?action=accepted").await;
    assert_eq!(s, StatusCode::OK);
    assert!(kind.starts_with("text/csv"), "{kind}");
    let accepted = db
        .audit_log(&AuditQuery { action: Some("accepted".into()), ..scope.clone() })
        .await
        .expect("q");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let head = reader.headers().expect("header").clone();
    assert_eq!(
        &head.iter().take(6).collect::<Vec<_>>(),
        &["id", "time", "time_utc", "email", "name", "action"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), accepted.len(), "{body}");
    assert!(rows.iter().all(|r| &r[5] == "accepted"));
    let ids: Vec<String> = accepted.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(rows.iter().map(|r| r[0].to_string()).collect::<Vec<_>>(), ids, "newest first");
    assert!(body.contains("Poradna u audit") && body.contains("Mo-Th 10:00-16:00"));
    let (s, _, body) = csv(kosice.clone(), "").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!body.contains("Poradna u audit"), "another city's entries stay out");
    let (s, _, body) = csv(ngo.clone(), "").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(!body.contains("Poradna"));

    // Append-only: no address changes or removes an entry, and the
    // database refuses to, whoever asks.
    let before = db.audit_log(&scope).await.expect("q").len();
    for method in [reqwest::Method::POST, reqwest::Method::PUT, reqwest::Method::DELETE] {
        for path in ["/en/moderation/audit", "/en/moderation/audit.csv"] {
            let resp = crate::common::client()
                .request(method.clone(), format!("{base}{path}?kind=place&id={place}"))
                .header("cookie", &admin)
                .header("sec-fetch-site", "same-origin")
                .send()
                .await
                .expect("request");
            assert!(resp.status().is_client_error(), "{method} {path}: {}", resp.status());
        }
    }
    assert_eq!(db.audit_log(&scope).await.expect("q").len(), before);
    for statement in [
        "UPDATE audit_log SET reason = 'rewritten' WHERE id = $1",
        "DELETE FROM audit_log WHERE id = $1",
    ] {
        let refused = sqlx::query(statement).bind(all[0].id).execute(db.pool()).await;
        assert!(refused.is_err(), "{statement} was allowed");
    }
    let kept = db.audit_log(&scope).await.expect("q");
    assert_eq!(kept.len(), before);
    assert_eq!(kept[0].reason, all[0].reason);
}

on_both_backends!(audit_log);
