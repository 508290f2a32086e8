//! Spawning the real app on a real database for tests: a fresh SQLite file,
//! or a fresh database on the PostgreSQL server named by TEST_POSTGRES_URL.
#![allow(dead_code)]

pub mod smtp;

use app::db::Db;
use app::state::Config;
use leptos::prelude::LeptosOptions;
use sqlx::Connection;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

/// Runs `suite(backend)` as two tests, `suite::sqlite` and `suite::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($suite:ident),+ $(,)?) => {$(
        mod $suite {
            #[tokio::test]
            async fn sqlite() {
                super::$suite($crate::common::Backend::Sqlite).await;
            }
            #[tokio::test]
            async fn postgres() {
                super::$suite($crate::common::Backend::Postgres).await;
            }
        }
    )+};
}

pub enum Backend {
    Sqlite,
    Postgres,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    )
}

/// Keeps a test database while it lives: the SQLite file's directory, or the
/// PostgreSQL database, dropped at the end so a full run leaves nothing behind
/// (about 140 databases of 9 MB each otherwise fill a small CI disk).
pub enum DbGuard {
    Sqlite(tempfile::TempDir),
    Postgres { admin: String, name: String },
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        let DbGuard::Postgres { admin, name } = self else {
            return;
        };
        let (admin, name) = (admin.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on:
        // a thread of its own with its own runtime does the clean-up.
        let done = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let mut conn = sqlx::PgConnection::connect(&admin).await.ok()?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await
                    .ok()
            })
        });
        let _ = done.join();
    }
}

/// A migrated, empty database of the given kind; the guard keeps it.
pub async fn fresh_db(backend: &Backend) -> (Db, DbGuard) {
    let (db, _, guard) = fresh_db_with_url(backend).await;
    (db, guard)
}

/// Like `fresh_db`, also returning the URL so a second connection (another
/// app instance) can open the same database.
pub async fn fresh_db_with_url(backend: &Backend) -> (Db, String, DbGuard) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            let db = Db::connect(&url).await.expect("sqlite connects");
            db.migrate().await.expect("sqlite migrates");
            (db, url, DbGuard::Sqlite(dir))
        }
        Backend::Postgres => {
            let admin = std::env::var("TEST_POSTGRES_URL").expect(
                "TEST_POSTGRES_URL must name a PostgreSQL server (scripts/test.sh starts one)",
            );
            let name = unique("wk_test");
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL server reachable");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let url = match admin.rsplit_once('/') {
                Some((base, _)) => format!("{base}/{name}"),
                None => panic!("TEST_POSTGRES_URL has no database part"),
            };
            let guard = DbGuard::Postgres {
                admin: admin.clone(),
                name: name.clone(),
            };
            let db = Db::connect(&url).await.expect("postgres connects");
            db.migrate().await.expect("postgres migrates");
            (db, url, guard)
        }
    }
}

pub fn shared_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    _guard: DbGuard,
}

/// Serves the real router on a random loopback port, with the demo data.
/// Form rate limits are lifted (every test posts from 127.0.0.1).
pub async fn spawn_app(backend: &Backend) -> TestApp {
    spawn_app_with(backend, |c| {
        c.form_posts_per_minute = 10_000;
        c.form_posts_burst = 10_000;
    })
    .await
}

