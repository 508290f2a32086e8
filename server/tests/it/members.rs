//! Members of an organisation add and remove each other; nobody else can.

use crate::common::post_expect;
use crate::common::{get_page, join, member, post_ok, sign_in, spawn_app, staff, Backend, NGO_A};
use reqwest::StatusCode;

async fn emails(db: &app::db::Db, org: i64) -> Vec<String> {
    let mut v: Vec<String> =
        db.organisation_members(org).await.expect("members").into_iter().map(|m| m.email).collect();
    v.sort();
    v
}

async fn members_add_and_remove_each_other(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (base, db) = (app.base.as_str(), &app.db);
    let org = join(db, base, NGO_A).await;
    let other_org = member(db, base, "k@example.org", "Spolok K", "kosice", "00499153").await;
    staff(db, "mod@example.org", "moderator", None).await;
    staff(db, "admin@example.org", "admin", None).await;
    let a = sign_in(base, "a@example.org", "member passphrase").await;
    let k = sign_in(base, "k@example.org", "member passphrase").await;
    let moderator = sign_in(base, "mod@example.org", crate::common::STAFF_PASSWORD).await;
    let org_s = org.to_string();

    // Nobody outside the organisation (moderators included) may add to it.
    let add = |email: &'static str| {
        let org = org_s.clone();
        move || {
            vec![
                ("organisation".to_string(), org.clone()),
                ("member_name".to_string(), "Nguyen Van An".to_string()),
                ("member_email".to_string(), email.to_string()),
            ]
        }
    };
    let form = add("new@example.org")();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    for cookie in [None, Some(k.as_str()), Some(moderator.as_str())] {
        post_expect(base, cookie, "/en/dashboard/members/add", &form, StatusCode::FORBIDDEN).await;
    }
    assert_eq!(emails(db, org).await, vec!["a@example.org"], "nothing changed");
    assert!(db.user_by_email("new@example.org").await.expect("q").is_none());

    // Bad input: 422, message at the field, the name kept.
    let bad = [
        ("organisation", org_s.as_str()),
        ("member_name", "Nguyen Van An"),
        ("member_email", "not-an-address"),
    ];
    let html = post_expect(
        base,
        Some(&a),
        "/en/dashboard/members/add",
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("Enter an e-mail address like name@example.org."));
    assert!(html.contains("value=\"Nguyen Van An\""));

    // A member invites someone new: account made, link sent, audit written.
    post_ok(base, &a, "/en/dashboard/members/add", &form).await;
    assert_eq!(emails(db, org).await, vec!["a@example.org", "new@example.org"]);
    let invite = db
        .outbox(20)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.recipient == "new@example.org")
        .expect("invitation");
    let link = invite
        .body
        .split_whitespace()
        .find(|w| w.contains("/account/reset/confirm?token="))
        .expect("link")
        .to_string();
    let token = link.rsplit_once("token=").expect("token").1;
    // The invited person cannot sign in before choosing a password.
    post_expect(
        base,
        None,
        "/en/account/login",
        &[("email", "new@example.org"), ("password", "!")],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    post_expect(
        base,
        None,
        "/en/account/reset/confirm",
        &[
            ("token", token),
            ("password", "new member passphrase"),
            ("password_confirm", "new member passphrase"),
        ],
        StatusCode::SEE_OTHER,
    )
    .await;
    let newcomer = sign_in(base, "new@example.org", "new member passphrase").await;
    let (_, dashboard) = get_page(base, Some(&newcomer), "/en/dashboard").await;
    assert!(dashboard.contains("Spolek A"), "the new member sees the organisation");

    // Adding an existing account; twice is refused with a message.
    let existing =
        [("organisation", org_s.as_str()), ("member_name", "K"), ("member_email", "K@example.org")];
    post_ok(base, &newcomer, "/en/dashboard/members/add", &existing).await;
    let html = post_expect(
        base,
        Some(&a),
        "/en/dashboard/members/add",
        &existing,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("This person is already a member."));
    assert_eq!(emails(db, org).await, vec!["a@example.org", "k@example.org", "new@example.org"]);

    // Removing: outsiders cannot; members can; the last member stays.
    let k_user = db.user_by_email("k@example.org").await.expect("q").expect("k").id;
    let a_user = db.user_by_email("a@example.org").await.expect("q").expect("a").id;
    let remove_k = [("organisation", org_s.as_str()), ("user", &k_user.to_string())]
        .map(|(k, v)| (k, v.to_string()));
    let remove_k: Vec<(&str, &str)> = remove_k.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for cookie in [None, Some(moderator.as_str())] {
        post_expect(base, cookie, "/en/dashboard/members/remove", &remove_k, StatusCode::FORBIDDEN)
            .await;
    }
    assert_eq!(emails(db, org).await.len(), 3, "nothing changed");
    // K may leave (they are a member now), and is told.
    post_ok(base, &k, "/en/dashboard/members/remove", &remove_k).await;
    post_expect(base, Some(&k), "/en/dashboard/members/remove", &remove_k, StatusCode::FORBIDDEN)
        .await; // not a member any more
    let new_user = db.user_by_email("new@example.org").await.expect("q").expect("n").id;
    post_ok(
        base,
        &a,
        "/en/dashboard/members/remove",
        &[("organisation", org_s.as_str()), ("user", &new_user.to_string())],
    )
    .await;
    let html = post_expect(
        base,
        Some(&a),
        "/en/dashboard/members/remove",
        &[("organisation", org_s.as_str()), ("user", &a_user.to_string())],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(html.contains("An organisation needs at least one member"));
    assert_eq!(emails(db, org).await, vec!["a@example.org"]);
    assert_eq!(
        emails(db, other_org).await,
        vec!["k@example.org"],
        "K's own organisation untouched"
    );

    let audit: Vec<String> = db
        .audit_for("organisation", org)
        .await
        .expect("audit")
        .into_iter()
        .map(|a| format!("{} {}", a.action, a.details))
        .collect();
    for entry in [
        "member_added new@example.org",
        "member_added k@example.org",
        "member_removed k@example.org",
        "member_removed new@example.org",
    ] {
        assert!(audit.contains(&entry.to_string()), "audit lacks `{entry}`: {audit:?}");
    }
    let told = db.outbox(50).await.expect("outbox");
    assert!(told.iter().any(|m| m.recipient == "k@example.org" && m.subject.contains("no longer")));
}

on_both_backends!(members_add_and_remove_each_other);
