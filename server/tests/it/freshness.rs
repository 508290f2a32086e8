//! Freshness of events and volunteering opportunities, as places have it
//! (see `listings::freshness`): accepted today, stale after the configured
//! days while still on offer, reminded to the organisation once a month,
//! confirmed by its members or marked verified by the city's moderators;
//! nobody else may. On the real app, both backends.

use crate::common::post_expect;
use crate::common::{cast, post_form, post_ok, sign_in, spawn_app, staff, Backend, Cast, TestApp};
use app::listing::freshness::{confirm, remind, stale, ConfirmedBy};
use app::listing::{Listing, ListingKind};
use app::values::AuditAction;
use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;

async fn is_stale(app: &TestApp, kind: ListingKind, id: i64, at: DateTime<Utc>) -> bool {
    let found = stale(&app.db, Some("prague"), 180, at).await.expect("q");
    found.iter().any(|(k, r)| *k == kind && r.id == id)
}

/// The whole freshness cycle of one listing of kind `D`, which stops being
/// on offer (the series ends, applications close) at `over`.
async fn freshness_of<D: Listing>(
    app: &TestApp,
    p: &Cast,
    id: i64,
    name: &str,
    over: DateTime<Utc>,
) {
    let (db, base) = (&app.db, app.base.as_str());
    let kind = D::KIND;
    let today = Utc::now();
    let later = today + Duration::days(181);
    assert!(!is_stale(app, kind, id, today).await, "fresh when accepted");
    assert!(is_stale(app, kind, id, later).await, "stale after 181 days");
    assert!(!is_stale(app, kind, id, over).await, "no longer on offer: left alone");

    // One reminder (one member) naming it, not again the same month.
    let before = db.outbox(100).await.expect("q").len();
    assert_eq!(remind(db, 180, base, later).await.expect("remind"), 1);
    let outbox = db.outbox(100).await.expect("q");
    assert_eq!(outbox.len(), before + 1);
    assert_eq!(outbox[0].recipient, "ngo@example.org");
    assert!(outbox[0].body.contains(name), "{}", outbox[0].body);
    let next_day = later + Duration::days(1);
    assert_eq!(remind(db, 180, base, next_day).await.expect("remind"), 0);

    // Visitors, other organisations and another city's moderator may not
    // confirm; the organisation's member and the city's moderator may.
    let form = [("kind", kind.as_str().to_string()), ("id", id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for cookie in [None, Some(p.other.as_str())] {
        post_expect(base, cookie, "/en/dashboard/listings/confirm", &form, StatusCode::FORBIDDEN)
            .await;
    }
    let confirmed = |db: &app::db::Db| {
        let db = db.clone();
        async move {
            db.audit_for(kind.as_str(), id)
                .await
                .expect("q")
                .iter()
                .filter(|a| a.action == AuditAction::Confirmed)
                .count()
        }
    };
    assert_eq!(confirmed(db).await, 0);
    post_ok(base, &p.ngo, "/en/dashboard/listings/confirm", &form).await;
    assert_eq!(confirmed(db).await, 1);
    let verify = [
        ("listing", kind.as_str().to_string()),
        ("id", id.to_string()),
        ("city", "prague".to_string()),
        ("slug", "x".to_string()),
    ];
    let verify: Vec<(&str, &str)> = verify.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let elsewhere = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    post_expect(
        base,
        Some(&elsewhere),
        "/en/moderation/listings/verify",
        &verify,
        StatusCode::FORBIDDEN,
    )
    .await; // another city's moderator
    post_ok(base, &p.moderator, "/en/moderation/listings/verify", &verify).await;
    assert_eq!(confirmed(db).await, 2);
    // The history says so in words, in the moderator's language.
    let history = format!("/en/moderation/audit?kind={}&id={id}", kind.as_str());
    let (s, html) = crate::common::get_page(base, Some(&p.moderator), &history).await;
    assert_eq!(s, StatusCode::OK);
    let text = html.replace("<!>", ""); // the hydration markers
    assert!(text.contains("<strong>Confirmed as still correct</strong>"), "{html}");
    assert!(!html.contains(&format!("{}: confirmed", kind.as_str())), "{html}");

    // Confirmed with the clock at `later`, it is fresh then.
    let current = crate::common::current_member(db, "ngo@example.org").await;
    confirm::<D>(db, Some(&current), Some(id), ConfirmedBy::Member, later).await.expect("confirm");
    assert!(!is_stale(app, kind, id, later).await, "fresh once confirmed");

    // Confirmed at 00:30 in Prague (23:30 UTC the day before): the city's day.
    let late: DateTime<Utc> = "2027-03-09T23:30:00Z".parse().expect("time");
    confirm::<D>(db, Some(&current), Some(id), ConfirmedBy::Member, late).await.expect("confirm");
    let table = match kind {
        ListingKind::Place => "places",
        ListingKind::Event => "events",
        ListingKind::Opportunity => "opportunities",
    };
    let (day,): (String,) =
        sqlx::query_as(&format!("SELECT last_verified FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_one(db.pool())
            .await
            .expect("last_verified");
    assert_eq!(day, "2027-03-10", "the day in Prague");
    // Stale from the 181st day in Prague: 00:30 there on 7 September is
    // still 6 September in UTC, whose cutoff would keep it fresh.
    let eve: DateTime<Utc> = "2027-09-06T21:30:00Z".parse().expect("time");
    let just_after_midnight: DateTime<Utc> = "2027-09-06T22:30:00Z".parse().expect("time");
    assert!(!is_stale(app, kind, id, eve).await, "180 days on: fresh");
    assert!(is_stale(app, kind, id, just_after_midnight).await, "181 days on in Prague: stale");
}

async fn events(backend: Backend) {
    let app = spawn_app(&backend).await;
    let p = cast(&app).await;
    let org = p.org.to_string();
    let form = crate::common::cafe_form(&org);
    let id = crate::common::publish(&app, &p, "/en/dashboard/events/submit", &form).await;
    let over = "2027-10-15T00:00:00Z".parse().expect("time");
    let name = "Sousedská kavárna jazyků";
    freshness_of::<app::events::draft::EventDraft>(&app, &p, id, name, over).await;
}

async fn opportunities(backend: Backend) {
    let app = spawn_app(&backend).await;
    let p = cast(&app).await;
    let org = p.org.to_string();
    let form = crate::common::tutoring_form(&org, &[("deadline", "2027-09-30")]);
    let id = crate::common::publish(&app, &p, "/en/dashboard/opportunities/submit", &form).await;
    let over = "2027-10-15T00:00:00Z".parse().expect("time");
    let name = "Doučování češtiny pro děti";
    freshness_of::<app::volunteering::draft::OpportunityDraft>(&app, &p, id, name, over).await;
}

/// A community group's public profile: checked when approved, stale after
/// the configured days, reminded once a month, confirmed by the group's
/// member from the dashboard or by the city's moderator from the queue.
async fn group_profiles(backend: Backend) {
    use crate::common::{join_group, HROMADA};
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = cast(&app).await;
    let org = join_group(db, base, HROMADA).await;
    let group = sign_in(base, "hromada@example.org", "member passphrase").await;
    let org_s = org.to_string();
    let post = |cookie: Option<String>, path: &'static str, form: Vec<(&'static str, String)>| async move {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_form(base, cookie.as_deref(), path, &form).await.0
    };
    let verify = vec![("organisation", org_s.clone())];
    let s = post(Some(p.moderator.clone()), "/en/moderation/organisations/verify", verify).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let profile = vec![
        ("organisation", org_s.clone()),
        ("languages", "uk".to_string()),
        ("description", "Ukrainian families in Prague 4.".to_string()),
        ("channel_kind_0", "telegram".to_string()),
        ("channel_value_0", "https://t.me/hromada_test".to_string()),
    ];
    let s = post(Some(group.clone()), "/en/dashboard/group/submit", profile).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let proposal = db.pending_group_proposals(None).await.expect("q")[0].id.to_string();
    let s = post(
        Some(p.moderator.clone()),
        "/en/moderation/groups/approve",
        vec![("proposal", proposal)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    let stale_at = |at: DateTime<Utc>| async move {
        app::groups::freshness::stale(db, Some("prague"), 180, at)
            .await
            .expect("q")
            .iter()
            .any(|g| g.id == org)
    };
    let today = Utc::now();
    let later = today + Duration::days(181);
    assert!(!stale_at(today).await, "checked when approved");
    assert!(stale_at(later).await, "stale after 181 days");
    let (_, dash) = crate::common::get_page(base, Some(&group), "/en/dashboard").await;
    assert!(dash.contains("still correct"), "the dashboard offers to confirm");

    let before = db.outbox(100).await.expect("q").len();
    assert_eq!(app::groups::freshness::remind(db, 180, base, later).await.expect("remind"), 1);
    let outbox = db.outbox(100).await.expect("q");
    assert_eq!(outbox.len(), before + 1);
    assert_eq!(outbox[0].recipient, "hromada@example.org");
    assert!(outbox[0].body.contains("Spolek Hromada"));
    let next_day = later + Duration::days(1);
    assert_eq!(app::groups::freshness::remind(db, 180, base, next_day).await.expect("remind"), 0);

    let confirmed = || async {
        db.audit_for("organisation", org)
            .await
            .expect("q")
            .iter()
            .filter(|a| a.action == AuditAction::ProfileConfirmed)
            .count()
    };
    let mine = vec![("kind", "group".to_string()), ("id", org_s.clone())];
    for cookie in [None, Some(p.other.clone()), Some(p.moderator.clone())] {
        let s = post(cookie, "/en/dashboard/listings/confirm", mine.clone()).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "only the group's members confirm there");
    }
    assert_eq!(confirmed().await, 0);
    let s = post(Some(group.clone()), "/en/dashboard/listings/confirm", mine).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(confirmed().await, 1);
    let theirs = vec![
        ("listing", "group".to_string()),
        ("id", org_s.clone()),
        ("city", "prague".to_string()),
    ];
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let elsewhere = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    for cookie in [Some(elsewhere), Some(group.clone())] {
        let s = post(cookie, "/en/moderation/listings/verify", theirs.clone()).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
    let s = post(Some(p.moderator.clone()), "/en/moderation/listings/verify", theirs).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(confirmed().await, 2);
}

on_both_backends!(events, opportunities, group_profiles);