/// `spawn_app` with a say in the configuration.
pub async fn spawn_app_with(backend: &Backend, configure: impl FnOnce(&mut Config)) -> TestApp {
    let (db, dir) = fresh_db(backend).await;
    app::demo::load_demo(&db, Some(&shared_data()))
        .await
        .expect("demo data loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let options = LeptosOptions::builder()
        .output_name("welcome-kit")
        .site_root(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../target/site")
                .display()
                .to_string(),
        )
        .site_addr(addr)
        .build();
    let mut config = Config {
        public_url: Some(format!("http://{addr}")),
        address_data: Some(shared_data()),
        ..Config::default()
    };
    configure(&mut config);
    let app = welcome_kit::app(welcome_kit::state(db.clone(), options, config));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    TestApp {
        base: format!("http://{addr}"),
        db,
        _guard: dir,
    }
}

/// GET `base` + `path` with extra headers; redirects are not followed.
pub async fn get(base: &str, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = client().get(format!("{base}{path}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request")
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

/// Signs in through the form and returns the session cookie (`wk_session=…`).
pub async fn sign_in(base: &str, email: &str, password: &str) -> String {
    let resp = client()
        .post(format!("{base}/en/account/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("request");
    assert_eq!(
        resp.status(),
        reqwest::StatusCode::SEE_OTHER,
        "sign-in of {email}"
    );
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

/// A same-origin form post, with a session cookie or none.
pub async fn post_form(
    base: &str,
    cookie: Option<&str>,
    path: &str,
    form: &[(&str, &str)],
) -> (reqwest::StatusCode, String) {
    let mut req = client()
        .post(format!("{base}{path}"))
        .header("sec-fetch-site", "same-origin")
        .form(form);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("request");
    (resp.status(), resp.text().await.expect("text"))
}

/// A page as a browser asks for it, with a session cookie or none.
pub async fn get_page(
    base: &str,
    cookie: Option<&str>,
    path: &str,
) -> (reqwest::StatusCode, String) {
    let mut req = client()
        .get(format!("{base}{path}"))
        .header("accept", "text/html");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("request");
    (resp.status(), resp.text().await.expect("text"))
}

pub const STAFF_PASSWORD: &str = "staff passphrase";

/// A registered member (password "member passphrase") with a confirmed
/// address and an unverified organisation in `city`; returns the
/// organisation's id.
pub async fn member(db: &Db, base: &str, email: &str, org: &str, city: &str, ico: &str) -> i64 {
    registered(db, base, email, org, city, ico, "ngo").await
}

/// Like `member`, with a community group (unverified) instead of an NGO.
pub async fn group_member(
    db: &Db,
    base: &str,
    email: &str,
    org: &str,
    city: &str,
    ico: &str,
) -> i64 {
    registered(db, base, email, org, city, ico, "community_group").await
}

async fn registered(
    db: &Db,
    base: &str,
    email: &str,
    org: &str,
    city: &str,
    ico: &str,
    kind: &str,
) -> i64 {
    let values = [
        ("display_name", "Contact Person"),
        ("email", email),
        ("password", "member passphrase"),
        ("password_confirm", "member passphrase"),
        ("org_name", org),
        ("legal_form", "z. s."),
        ("registration_no", ico),
        ("city", city),
        ("kind", kind),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let now = chrono::Utc::now();
    let user = app::accounts::service::register(db, &values, app::i18n::Locale::en, base, now)
        .await
        .map_err(|e| format!("registration of {email} refused: {e:?}"))
        .expect("registered");
    sqlx::query("UPDATE users SET email_verified_at = $1 WHERE id = $2")
        .bind(now.to_rfc3339())
        .bind(user)
        .execute(db.pool())
        .await
        .expect("address confirmed");
    db.organisations_of(user).await.expect("q")[0].id
}

/// A staff account (password `STAFF_PASSWORD`) with `role` and moderator city.
pub async fn staff(db: &Db, email: &str, role: &str, city: Option<&str>) {
    let now = chrono::Utc::now();
    app::accounts::service::create_admin(db, email, STAFF_PASSWORD, now)
        .await
        .expect("account");
    app::moderation::service::set_role(db, email, role, city, now)
        .await
        .expect("role");
}

/// Everything a request could change, as text: row counts of every table and
/// the state columns of the mutable ones. Equal before and after = nothing
/// changed.
pub async fn fingerprint(db: &Db) -> String {
    const QUERIES: [&str; 16] = [
        "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log",
        "SELECT CAST(COUNT(*) AS TEXT) FROM outbox",
        "SELECT CAST(COUNT(*) AS TEXT) FROM tokens",
        "SELECT email || ':' || role || ':' || COALESCE(moderator_city, '') || ':' || password_hash || ':' || CAST(session_epoch AS TEXT) FROM users ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || COALESCE(status_note, '') || ':' || name || ':' || kind || ':' || profile_languages || ':' || COALESCE(profile_description, '') || ':' || COALESCE(profile_approved_at, '') FROM organisations ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || state || ':' || COALESCE(message, '') FROM group_profile_proposals ORDER BY id",
        "SELECT CAST(organisation_id AS TEXT) || ':' || CAST(position AS TEXT) || ':' || kind || ':' || value FROM organisation_channels ORDER BY organisation_id, position",
        "SELECT CAST(user_id AS TEXT) || ':' || CAST(organisation_id AS TEXT) FROM memberships ORDER BY user_id, organisation_id",
        "SELECT CAST(id AS TEXT) || ':' || state || ':' || COALESCE(message, '') FROM listing_changes ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || state FROM reports ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || name || ':' || COALESCE(opening_hours, '') || ':' || COALESCE(last_verified, '') || ':' || COALESCE(CAST(organisation_id AS TEXT), '') FROM places ORDER BY id",
        "SELECT CAST(place_id AS TEXT) || lang || body FROM place_descriptions ORDER BY place_id, lang",
        "SELECT slug || ':' || CAST(places_version AS TEXT) || ':' || CAST(events_version AS TEXT) FROM cities ORDER BY slug",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || title || ':' || starts_local || ':' || cancelled_dates || ':' || updated_at FROM events ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || title || ':' || updated_at FROM opportunities ORDER BY id",
        "SELECT CAST(COUNT(*) AS TEXT) FROM interest_requests",
    ];
    let mut out = String::new();
    for q in QUERIES {
        let rows: Vec<(String,)> = sqlx::query_as(q)
            .fetch_all(db.pool())
            .await
            .unwrap_or_else(|e| panic!("fingerprint query `{q}`: {e}"));
        for (r,) in rows {
            out.push_str(&r);
            out.push('\n');
        }
        out.push_str("--\n");
    }
    out
}
