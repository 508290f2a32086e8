//! NGO registration, e-mail verification, sign-in, password reset, sessions
//! and the cross-site check, against the real app on SQLite and PostgreSQL.

use crate::common::{client, spawn_app, spawn_app_with, Backend};
use reqwest::{Response, StatusCode};

struct Browser {
    base: String,
    cookie: Option<String>,
}

impl Browser {
    fn new(base: &str) -> Self {
        Browser { base: base.to_string(), cookie: None }
    }

    fn remember(&mut self, resp: &Response) {
        for c in resp.headers().get_all("set-cookie") {
            let c = c.to_str().unwrap_or_default();
            if let Some(v) = c.strip_prefix("wk_session=") {
                let value = v.split(';').next().unwrap_or_default();
                self.cookie = (!value.is_empty()).then(|| format!("wk_session={value}"));
            }
        }
    }

    async fn get(&mut self, path: &str) -> Response {
        let mut req = client().get(format!("{}{path}", self.base)).header("accept", "text/html");
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let resp = req.send().await.expect("request");
        self.remember(&resp);
        resp
    }

    /// Signs in through the form of the interface language `lang`.
    async fn login(&mut self, lang: &str, email: &str, password: &str) -> Response {
        let path = format!("/{lang}/account/login");
        self.post(&path, &[("email", email), ("password", password)]).await
    }

    /// Chooses a new password through the reset link's form at `path`.
    async fn new_password(&mut self, path: &str, token: &str, new: &str, again: &str) -> Response {
        self.post(path, &[("token", token), ("password", new), ("password_confirm", again)]).await
    }

    /// A same-origin form post, as a browser sends it.
    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Response {
        let host = self.base.trim_start_matches("http://").to_string();
        let mut req = client()
            .post(format!("{}{path}", self.base))
            .header("origin", format!("http://{host}"))
            .header("sec-fetch-site", "same-origin")
            .form(form);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let resp = req.send().await.expect("request");
        self.remember(&resp);
        resp
    }
}

