//! A proposal that changes nothing of its organisation's own listing is
//! refused at once, with a message and the form as sent, and never reaches
//! the queue; a change of one field goes through. Per kind, both backends.

use crate::common::{cast, post_expect, post_ok, publish, spawn_app, Backend, Cast, TestApp};
use reqwest::StatusCode;

/// Publishes `form` of `kind` (its plural: places, events, opportunities),
/// sends it again unchanged, then with `field` set to `value`.
async fn unchanged_is_refused(
    app: &TestApp,
    p: &Cast,
    kind: (&str, &str),
    form: &[(&str, &str)],
    (field, value): (&str, &str),
) {
    let (db, base) = (&app.db, app.base.as_str());
    let (name, plural) = kind;
    let path = format!("/en/dashboard/{plural}/submit");
    let id = publish(app, p, &path, form).await.to_string();
    let mut again = form.to_vec();
    again.push((name, id.as_str()));
    let html =
        post_expect(base, Some(&p.ngo), &path, &again, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("Nothing was changed"), "{name}: told why");
    assert!(html.contains(&format!("value=\"{}\"", form[1].1)), "{name}: the form as sent");
    let waiting = db.pending_changes(&Default::default()).await.expect("q");
    assert!(waiting.is_empty(), "{name}: nothing reaches the queue");

    again.retain(|(k, _)| *k != field);
    again.push((field, value));
    post_ok(base, &p.ngo, &path, &again).await;
    let waiting = db.pending_changes(&Default::default()).await.expect("q");
    assert_eq!(waiting.len(), 1, "{name}: a change of one field waits for review");
}

async fn unchanged_proposals(backend: Backend) {
    let app = spawn_app(&backend).await;
    let p = cast(&app).await;
    let org = p.org.to_string();
    let extra = [("opening_hours", "Mo-Fr 09:00-17:00"), ("languages", "uk")];
    let place = crate::common::advice_centre_form(&org, &extra);
    unchanged_is_refused(&app, &p, ("place", "places"), &place, ("name_en", "Advice Centre")).await;
    accept_all(&app, &p).await;
    let event = crate::common::cafe_form(&org);
    unchanged_is_refused(&app, &p, ("event", "events"), &event, ("time", "18:30")).await;
    accept_all(&app, &p).await;
    let opportunity = crate::common::tutoring_form(&org, &[("deadline", "2027-09-30")]);
    let change = ("deadline", "2027-10-31");
    unchanged_is_refused(&app, &p, ("opportunity", "opportunities"), &opportunity, change).await;
}

/// Clears the queue (the changes the cases above leave waiting).
async fn accept_all(app: &TestApp, p: &Cast) {
    for c in app.db.pending_changes(&Default::default()).await.expect("q") {
        let form = [("change", c.id.to_string())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_ok(&app.base, &p.moderator, "/en/moderation/changes/accept", &form).await;
    }
}

on_both_backends!(unchanged_proposals);
