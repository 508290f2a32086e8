//! Organisation verification by moderators: the role matrix (who may, who
//! may not, and that a refusal changes nothing) and the audit trail, on
//! SQLite and PostgreSQL.
mod common;

use common::{client, spawn_app, Backend};
use reqwest::StatusCode;

async fn sign_in(base: &str, email: &str, password: &str) -> String {
    let resp = client()
        .post(format!("{base}/en/account/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.split(';')
                .next()
                .filter(|kv| kv.starts_with("wk_session="))
        })
        .map(str::to_string)
        .expect("session cookie")
}

async fn post(base: &str, cookie: Option<&str>, path: &str, form: &[(&str, &str)]) -> StatusCode {
    let mut req = client()
        .post(format!("{base}{path}"))
        .header("sec-fetch-site", "same-origin")
        .form(form);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("request").status()
}

/// A verified-email account with `role` (and moderator city).
async fn account(db: &app::db::Db, email: &str, role: &str, city: Option<&str>) {
    let now = chrono::Utc::now();
    app::accounts::service::create_admin(db, email, "test passphrase 1", now)
        .await
        .expect("account");
    app::moderation::service::set_role(db, email, role, city, now)
        .await
        .expect("role");
}

async fn organisation_decisions(backend: Backend) {
    let app = spawn_app(&backend).await;
    let (db, base) = (&app.db, app.base.as_str());
    // Two registered organisations: one in Prague, one in Košice.
    let now = chrono::Utc::now();
    for (email, org, city, ico) in [
        ("p@example.org", "Pražský spolek", "prague", "12345679"),
        ("k@example.org", "Košický spolok", "kosice", "00499153"),
    ] {
        let values = [
            ("display_name", "Contact Person"),
            ("email", email),
            ("password", "member passphrase"),
            ("password_confirm", "member passphrase"),
            ("org_name", org),
            ("legal_form", "z. s."),
            ("registration_no", ico),
            ("city", city),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        app::accounts::service::register(db, &values, app::i18n::Locale::en, base, now)
            .await
            .map_err(|_| "registration refused")
            .expect("registered");
    }
    let prague_org = db
        .organisations(Some("prague"), None)
        .await
        .expect("q")
        .pop()
        .expect("prague org");
    // Members sign in only with a confirmed address: confirm it directly.
    for email in ["p@example.org", "k@example.org"] {
        let u = db.user_by_email(email).await.expect("q").expect("u");
        db.set_role(u.id, "member", None, None, "2026-11-23T00:00:00Z")
            .await
            .expect("r");
        sqlx::query("UPDATE users SET email_verified_at = 'x' WHERE id = $1")
            .bind(u.id)
            .execute(db.pool())
            .await
            .expect("verify");
    }
    account(db, "mod-k@example.org", "moderator", Some("kosice")).await;
    account(db, "mod-p@example.org", "moderator", Some("prague")).await;
    account(db, "admin@example.org", "admin", None).await;

    let member = sign_in(base, "p@example.org", "member passphrase").await;
    let other_member = sign_in(base, "k@example.org", "member passphrase").await;
    let other_moderator = sign_in(base, "mod-k@example.org", "test passphrase 1").await;
    let moderator = sign_in(base, "mod-p@example.org", "test passphrase 1").await;
    let admin = sign_in(base, "admin@example.org", "test passphrase 1").await;

    let id = prague_org.id.to_string();
    let status = || async {
        db.organisation(prague_org.id)
            .await
            .expect("q")
            .expect("o")
            .status
    };
    let audit_len = || async {
        db.audit_for("organisation", prague_org.id)
            .await
            .expect("q")
            .len()
    };
    let audit_before = audit_len().await;

    // Everyone who may not: 403 and nothing changed.
    for (who, cookie) in [
        ("anonymous", None),
        (
            "member of another organisation",
            Some(other_member.as_str()),
        ),
        ("the organisation's own member", Some(member.as_str())),
        ("moderator of another city", Some(other_moderator.as_str())),
    ] {
        for path in [
            "/en/moderation/organisations/verify",
            "/en/moderation/organisations/suspend",
        ] {
            let s = post(
                base,
                cookie,
                path,
                &[("organisation", &id), ("reason", "because")],
            )
            .await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who} on {path}");
        }
        assert_eq!(status().await, "unverified", "{who} changed nothing");
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
    assert!(
        html.contains("Please fill this in."),
        "message at the reason field"
    );
    assert!(html.contains(&format!("id=\"reason-{id}-error\"")));
    assert_eq!(status().await, "unverified");
    let s = post(
        base,
        Some(&moderator),
        "/en/moderation/organisations/verify",
        &[("organisation", &id)],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(status().await, "verified");

    // The admin may too, anywhere; the reason reaches the organisation.
    let s = post(
        base,
        Some(&admin),
        "/en/moderation/organisations/suspend",
        &[
            ("organisation", &id),
            ("reason", "Registration number does not match the register."),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(status().await, "suspended");
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
    let audit = db
        .audit_for("organisation", prague_org.id)
        .await
        .expect("q");
    let decisions: Vec<_> = audit.iter().skip(audit_before).collect();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[0].action, "verified");
    assert_eq!(decisions[1].action, "suspended");
    assert_eq!(
        decisions[1].reason.as_deref(),
        Some("Registration number does not match the register.")
    );
    let admin_id = db
        .user_by_email("admin@example.org")
        .await
        .expect("q")
        .expect("u")
        .id;
    assert_eq!(decisions[1].actor_user_id, Some(admin_id));
}

on_both_backends!(organisation_decisions);
