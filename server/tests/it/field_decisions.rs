//! A moderator decides a change field by field: the ticked fields are
//! published, the others go back to the organisation with a message, which
//! sees each field's outcome and sends the rest again; one audit entry
//! holds what was published and why the rest went back. Both backends.

use crate::common::{
    advice_centre_form, cast, get_page, post_expect, post_ok, publish, sign_in, spawn_app, staff,
    Backend, STAFF_PASSWORD,
};
use app::values::{AuditAction, ReviewState};
use reqwest::StatusCode;

const BY_FIELD: &str = "/en/moderation/changes/by-field";

async fn decided_field_by_field(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = cast(&app).await;
    let org = p.org.to_string();
    let form = advice_centre_form(
        &org,
        &[("website", "https://old.example.org"), ("phone", "221 234 567")],
    );
    let place = publish(&app, &p, "/en/dashboard/places/submit", &form).await;
    let place_s = place.to_string();

    // A change of three fields.
    let mut change_form: Vec<(&str, &str)> = form
        .iter()
        .filter(|(k, _)| !matches!(*k, "website" | "phone" | "name_en"))
        .copied()
        .collect();
    change_form.extend([
        ("place", place_s.as_str()),
        ("website", "https://new.example.org"),
        ("phone", "221 999 999"),
        ("name_en", "Neighbours' Advice"),
    ]);
    post_ok(base, &p.ngo, "/en/dashboard/places/submit", &change_form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id;
    let change_s = change.to_string();

    // The queue offers the decision field by field, naming the listing.
    let (_, queue) = get_page(base, Some(&p.moderator), "/en/moderation").await;
    let queue = queue.replace("<!>", "");
    assert!(queue.contains("action=\"/en/moderation/changes/by-field\""));
    assert!(queue.contains("Accept the ticked fields of “Sousedská poradna”, send the rest back"));
    assert!(queue.contains("name=\"accept_field\" value=\"website\""));

    let decide = |fields: &'static [&'static str], message: &'static str| {
        let mut v = vec![
            ("change", change_s.clone()),
            ("by_field", "1".into()),
            ("accept_field", String::new()),
        ];
        v.extend(fields.iter().map(|f| ("accept_field", f.to_string())));
        v.push(("message", message.to_string()));
        v
    };
    let post = |v: Vec<(&'static str, String)>, cookie: String, status: StatusCode| async move {
        let refs: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
        post_expect(base, Some(&cookie), BY_FIELD, &refs, status).await
    };

    // Not without a message for what goes back, not by another city's
    // moderator, not by the organisation: nothing changes.
    let html =
        post(decide(&["website"], ""), p.moderator.clone(), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("Please fill this in."));
    assert!(html.contains("name=\"accept_field\" value=\"website\" checked"), "ticks kept");
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", STAFF_PASSWORD).await;
    post(decide(&["website"], "Phone?"), kosice, StatusCode::FORBIDDEN).await;
    post(decide(&["website"], "Phone?"), p.ngo.clone(), StatusCode::FORBIDDEN).await;
    let row =
        || async { db.row_by_id::<app::db::PlaceRow>(place).await.expect("q").expect("place") };
    assert_eq!(row().await.website.as_deref(), Some("https://old.example.org"));
    assert_eq!(db.change(change).await.expect("q").expect("c").state, ReviewState::Pending);

    // The website is published; the phone and the English name go back.
    post(
        decide(&["website"], "The new phone number does not answer."),
        p.moderator.clone(),
        StatusCode::SEE_OTHER,
    )
    .await;
    let now = row().await;
    assert_eq!(now.website.as_deref(), Some("https://new.example.org"));
    assert!(now.phone.as_deref().is_some_and(|ph| ph.contains("221 234 567")), "{:?}", now.phone);
    assert_eq!(now.name_en, "Neighbours' Advice Centre");
    let decided = db.change(change).await.expect("q").expect("c");
    assert_eq!(decided.state, ReviewState::ChangesRequested);
    let outcomes = decided.outcomes().expect("outcomes");
    assert_eq!(outcomes.accepted, vec!["website"]);
    assert_eq!(outcomes.sent_back, vec!["name_en", "phone"]);

    // The queue says so after the redirect.
    let (_, queue) =
        get_page(base, Some(&p.moderator), &format!("/en/moderation?decided=change-{change}"))
            .await;
    assert!(queue.replace("<!>", "").contains("Partly accepted “Sousedská poradna”"));

    // One audit entry: what was published, and why the rest went back.
    let history = db.listing_history("place", place).await.expect("history");
    let entries: Vec<_> =
        history.iter().filter(|e| e.action == AuditAction::PartlyAccepted).collect();
    assert_eq!(entries.len(), 1, "{history:#?}");
    let changes = app::values::audit_changes(&entries[0].details).expect("diff");
    assert_eq!(changes.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), vec!["website"]);
    assert_eq!(entries[0].reason.as_deref(), Some("The new phone number does not answer."));

    // The organisation is told, and sees each field's outcome.
    let messages = db.outbox(5).await.expect("q");
    assert!(messages
        .iter()
        .any(|m| m.recipient == "ngo@example.org" && m.body.contains("Partly accepted")));
    let (_, dash) = get_page(base, Some(&p.ngo), "/en/dashboard").await;
    let dash = dash.replace("<!>", "");
    assert!(dash.contains("data-field=\"website\" data-outcome=\"accepted\""), "{dash}");
    assert!(dash.contains("data-field=\"phone\" data-outcome=\"sent_back\""));
    assert!(dash.contains("The new phone number does not answer."));

    // Sent again from the dashboard, only the fields sent back are left to decide.
    let (_, again) =
        get_page(base, Some(&p.ngo), &format!("/en/dashboard/places/new?change={change}")).await;
    assert!(again.contains("value=\"221 999 999\""), "the proposal as it was sent");
    post_ok(base, &p.ngo, "/en/dashboard/places/submit", &change_form).await;
    let (_, queue) = get_page(base, Some(&p.moderator), "/en/moderation").await;
    assert!(queue.contains("data-field=\"phone\"") && !queue.contains("data-field=\"website\""));

    // Everything ticked is an acceptance; nothing ticked a sending back.
    let second = db.pending_changes(&Default::default()).await.expect("q")[0].id;
    let all = [
        ("change", second.to_string()),
        ("by_field", "1".into()),
        ("accept_field", "phone".into()),
        ("accept_field", "name_en".into()),
    ];
    let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_expect(base, Some(&p.moderator), BY_FIELD, &all, StatusCode::SEE_OTHER).await;
    let decided = db.change(second).await.expect("q").expect("c");
    assert_eq!(decided.state, ReviewState::Accepted);
    assert!(decided.field_outcomes.is_none());
    assert_eq!(row().await.name_en, "Neighbours' Advice");

    // A proposal for a new listing is decided as a whole.
    let mut new_place = advice_centre_form(&org, &[]);
    new_place[1] = ("name", "Druhá poradna");
    new_place[2] = ("name_en", "Second Advice Centre");
    post_ok(base, &p.ngo, "/en/dashboard/places/submit", &new_place).await;
    let fresh = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let partial = [
        ("change", fresh.as_str()),
        ("by_field", "1"),
        ("accept_field", "name"),
        ("message", "Address?"),
    ];
    let html =
        post_expect(base, Some(&p.moderator), BY_FIELD, &partial, StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    assert!(html.contains("A new listing is accepted or sent back as a whole."));
}

on_both_backends!(decided_field_by_field);