fn location(resp: &Response) -> String {
    resp.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

/// The link in the newest outbox message to `to`.
async fn link_in_outbox(db: &app::db::Db, to: &str) -> Option<String> {
    let messages = db.outbox(50).await.expect("outbox");
    let m = messages.into_iter().find(|m| m.recipient == to)?;
    m.body.split_whitespace().find(|w| w.starts_with("http")).map(str::to_string)
}

const GOOD: [(&str, &str); 9] = [
    ("display_name", "Olena Kovalenko"),
    ("email", "Olena@Example.org"),
    ("password", "a long enough passphrase"),
    ("password_confirm", "a long enough passphrase"),
    ("org_name", "Spolek Sousedé"),
    ("legal_form", "z. s."),
    ("registration_no", "123 456 79"),
    ("website", "sousede.example.org"),
    ("city", "prague"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    GOOD.iter()
        .map(|(k, v)| changes.iter().find(|(ck, _)| ck == k).copied().unwrap_or((*k, *v)))
        .collect()
}

async fn registration_and_sign_in(backend: Backend) {
    let app = spawn_app(&backend).await;
    let db = &app.db;
    let mut b = Browser::new(&app.base);

    // Bad input: 422, every message at its field, what was typed kept (never
    // the password), nothing stored.
    let bad = with(&[
        ("email", "olena-at-example"),
        ("password_confirm", "something else entirely"),
        ("registration_no", "12345678"),
        ("city", "vienna"),
    ]);
    let resp = b.post("/en/account/register", &bad).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.expect("text");
    for message in [
        "Enter an e-mail address like name@example.org.",
        "The two passwords are not the same.",
        "Enter the 8-digit IČO from the public register.",
        "Choose a city.",
    ] {
        assert!(html.contains(message), "missing message: {message}");
    }
    assert!(html.contains("value=\"Spolek Sousedé\""), "typed name kept");
    assert!(html.contains("value=\"olena-at-example\""), "typed e-mail kept");
    assert!(!html.contains("a long enough passphrase"), "password never echoed");
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(db.user_by_email("olena-at-example").await.expect("q").is_none());
    assert!(db.outbox(10).await.expect("q").is_empty());

    // In Czech, the messages are Czech.
    let resp = b.post("/cs/account/register", &bad).await;
    let html = resp.text().await.expect("text");
    assert!(!html.contains("The two passwords are not the same."));
    assert!(html.contains("lang=\"cs\""));

    // A good registration: redirect, unverified organisation, a message with a link.
    let resp = b.post("/en/account/register", &GOOD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&resp), "/en/account/registered");
    let user = db
        .user_by_email("olena@example.org")
        .await
        .expect("q")
        .expect("user stored, e-mail lower-cased");
    assert!(user.password_hash.starts_with("$argon2id$"));
    let orgs = db.organisations_of(user.id).await.expect("q");
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].status, app::values::OrganisationStatus::Unverified);
    assert_eq!(orgs[0].registration_no, "12345679");
    assert_eq!(orgs[0].website.as_deref(), Some("https://sousede.example.org"));
    assert_eq!(db.audit_for("organisation", orgs[0].id).await.expect("q").len(), 1);
    let link = link_in_outbox(db, "olena@example.org").await.expect("verification link");
    assert!(link.contains("/en/account/verify?token="), "{link}");

    // The same e-mail cannot register twice.
    let resp = b.post("/en/account/register", &GOOD).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.text().await.expect("t").contains("already exists"));

    // Not before the address is confirmed.
    let login = [("email", "olena@example.org"), ("password", "a long enough passphrase")];
    let resp = b.post("/en/account/login", &login).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.text().await.expect("t").contains("confirm your e-mail address first"));

    // Opening the link changes nothing; its button does, once.
    let path = link.splitn(4, '/').nth(3).map(|p| format!("/{p}")).expect("path");
    let resp = b.get(&path).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(db.user_by_id(user.id).await.expect("q").expect("u").email_verified_at.is_none());
    let token = path.split("token=").nth(1).expect("token").to_string();
    let resp = b.post(&path, &[("token", token.as_str())]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&resp), "/en/account/login?verified=1");
    let resp = b.post(&path, &[("token", token.as_str())]).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "single use");

    // Wrong password and unknown e-mail get the same answer.
    let wrong = b.login("en", "olena@example.org", "not the password").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = wrong.text().await.expect("t");
    let unknown =
        b.login("en", "nobody@example.org", "not the password").await.text().await.expect("t");
    let message = "The e-mail or the password is not right.";
    assert!(wrong.contains(message) && unknown.contains(message));
    assert!(b.cookie.is_none(), "no session for anonymous visitors");

    // Sign in: a HttpOnly, SameSite=Lax session cookie, and the dashboard.
    let resp = b.post("/en/account/login", &login).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&resp), "/en/dashboard");
    let set_cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "plain http: {set_cookie}");
    let resp = b.get("/en/dashboard").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let html = resp.text().await.expect("t");
    assert!(html.contains("Spolek Sousedé"));
    assert!(html.contains("Waiting for verification"));

    // Members cannot read the outbox.
    let resp = b.get("/en/admin/outbox").await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(!resp.text().await.expect("t").contains("token="));

    // Signed out: the dashboard sends to the sign-in page.
    let resp = b.post("/en/account/logout", &[]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let resp = b.get("/en/dashboard").await;
    assert_eq!(resp.status(), StatusCode::FOUND);
    assert_eq!(location(&resp), "/en/account/login");
}

