//! Organisation verification by moderators: the role matrix (who may, who
//! may not, and that a refusal changes nothing) and the audit trail, on
//! SQLite and PostgreSQL.

use crate::common::post_expect;
use crate::common::{
    client, get_page, join, post_form, post_ok, sign_in, spawn_app, staff, Backend, KOSICE_NGO,
    PRAGUE_NGO,
};
use app::values::AuditAction;
use reqwest::StatusCode;

async fn post(base: &str, cookie: Option<&str>, path: &str, form: &[(&str, &str)]) -> StatusCode {
    post_form(base, cookie, path, form).await.0
}

async fn organisation_decisions(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    // Two registered organisations: one in Prague, one in Košice.
    join(db, base, PRAGUE_NGO).await;
    join(db, base, KOSICE_NGO).await;
    let prague_org = db
        .organisations(Some("prague"), None)
        .await
        .expect("q")
        .into_iter()
        .find(|o| o.name == "Pražský spolek")
        .expect("prague org");
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    staff(db, "admin@example.org", "admin", None).await;

    let member = sign_in(base, "p@example.org", "member passphrase").await;
    let other_member = sign_in(base, "k@example.org", "member passphrase").await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let moderator = sign_in(base, "mod-p@example.org", crate::common::STAFF_PASSWORD).await;
    let admin = sign_in(base, "admin@example.org", crate::common::STAFF_PASSWORD).await;

    let id = prague_org.id.to_string();
    let status = || async { db.organisation(prague_org.id).await.expect("q").expect("o").status };
    let audit_len =
        || async { db.audit_for("organisation", prague_org.id).await.expect("q").len() };
    let audit_before = audit_len().await;

    // Everyone who may not: 403 and nothing changed.
    for (who, cookie) in [
        ("anonymous", None),
        ("member of another organisation", Some(other_member.as_str())),
        ("the organisation's own member", Some(member.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        for path in ["/en/moderation/organisations/verify", "/en/moderation/organisations/suspend"]
        {
            let s = post(base, cookie, path, &[("organisation", &id), ("reason", "because")]).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} on {path}");
        }
        assert_eq!(status().await.as_str(), "unverified", "{who} changed nothing");
        assert_eq!(audit_len().await, audit_before, "{who} left no audit entry");
        // The queue is closed to them too.
        let mut req = client().get(format!("{base}/en/moderation"));
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let resp = req.send().await.expect("request");
        if who == "moderator of another city" {
            // Their queue opens, but shows only their city.
            assert_eq!(resp.status(), StatusCode::OK);
            assert!(!resp.text().await.expect("t").contains("Pražský spolek"));
        } else {
            assert_eq!(resp.status(), StatusCode::FORBIDDEN, "{who} sees the queue");
        }
    }

    // The city's moderator: the queue lists it; suspending needs a reason.
    let queue = client()
        .get(format!("{base}/en/moderation"))
        .header("cookie", &moderator)
        .send()
        .await
        .expect("request");
    assert_eq!(queue.status(), StatusCode::OK);
    assert!(queue.text().await.expect("t").contains("Pražský spolek"));
    let resp = client()
        .post(format!("{base}/en/moderation/organisations/suspend"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &moderator)
        .form(&[("organisation", id.as_str()), ("reason", "  ")])
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.expect("t");
    assert!(html.contains("Please fill this in."), "message at the reason field");
    assert!(html.contains(&format!("id=\"reason-{id}-error\"")));
    assert_eq!(status().await.as_str(), "unverified");
    let s = post(
        base,
        Some(&moderator),
        "/en/moderation/organisations/verify",
        &[("organisation", &id)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(status().await.as_str(), "verified");

    // The admin may too, anywhere; the reason reaches the organisation.
    let s = post(
        base,
        Some(&admin),
        "/en/moderation/organisations/suspend",
        &[("organisation", &id), ("reason", "Registration number does not match the register.")],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(status().await.as_str(), "suspended");
    let dashboard = client()
        .get(format!("{base}/en/dashboard"))
        .header("cookie", &member)
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("t");
    assert!(dashboard.contains("Registration number does not match the register."));

    // The audit log has both decisions, who made them and why.
    let audit = db.audit_for("organisation", prague_org.id).await.expect("q");
    let decisions: Vec<_> = audit.iter().skip(audit_before).collect();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[0].action, AuditAction::Verified);
    assert_eq!(decisions[1].action, AuditAction::Suspended);
    assert_eq!(
        decisions[1].reason.as_deref(),
        Some("Registration number does not match the register.")
    );
    let admin_id = db.user_by_email("admin@example.org").await.expect("q").expect("u").id;
    assert_eq!(decisions[1].actor_user_id, Some(admin_id));
}

/// Visitors report problems without an account; only the city's moderators
/// (and admins) see and close them.
async fn problem_reports(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    join(db, base, PRAGUE_NGO).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    let member_cookie = sign_in(base, "p@example.org", "member passphrase").await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let moderator = sign_in(base, "mod-p@example.org", crate::common::STAFF_PASSWORD).await;
    let place = [("city", "prague"), ("slug", "oamp-praha-1")];
    let with = |extra: &[(&'static str, &'static str)]| [&place[..], extra].concat();

    // "Something else" needs words; the page comes back with the message.
    let html = post_expect(
        base,
        None,
        "/en/places/report",
        &with(&[("kind", "other"), ("message", " ")]),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Please fill this in."));
    assert!(html.contains("<h1"), "the place page itself");
    assert!(db.open_reports(None).await.expect("q").is_empty());
    // Unknown places are refused.
    post_expect(
        base,
        None,
        "/en/places/report",
        &[("city", "prague"), ("slug", "nope"), ("kind", "closed")],
        StatusCode::FORBIDDEN,
    )
    .await;

    let resp = client()
        .post(format!("{base}/en/places/report"))
        .header("sec-fetch-site", "same-origin")
        .form(&with(&[("kind", "wrong_hours"), ("message", "Closed on Fridays now.")]))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/en/prague/places/oamp-praha-1?reported=1#report")
    );
    let reports = db.open_reports(None).await.expect("q");
    assert_eq!(reports.len(), 1);
    let id = reports[0].id.to_string();

    let (_, queue) = get_page(base, Some(&moderator), "/en/moderation").await;
    assert!(queue.contains("Closed on Fridays now."));
    let (_, other_queue) = get_page(base, Some(&other_moderator), "/en/moderation").await;
    assert!(!other_queue.contains("Closed on Fridays now."), "another city's moderator");

    for (who, cookie) in [
        ("anonymous", None),
        ("member", Some(member_cookie.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        let (s, _) =
            post_form(base, cookie, "/en/moderation/reports/handle", &[("report", &id)]).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who}");
    }
    assert_eq!(db.open_reports(None).await.expect("q").len(), 1);
    post_ok(base, &moderator, "/en/moderation/reports/handle", &[("report", &id)]).await;
    assert!(db.open_reports(None).await.expect("q").is_empty());
    assert_eq!(db.audit_for("report", reports[0].id).await.expect("q").len(), 1);
}

/// A city's moderator takes a place off the site with a reason; nobody else can.
async fn unpublishing(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    join(db, base, PRAGUE_NGO).await;
    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    staff(db, "mod-p@example.org", "moderator", Some("prague")).await;
    let member_cookie = sign_in(base, "p@example.org", "member passphrase").await;
    let other_moderator = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let moderator = sign_in(base, "mod-p@example.org", crate::common::STAFF_PASSWORD).await;
    let path = "/en/prague/places/oamp-praha-1";
    let place =
        db.public_row::<app::db::PlaceRow>("prague", "oamp-praha-1").await.expect("q").expect("p");
    let id = place.id.to_string();
    let form = |reason: &'static str| {
        [
            ("kind", "place"),
            ("id", id.as_str()),
            ("city", "prague"),
            ("slug", "oamp-praha-1"),
            ("reason", reason),
        ]
    };

    // Only the city's moderator sees the box.
    let (_, html) = get_page(base, None, path).await;
    assert!(!html.contains("moderation-box"));
    let (_, html) = get_page(base, Some(&other_moderator), path).await;
    assert!(!html.contains("moderation-box"));
    let (_, html) = get_page(base, Some(&moderator), path).await;
    assert!(html.contains("moderation-box"));

    for (who, cookie) in [
        ("anonymous", None),
        ("member", Some(member_cookie.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        let f = form("spam");
        let (s, _) = post_form(base, cookie, "/en/moderation/listings/unpublish", &f).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who}");
    }
    let f = form(" ");
    let html = post_expect(
        base,
        Some(&moderator),
        "/en/moderation/listings/unpublish",
        &f,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await; // a reason is required
    assert!(html.contains("Please fill this in."));
    assert_eq!(get_page(base, None, path).await.0, StatusCode::OK, "still public");

    let f = form("The office moved; the address is wrong.");
    post_ok(base, &moderator, "/en/moderation/listings/unpublish", &f).await;
    assert_eq!(get_page(base, None, path).await.0, StatusCode::NOT_FOUND);
    let listed = db.published_places("prague", &app::db::PlaceFilter::default()).await.expect("q");
    assert!(!listed.iter().any(|p| p.slug == "oamp-praha-1"));
    let audit = db.audit_for("place", place.id).await.expect("q");
    assert_eq!(
        audit.last().and_then(|a| a.reason.clone()).as_deref(),
        Some("The office moved; the address is wrong.")
    );
}

/// Every decision button names its item, and after the redirect the queue
/// says what became of which item, to the city's moderators only.
async fn decisions_name_their_item(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let p = crate::common::cast(&app).await;
    let org = p.org.to_string();
    let form = crate::common::advice_centre_form(&org, &[]);
    post_ok(base, &p.ngo, "/en/dashboard/places/submit", &form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id.to_string();
    let (_, queue) = get_page(base, Some(&p.moderator), "/en/moderation").await;
    assert!(queue.contains("Accept and publish “Sousedská poradna”"), "the button names it");
    assert!(queue.contains("Reject “Sousedská poradna”"));
    // In the order officials act; the listings to check come last, folded.
    let at = |needle: &str| queue.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    assert!(at("<h2>Organisations") < at("Listings waiting for review"));
    assert!(at("Listings waiting for review") < at("Problems reported by visitors"));
    assert!(at("Problems reported by visitors") < at("<details class=\"stale-section\">"));
    assert!(at("<details class=\"stale-section\">") < at("Not confirmed for"));
    let (_, queue) = get_page(base, Some(&p.moderator), "/cs/moderation").await;
    assert!(queue.contains("„Sousedská poradna“"), "in Czech quotation marks");

    let resp = client()
        .post(format!("{base}/en/moderation/changes/accept"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &p.moderator)
        .form(&[("change", change.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let to = resp.headers()["location"].to_str().expect("location").to_string();
    assert_eq!(to, format!("/en/moderation?decided=change-{change}"));
    let (_, after) = get_page(base, Some(&p.moderator), &to).await;
    assert!(after.contains("Accepted and public “Sousedská poradna”"), "the outcome is said");

    staff(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    let kosice = sign_in(base, "mod-k@example.org", crate::common::STAFF_PASSWORD).await;
    let (_, theirs) = get_page(base, Some(&kosice), &to).await;
    assert!(!theirs.contains("Sousedská poradna"), "not to another city's moderator");
}

on_both_backends!(organisation_decisions, problem_reports, unpublishing, decisions_name_their_item);
