//! Admins invite officials by e-mail: someone new gets a link to choose a
//! password and then moderates the city they were given; an existing
//! account gets the role and a message; nobody but an admin may invite;
//! bad input is refused at its field with what was typed kept.

use crate::common::{
    cast, get_page, page_expect, post_expect, post_ok, sign_in, spawn_app, staff, Backend, Cast,
    STAFF_PASSWORD,
};
use reqwest::StatusCode;

async fn invitations(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    let Cast { org, ngo, moderator, .. } = cast(&app).await;
    staff(db, "chief@example.org", "admin", None).await;
    let admin = sign_in(base, "chief@example.org", STAFF_PASSWORD).await;
    let path = "/en/admin/people/invite";
    let form = [
        ("email", "new-mod@example.org"),
        ("name", "Jana Nováková"),
        ("role", "moderator"),
        ("city", "kosice"),
    ];

    // Only admins invite; the page is theirs alone.
    for cookie in [None, Some(ngo.as_str()), Some(moderator.as_str())] {
        post_expect(base, cookie, path, &form, StatusCode::FORBIDDEN).await;
        let (s, html) = get_page(base, cookie, "/en/admin/people").await;
        assert_ne!(s, StatusCode::OK);
        assert!(!html.contains("staff-list"));
    }
    assert!(db.user_by_email("new-mod@example.org").await.expect("q").is_none());

    // Bad input: refused at the field, what was typed kept.
    let mut bad = form;
    bad[0] = ("email", "not an address");
    bad[3] = ("city", "atlantis");
    let html = post_expect(base, Some(&admin), path, &bad, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("value=\"Jana Nováková\""), "name kept");
    assert!(html.contains("id=\"f-email-error\"") && html.contains("id=\"f-city-error\""));
    assert!(db.user_by_email("new-mod@example.org").await.expect("q").is_none());

    // Someone new: an account without a password, the link to choose one.
    post_ok(base, &admin, path, &form).await;
    let user = db.user_by_email("new-mod@example.org").await.expect("q").expect("account");
    assert_eq!((user.role.as_str(), user.moderator_city.as_deref()), ("moderator", Some("kosice")));
    let message = db
        .outbox(20)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.recipient == "new-mod@example.org")
        .expect("invitation");
    assert!(message.subject.contains("moderator for"), "{}", message.subject);
    let link = message
        .body
        .split_whitespace()
        .find(|w| w.contains("/account/reset/confirm?token="))
        .expect("link")
        .to_string();
    let token = link.rsplit_once("token=").expect("token").1;
    let html = page_expect(base, Some(&admin), "/en/admin/people", StatusCode::OK).await;
    assert!(html.contains("new-mod@example.org") && html.contains("no password chosen yet"));
    let password = [
        ("token", token),
        ("password", "moderator passphrase"),
        ("password_confirm", "moderator passphrase"),
    ];
    post_expect(base, None, "/en/account/reset/confirm", &password, StatusCode::SEE_OTHER).await;
    let invited = sign_in(base, "new-mod@example.org", "moderator passphrase").await;
    // They moderate Košice, not Prague.
    let (s, _) = get_page(base, Some(&invited), "/en/moderation").await;
    assert_eq!(s, StatusCode::OK);
    let prague_org = format!("/en/moderation/audit?organisation={org}");
    let (s, _) = get_page(base, Some(&invited), &prague_org).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "another city's organisation");
    let (s, _) = get_page(base, Some(&invited), "/en/admin/people").await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a moderator is no admin");

    // Inviting the same address again changes the existing account: here
    // to an admin (a city means nothing for one), with a message.
    let again =
        [("email", "new-mod@example.org"), ("name", "Jana"), ("role", "admin"), ("city", "prague")];
    post_ok(base, &admin, path, &again).await;
    let user = db.user_by_email("new-mod@example.org").await.expect("q").expect("account");
    assert_eq!((user.role.as_str(), user.moderator_city), ("admin", None));
    let (s, _) = get_page(base, Some(&invited), "/en/admin/people").await;
    assert_eq!(s, StatusCode::OK, "the role holds at once");
    let told = db.outbox(20).await.expect("outbox");
    assert!(told
        .iter()
        .any(|m| m.recipient == "new-mod@example.org" && m.subject.contains("an admin")));

    // Each change is in the audit log, by the admin.
    let html = page_expect(
        base,
        Some(&admin),
        "/en/moderation/audit?action=role&person=new-mod",
        StatusCode::OK,
    )
    .await;
    assert_eq!(html.matches("data-action=\"role\"").count(), 2, "invited, then made admin");
    assert!(html.contains("chief@example.org"));
}

on_both_backends!(invitations);