async fn password_reset_and_sessions(backend: Backend) {
    let app = spawn_app(&backend).await;
    let db = &app.db;
    app::accounts::service::create_admin(
        db,
        "admin@example.cz",
        "admin passphrase 1",
        chrono::Utc::now(),
    )
    .await
    .expect("admin");
    let admin_login = [("email", "admin@example.cz"), ("password", "admin passphrase 1")];

    // Two devices signed in.
    let mut phone = Browser::new(&app.base);
    let mut laptop = Browser::new(&app.base);
    for b in [&mut phone, &mut laptop] {
        let resp = b.post("/en/account/login", &admin_login).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(laptop.get("/en/admin/outbox").await.status(), StatusCode::OK);

    // A reset for an unknown address says the same and sends nothing.
    let mut anon = Browser::new(&app.base);
    let resp = anon.post("/en/account/reset", &[("email", "nobody@example.cz")]).await;
    assert_eq!(location(&resp), "/en/account/reset?sent=1");
    assert!(db.outbox(10).await.expect("q").is_empty());
    let resp = anon.post("/en/account/reset", &[("email", "admin@example.cz")]).await;
    assert_eq!(location(&resp), "/en/account/reset?sent=1");
    let link = link_in_outbox(db, "admin@example.cz").await.expect("reset link");
    let token = link.split("token=").nth(1).expect("token").to_string();

    // The admin reads that message in the outbox page.
    let outbox = laptop.get("/en/admin/outbox").await.text().await.expect("t");
    assert!(outbox.contains("choose a new password"));

    // New passwords must match; the token survives a refused attempt.
    let path = format!("/en/account/reset/confirm?token={token}");
    let resp = anon.new_password(&path, &token, "new passphrase 22", "different 22222").await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.text().await.expect("t").contains(&format!("value=\"{token}\"")));
    let resp = anon.new_password(&path, &token, "new passphrase 22", "new passphrase 22").await;
    assert_eq!(location(&resp), "/en/account/login?reset=1");

    // Every old session ended; the old password no longer works, the new one does.
    assert_eq!(phone.get("/en/dashboard").await.status(), StatusCode::FOUND);
    assert_eq!(laptop.get("/en/admin/outbox").await.status(), StatusCode::FORBIDDEN);
    let resp = phone.post("/en/account/login", &admin_login).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resp = phone.login("en", "admin@example.cz", "new passphrase 22").await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // A used link is dead.
    let resp = anon.new_password(&path, &token, "third passphrase 3", "third passphrase 3").await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // "Sign out on all devices" ends the other device's session too.
    let resp = laptop.login("en", "admin@example.cz", "new passphrase 22").await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(phone.get("/en/dashboard").await.status(), StatusCode::OK);
    let resp = laptop.post("/en/account/logout", &[("everywhere", "1")]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(phone.get("/en/dashboard").await.status(), StatusCode::FOUND);
}

/// The token of the link in the newest outbox message to `to`.
async fn token_in_outbox(db: &app::db::Db, to: &str) -> String {
    let link = link_in_outbox(db, to).await.expect("a link");
    link.split("token=").nth(1).expect("token").to_string()
}

/// Chooses a new password with a reset or invitation link's token.
async fn choose_password(b: &mut Browser, token: &str) -> StatusCode {
    let path = format!("/en/account/reset/confirm?token={token}");
    let new = "a new passphrase 2";
    b.new_password(&path, token, new, new).await.status()
}

/// Single-use links last exactly as long as promised: address confirmation
/// 72 hours, password reset 2 hours, a member's invitation 7 days. Each is
/// refused a minute after and accepted a minute before its end, by the
/// app's clock.
async fn links_expire_on_time(backend: Backend) {
    use chrono::Duration;
    let t0 = chrono::Utc::now();
    let app = spawn_app_with(&backend, |c| {
        c.form_posts_per_minute = 10_000;
        c.form_posts_burst = 10_000;
        c.clock = app::state::Clock::fixed(t0);
    })
    .await;
    let db = &app.db;
    let mut b = Browser::new(&app.base);
    let minute = Duration::minutes(1);

    // Address confirmation: 72 hours.
    let resp = b.post("/en/account/register", &GOOD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let token = token_in_outbox(db, "olena@example.org").await;
    let verify = format!("/en/account/verify?token={token}");
    let verified = || async {
        db.user_by_email("olena@example.org")
            .await
            .expect("q")
            .expect("user")
            .email_verified_at
            .is_some()
    };
    app.clock.set(t0 + Duration::hours(72) + minute);
    let resp = b.post(&verify, &[("token", token.as_str())]).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "72 h + 1 min");
    assert!(!verified().await);
    app.clock.set(t0 + Duration::hours(72) - minute);
    let resp = b.post(&verify, &[("token", token.as_str())]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER, "72 h - 1 min");
    assert!(verified().await);

    // Password reset: 2 hours.
    let t1 = t0 + Duration::days(10);
    app.clock.set(t1);
    app::accounts::service::create_admin(db, "admin@example.cz", "admin passphrase 1", t1)
        .await
        .expect("admin");
    let resp = b.post("/en/account/reset", &[("email", "admin@example.cz")]).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let token = token_in_outbox(db, "admin@example.cz").await;
    let hash = || async {
        db.user_by_email("admin@example.cz").await.expect("q").expect("user").password_hash
    };
    let old_hash = hash().await;
    app.clock.set(t1 + Duration::hours(2) + minute);
    assert_eq!(
        choose_password(&mut b, &token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "2 h + 1 min"
    );
    assert_eq!(hash().await, old_hash);
    app.clock.set(t1 + Duration::hours(2) - minute);
    assert_eq!(choose_password(&mut b, &token).await, StatusCode::SEE_OTHER, "2 h - 1 min");
    assert_ne!(hash().await, old_hash);

    // An invitation to an organisation: 7 days to choose a password.
    let t2 = t1 + Duration::days(10);
    app.clock.set(t2);
    let org = crate::common::member(
        db,
        &app.base,
        "lead@example.org",
        "Spolek Vedení",
        "prague",
        "12345679",
    )
    .await;
    let mut lead = Browser::new(&app.base);
    let resp = lead.login("en", "lead@example.org", "member passphrase").await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let resp = lead
        .post(
            "/en/dashboard/members/add",
            &[
                ("organisation", org.to_string().as_str()),
                ("member_name", "Nový Člen"),
                ("member_email", "new@example.org"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let token = token_in_outbox(db, "new@example.org").await;
    app.clock.set(t2 + Duration::days(7) + minute);
    assert_eq!(
        choose_password(&mut b, &token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "7 d + 1 min"
    );
    app.clock.set(t2 + Duration::days(7) - minute);
    assert_eq!(choose_password(&mut b, &token).await, StatusCode::SEE_OTHER, "7 d - 1 min");
}

/// Served over https, the session cookie is `Secure`.
async fn secure_cookie_over_https(backend: Backend) {
    let app = spawn_app_with(&backend, |c| {
        c.public_url = Some("https://welcome.example.org".into());
    })
    .await;
    app::accounts::service::create_admin(
        &app.db,
        "admin@example.cz",
        "admin passphrase 1",
        chrono::Utc::now(),
    )
    .await
    .expect("admin");
    let resp = Browser::new(&app.base).login("en", "admin@example.cz", "admin passphrase 1").await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let set_cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(set_cookie.starts_with("wk_session="), "{set_cookie}");
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
}

async fn cross_site_posts_are_refused(backend: Backend) {
    let app = spawn_app(&backend).await;
    // A reset for an existing account writes a token and a message: a
    // refused one must write neither.
    app::accounts::service::create_admin(
        &app.db,
        "x@example.org",
        "admin passphrase 1",
        chrono::Utc::now(),
    )
    .await
    .expect("account");
    let written = || async {
        let count = |table: &'static str| {
            let db = app.db.clone();
            async move {
                let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
                    .fetch_one(db.pool())
                    .await
                    .expect("count");
                n
            }
        };
        (count("tokens").await, count("outbox").await)
    };
    let nothing = written().await;
    let form = [("email", "x@example.org"), ("password", "whatever at all")];
    let post = |headers: Vec<(&'static str, &'static str)>| {
        let mut req = client().post(format!("{}/en/account/reset", app.base)).form(&form);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.send()
    };
    let resp = post(vec![("origin", "https://evil.example")]).await.expect("request");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = post(vec![("sec-fetch-site", "cross-site")]).await.expect("request");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // Server functions are covered by the same check.
    let resp = client()
        .post(format!(
            "{}{}",
            app.base,
            <app::accounts::server::MyAccount as leptos::server_fn::ServerFn>::PATH
        ))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(written().await, nothing, "refused posts wrote nothing");
    // A same-origin post goes through.
    let host = app.base.trim_start_matches("http://").to_string();
    let resp = client()
        .post(format!("{}/en/account/reset", app.base))
        .header("origin", format!("http://{host}"))
        .form(&[("email", "x@example.org")])
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        written().await,
        (nothing.0 + 1, nothing.1 + 1),
        "the accepted post wrote a token and a message"
    );
}

/// Sign-in attempts beyond the limit get 429 and the form again, translated,
/// with the e-mail kept; the right password does not get through either.
async fn sign_in_is_rate_limited(backend: Backend) {
    let app = spawn_app_with(&backend, |c| {
        c.form_posts_per_minute = 1;
        c.form_posts_burst = 3;
    })
    .await;
    app::accounts::service::create_admin(
        &app.db,
        "admin@example.cz",
        "admin passphrase 1",
        chrono::Utc::now(),
    )
    .await
    .expect("admin");
    let mut b = Browser::new(&app.base);
    for _ in 0..3 {
        let resp = b.login("uk", "admin@example.cz", "guess guess guess").await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let resp = b.login("uk", "admin@example.cz", "admin passphrase 1").await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = resp.text().await.expect("t");
    assert!(html.contains("value=\"admin@example.cz\""), "e-mail kept");
    assert!(html.contains("role=\"alert\""));
    assert!(!html.contains("Too many attempts"), "message in Ukrainian, not English");
    assert!(b.cookie.is_none(), "not signed in");
    // Registration and problem reports share the limit; pages are not limited.
    let resp = b
        .post(
            "/uk/places/report",
            &[("city", "prague"), ("slug", "oamp-praha-1"), ("kind", "closed")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let resp = b.post("/uk/account/register", &GOOD).await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(app.db.user_by_email("olena@example.org").await.expect("q").is_none());
    assert_eq!(b.get("/uk/account/login").await.status(), StatusCode::OK);
}

on_both_backends!(
    sign_in_is_rate_limited,
    registration_and_sign_in,
    password_reset_and_sessions,
    links_expire_on_time,
    secure_cookie_over_https,
    cross_site_posts_are_refused
);

on_both_backends!(concurrent_registrations_all_succeed);

/// Registrations arriving at the same moment each get their account: a
/// transaction that reads before it writes must wait for the other writers,
/// not fail with "database is locked".
async fn concurrent_registrations_all_succeed(backend: Backend) {
    let (db, _guard) = crate::common::fresh_db(&backend).await;
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let email = format!("crowd{i}@example.org");
                let r = app::db::NewRegistration {
                    email: email.clone(),
                    password_hash: "not a real hash".into(),
                    display_name: format!("Person {i}"),
                    locale: "en".into(),
                    org_name: format!("Spolek {i}"),
                    legal_form: "z. s.".into(),
                    registration_no: "12345679".into(),
                    website: None,
                    city: app::values::CitySlug::parse("prague").expect("slug"),
                    kind: "ngo".into(),
                };
                let message = app::db::NewMessage {
                    recipient: email,
                    subject: "Confirm".into(),
                    body: "link".into(),
                };
                db.register(
                    &r,
                    &format!("hash{i}"),
                    app::values::Timestamp::parse("2099-01-01T00:00:00Z").expect("time"),
                    &message,
                    app::values::Timestamp::parse("2026-12-03T10:00:00Z").expect("time"),
                )
                .await
                .map(|_| ())
                .map_err(|e| format!("{e:?}"))
            })
        })
        .collect();
    let mut failures = Vec::new();
    for t in tasks {
        if let Err(e) = t.await.expect("task runs") {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "registrations failed: {failures:?}");
    let users = db.outbox(100).await.expect("outbox").len();
    assert_eq!(users, 16, "one confirmation message per registration");
}
