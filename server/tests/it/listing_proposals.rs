//! Organisations propose events and volunteering opportunities; nothing is
//! public until a moderator accepts it. Organisations call off dates or a
//! whole event at once; moderators edit and take listings off the site.
//! On the real app, both backends.

use crate::common::{
    accept_change, cast, get, get_page, post_form, post_ok, sign_in, spawn_app, staff, Backend,
    Cast,
};
use crate::common::{page_expect, post_expect};
use reqwest::StatusCode;
use serde_json::Value;

async fn api(base: &str, path: &str) -> Value {
    get(base, path, &[]).await.json().await.unwrap_or(Value::Null)
}

/// (local start, cancelled) of the API's occurrences of `slug`.
fn dates_of(v: &Value, slug: &str) -> Vec<(String, bool)> {
    v["occurrences"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|o| o["slug"] == slug)
                .map(|o| {
                    (
                        o["start"].as_str().unwrap_or("").to_string(),
                        o["cancelled"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn events_through_review(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, other, moderator } = cast(&app).await;
    let org_s = org.to_string();
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;

    // The form page offers the repetition choices.
    let html = page_expect(base, Some(&ngo), "/en/dashboard/events/new", StatusCode::OK).await;
    assert!(html.contains("Every other week"), "repeat choices");
    page_expect(base, None, "/en/dashboard/events/new", StatusCode::FORBIDDEN).await; // not for visitors

    let event = |time: &'static str| {
        vec![
            ("organisation", org_s.clone()),
            ("title", "Sousedská kavárna jazyků".to_string()),
            ("title_en", "Neighbours' language café".to_string()),
            ("category", "conversation_club".to_string()),
            ("address", "Vodičkova 5, Praha 1".to_string()),
            ("date", "2027-01-05".to_string()),
            ("time", time.to_string()),
            ("end_time", "20:00".to_string()),
            ("repeat", "weekly".to_string()),
            ("skip_dates", "2027-01-19".to_string()),
            ("languages", "uk".to_string()),
            ("languages", "en".to_string()),
            ("no_czech", "1".to_string()),
            ("free", "1".to_string()),
        ]
    };
    let post = |cookie: &str, path: &'static str, f: Vec<(&'static str, String)>| {
        let cookie = cookie.to_string();
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(base, Some(&cookie), path, &f).await
        }
    };

    // Bad input: told at the fields, nothing stored, what was typed kept.
    let mut bad = event("18:00");
    bad.retain(|(k, _)| !["end_time", "date"].contains(k));
    bad.extend([("end_time", "17:00".into()), ("date", "5.1.2027".into())]);
    let (s, html) = post(&ngo, "/en/dashboard/events/submit", bad).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Enter a date as YYYY-MM-DD"), "date message");
    assert!(html.contains("value=\"Sousedská kavárna jazyků\""), "title kept");
    assert!(html.contains("value=\"5.1.2027\""), "bad date kept to fix");
    assert!(db.pending_changes(&Default::default()).await.expect("q").is_empty());

    // Another organisation's member cannot propose for this one.
    let (s, _) = post(&other, "/en/dashboard/events/submit", event("18:00")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    let (s, _) = post(&ngo, "/en/dashboard/events/submit", event("18:00")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let window = "/api/v1/events?city=prague&from=2027-01-01&to=2027-01-31";
    let slug = "neighbours-language-cafe";
    assert!(dates_of(&api(base, window).await, slug).is_empty(), "not public before review");
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation?kind=event").await;
    assert!(queue.contains("Sousedská kavárna jazyků"), "in the queue");
    assert!(queue.contains("FREQ") || queue.contains("weekly"), "the repetition is shown");
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    // A moderator of another city cannot accept it.
    let (s, _) = accept_change(base, &other_moderator, &change).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    // Tuesdays in January 2027 but the 19th, 18:00 Prague time.
    let got = dates_of(&api(base, window).await, slug);
    assert_eq!(
        got.iter().map(|(d, _)| d.as_str()).collect::<Vec<_>>(),
        vec!["2027-01-05T18:00", "2027-01-12T18:00", "2027-01-26T18:00"],
        "{got:?}"
    );
    let row = db.rows_of_organisation::<app::db::EventRow>(org).await.expect("q").remove(0);
    assert_eq!(row.organisation_id, Some(org));
    let id = row.id.to_string();
    let page = page_expect(base, None, &format!("/en/prague/events/{slug}"), StatusCode::OK).await;
    assert!(page.contains("Spolek Sousedé"), "organiser shown");
    // The page links the organiser's own calendar feed, which has the event
    // and no other organiser's.
    let feed = format!("/events.ics?city=prague&organisation={org}");
    assert!(page.contains(&feed.replace('&', "&amp;")), "organiser feed linked");
    let ics = get(base, &feed, &[]).await.text().await.expect("ics");
    assert!(ics.contains("Sousedská kavárna jazyků") || ics.contains("Neighbours"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "only this organiser's event");

    // An edit goes through review too; the queue shows the changed time.
    let mut edit = event("18:30");
    edit.push(("event", id.clone()));
    let (s, _) = post(&ngo, "/en/dashboard/events/submit", edit).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("18:30"), "the diff shows the new time");
    assert_eq!(dates_of(&api(base, window).await, slug)[0].0, "2027-01-05T18:00");
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(dates_of(&api(base, window).await, slug)[0].0, "2027-01-05T18:30");

    // The organisation calls off one date at once, with a reason; only its
    // members (and moderators) may; a date the series does not have is
    // refused.
    let cancel = |date: &'static str| {
        vec![("event", id.clone()), ("date", date.to_string()), ("note", "Teacher ill".to_string())]
    };
    let (s, _) = post(&other, "/en/dashboard/events/cancel", cancel("2027-01-12")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = post(&ngo, "/en/dashboard/events/cancel", cancel("2027-01-13")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, _) = post(&ngo, "/en/dashboard/events/cancel", cancel("2027-01-12")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let got = dates_of(&api(base, window).await, slug);
    assert_eq!(got[1], ("2027-01-12T18:30".to_string(), true), "{got:?}");
    assert!(!got[0].1 && !got[2].1);
    let (_, dashboard) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(dashboard.contains("Called off"), "the dashboard lists the called-off date");
    let (s, _) = post(&ngo, "/en/dashboard/events/restore", cancel("2027-01-12")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let got = dates_of(&api(base, window).await, slug);
    assert!(got.len() == 3 && got.iter().all(|(_, c)| !c), "{got:?}");

    // The whole series, then back.
    let series = vec![
        ("event", id.clone()),
        ("series", "1".to_string()),
        ("note", "We are moving".to_string()),
    ];
    let (s, _) = post(&ngo, "/en/dashboard/events/cancel", series.clone()).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // A series called off drops out of the directory (its page says so;
    // calendar feeds carry the cancellation to subscribers).
    assert!(dates_of(&api(base, window).await, slug).is_empty());
    let ics = get(base, &format!("/calendar/prague/{slug}"), &[]).await.text().await.expect("ics");
    assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
    let (_, page) = get_page(base, None, &format!("/en/prague/events/{slug}")).await;
    assert!(page.contains("This event has been cancelled") && page.contains("We are moving"));
    let (s, _) = post(&ngo, "/en/dashboard/events/restore", series).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let got = dates_of(&api(base, window).await, slug);
    assert!(got.len() == 3 && got.iter().all(|(_, c)| !c), "{got:?}");

    // A moderator edits directly (published at once, the organisation told)
    // and takes it off the site with a reason.
    let mut direct = event("19:00");
    direct.push(("event", id.clone()));
    direct.push(("note", "Time confirmed by phone".to_string()));
    let (s, _) = post(&other_moderator, "/en/moderation/events/edit", direct.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = post(&moderator, "/en/moderation/events/edit", direct).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(dates_of(&api(base, window).await, slug)[0].0, "2027-01-05T19:00");
    let (_, history) =
        get_page(base, Some(&moderator), &format!("/en/moderation/audit?kind=event&id={id}")).await;
    assert!(history.contains("Time confirmed by phone"), "history keeps the note");
    let history = history.replace("<!>", ""); // the hydration markers
    assert!(
        history.contains("<strong>Date called off</strong>"),
        "history keeps the cancellations"
    );
    let unpublish = |reason: &'static str| {
        vec![
            ("kind", "event".to_string()),
            ("id", id.clone()),
            ("city", "prague".to_string()),
            ("slug", slug.to_string()),
            ("reason", reason.to_string()),
        ]
    };
    let (s, _) = post(&moderator, "/en/moderation/listings/unpublish", unpublish("")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a reason is needed");
    let (s, _) = post(&ngo, "/en/moderation/listings/unpublish", unpublish("x")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = post(
        &moderator,
        "/en/moderation/listings/unpublish",
        unpublish("Not an event for newcomers"),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(dates_of(&api(base, window).await, slug).is_empty());
    page_expect(base, None, &format!("/en/prague/events/{slug}"), StatusCode::NOT_FOUND).await;
    let outbox = db.outbox(50).await.expect("outbox");
    assert!(
        outbox
            .iter()
            .any(|m| m.recipient == "ngo@example.org"
                && m.body.contains("Not an event for newcomers"))
    );
    assert!(
        outbox.iter().any(|m| m.recipient == "ngo@example.org" && m.body.contains("19:00")),
        "told of the edit"
    );
}

async fn opportunities_through_review(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, other, moderator } = cast(&app).await;
    let org_s = org.to_string();

    let extra = [("skills", "patience, Czech"), ("min_age", "16")];
    let form = crate::common::tutoring_form(&org_s, &extra);
    let mut bad = form.clone();
    bad.retain(|(k, _)| *k != "audience");
    bad.push(("audience", "everyone"));
    let html = post_expect(
        base,
        Some(&ngo),
        "/en/dashboard/opportunities/submit",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("value=\"Doučování češtiny pro děti\""));
    post_expect(
        base,
        Some(&other),
        "/en/dashboard/opportunities/submit",
        &form,
        StatusCode::FORBIDDEN,
    )
    .await;
    post_ok(base, &ngo, "/en/dashboard/opportunities/submit", &form).await;
    let listed = |v: Value| {
        v["opportunities"]
            .as_array()
            .map(|a| a.iter().any(|o| o["slug"] == "czech-tutoring-for-children"))
            .unwrap_or(false)
    };
    assert!(
        !listed(api(base, "/api/v1/opportunities?city=prague").await),
        "not public before review"
    );
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(listed(api(base, "/api/v1/opportunities?city=prague").await), "public once accepted");

    // Someone offers help; the organisation's dashboard shows it, another
    // organisation's does not.
    let (_, page) =
        get_page(base, None, "/en/prague/volunteering/czech-tutoring-for-children").await;
    let id = crate::common::hidden_value(&page, "opportunity");
    post_expect(
        base,
        None,
        "/en/volunteering/interest",
        &[
            ("opportunity", &id),
            ("city", "prague"),
            ("slug", "czech-tutoring-for-children"),
            ("name", "Olena Kovalenko"),
            ("contact", "olena@example.org"),
            ("consent", "yes"),
        ],
        StatusCode::SEE_OTHER,
    )
    .await;
    let (_, mine) = get_page(base, Some(&ngo), "/en/dashboard").await;
    assert!(mine.contains("Olena Kovalenko"), "the organisation sees the request");
    let (_, theirs) = get_page(base, Some(&other), "/en/dashboard").await;
    assert!(!theirs.contains("Olena Kovalenko"));

    // Taken off the site: gone from the list and the API.
    post_ok(
        base,
        &moderator,
        "/en/moderation/listings/unpublish",
        &[
            ("kind", "opportunity"),
            ("id", &id),
            ("city", "prague"),
            ("slug", "czech-tutoring-for-children"),
            ("reason", "Duplicate"),
        ],
    )
    .await;
    assert!(!listed(api(base, "/api/v1/opportunities?city=prague").await));

    // A corrected version, once accepted, is public again.
    let mut fixed = form.clone();
    fixed.push(("opportunity", id.as_str()));
    post_ok(base, &ngo, "/en/dashboard/opportunities/submit", &fixed).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (s, _) = accept_change(base, &moderator, &change).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(listed(api(base, "/api/v1/opportunities?city=prague").await), "published again");
}

on_both_backends!(events_through_review);
on_both_backends!(opportunities_through_review);
