//! The city's moderators call off a date of an event, or the whole event,
//! from its page, with a reason the public reads, and take it back; the
//! forms are theirs alone, the organisation is not needed, and each step
//! is in the audit log.

use crate::common::{
    cafe_form, cast, get_page, post_expect, publish, sign_in, spawn_app, staff, Backend,
    STAFF_PASSWORD,
};
use app::values::AuditAction;
use reqwest::StatusCode;

async fn moderators_call_off(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = cast(&app).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;
    let org = p.org.to_string();
    let id = publish(&app, &p, "/en/dashboard/events/submit", &cafe_form(&org)).await;
    let row = || async { db.row_by_id::<app::db::EventRow>(id).await.expect("q").expect("event") };
    let slug = row().await.slug;
    let page = format!("/en/prague/events/{slug}");

    // The forms are on the page for the city's moderators only.
    let (_, html) = get_page(base, Some(&p.moderator), &page).await;
    assert!(html.contains("id=\"call-off\""), "moderator sees the forms");
    assert!(html.contains("action=\"/en/moderation/events/cancel\""));
    for cookie in [None, Some(p.ngo.as_str()), Some(kosice.as_str())] {
        let (_, html) = get_page(base, cookie, &page).await;
        assert!(!html.contains("id=\"call-off\""), "no forms for others");
    }

    let id_s = id.to_string();
    let date = |d: &'static str| {
        vec![
            ("event", id_s.as_str()),
            ("city", "prague"),
            ("slug", slug.as_str()),
            ("date", d),
            ("note", "Hall closed for repairs"),
        ]
    };
    let cancel = "/en/moderation/events/cancel";
    post_expect(base, Some(&kosice), cancel, &date("2027-01-12"), StatusCode::FORBIDDEN).await;
    post_expect(base, None, cancel, &date("2027-01-12"), StatusCode::FORBIDDEN).await;
    // A day the event does not meet: refused at the field, on the page.
    let html = post_expect(
        base,
        Some(&p.moderator),
        cancel,
        &date("2027-01-13"),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("id=\"call-off\"") && html.contains("field-error"));
    assert_eq!(row().await.cancelled_dates, "");

    // Called off, with the reason the public reads; back on the page.
    let resp = crate::common::client()
        .post(format!("{base}{cancel}"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &p.moderator)
        .form(&date("2027-01-12"))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers()["location"],
        format!("/en/prague/events/{slug}?called_off=1#call-off").as_str()
    );
    assert_eq!(row().await.cancelled_dates, "2027-01-12");
    let (_, public) = get_page(base, None, &page).await;
    assert!(public.contains("Hall closed for repairs"), "the reason is public");
    let history = db.listing_history("event", id).await.expect("history");
    let entry = history.iter().find(|e| e.action == AuditAction::DateCancelled).expect("recorded");
    assert_eq!(entry.actor_email.as_deref(), Some("mod@example.org"));
    assert_eq!(entry.reason.as_deref(), Some("Hall closed for repairs"));

    // Taken back.
    let restore = "/en/moderation/events/restore";
    post_expect(base, Some(&p.moderator), restore, &date("2027-01-12"), StatusCode::SEE_OTHER)
        .await;
    assert_eq!(row().await.cancelled_dates, "");

    // The whole event, then back.
    let series = [
        ("event", id_s.as_str()),
        ("city", "prague"),
        ("slug", slug.as_str()),
        ("series", "1"),
        ("note", "The organisers moved away"),
    ];
    post_expect(base, Some(&p.moderator), cancel, &series, StatusCode::SEE_OTHER).await;
    assert_eq!(row().await.status, app::values::Publication::Cancelled);
    let (_, public) = get_page(base, None, &page).await;
    assert!(
        public.contains("This event has been cancelled.")
            && public.contains("The organisers moved away")
    );
    post_expect(base, Some(&p.moderator), restore, &series, StatusCode::SEE_OTHER).await;
    assert_eq!(row().await.status, app::values::Publication::Published);
}

on_both_backends!(moderators_call_off);
