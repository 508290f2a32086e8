//! A proposal sent back for changes or rejected opens again with its fields
//! filled, from a link on the dashboard, for its organisation's members only;
//! a pending one does not. Per kind, both backends.

use crate::common::{cast, page_expect, post_ok, spawn_app, Backend, Cast, TestApp};
use reqwest::StatusCode;

/// Proposes `form` (of the kind whose plural is `plural`), has it sent back
/// or rejected (`decision`), and opens it again; `kept` is a value the
/// refilled form shows.
async fn reopen_of(app: &TestApp, p: &Cast, plural: &str, form: &[(&str, &str)], decision: &str) {
    let (db, base) = (&app.db, app.base.as_str());
    let kept = form[1].1;
    post_ok(base, &p.ngo, &format!("/en/dashboard/{plural}/submit"), form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let review = [("change", change.as_str()), ("message", "Please add the room number.")];
    post_ok(base, &p.moderator, &format!("/en/moderation/changes/{decision}"), &review).await;

    let again = format!("/en/dashboard/{plural}/new?change={change}");
    let dashboard = page_expect(base, Some(&p.ngo), "/en/dashboard", StatusCode::OK).await;
    assert!(dashboard.contains(&again), "{plural}: the dashboard offers it again");
    let page = page_expect(base, Some(&p.ngo), &again, StatusCode::OK).await;
    assert!(page.contains(&format!("value=\"{kept}\"")), "{plural}: filled in as sent");
    page_expect(base, Some(&p.other), &again, StatusCode::FORBIDDEN).await;

    post_ok(base, &p.ngo, &format!("/en/dashboard/{plural}/submit"), form).await;
    let pending = db.pending_changes(&Default::default()).await.expect("q")[0].id;
    let open = format!("/en/dashboard/{plural}/new?change={pending}");
    page_expect(base, Some(&p.ngo), &open, StatusCode::FORBIDDEN).await;
    let decline = [("change", pending.to_string())];
    let decline: Vec<(&str, &str)> = decline.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_ok(base, &p.moderator, "/en/moderation/changes/reject", &[decline[0], ("message", "no")])
        .await;
}

async fn reopened_proposals(backend: Backend) {
    let app = spawn_app(&backend).await;
    let p = cast(&app).await;
    let org = p.org.to_string();
    let place = crate::common::advice_centre_form(&org, &[]);
    reopen_of(&app, &p, "places", &place, "send-back").await;
    let event = crate::common::cafe_form(&org);
    reopen_of(&app, &p, "events", &event, "reject").await;
    let opportunity = crate::common::tutoring_form(&org, &[]);
    reopen_of(&app, &p, "opportunities", &opportunity, "send-back").await;
}

on_both_backends!(reopened_proposals);
