//! Spawning the real app on a real database for tests: a SQLite file, or a
//! database on the PostgreSQL server named by TEST_POSTGRES_URL.
//!
//! Migrating and loading the demo data once per test cost most of the
//! suite's time, so each backend gets two template databases per run (one
//! migrated and empty, one with the demo data as well), made by the first
//! test that needs them. Every test then gets its own copy: a file copy for
//! SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL.
#![allow(dead_code)]

pub mod smtp;

use app::db::Db;
use app::geocode::Geo;
use app::state::Config;
use leptos::prelude::LeptosOptions;
use sqlx::Connection;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};
use tokio::sync::OnceCell;

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

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst),)
}

/// The Prague address points and districts, read once per test run.
pub fn geo() -> Arc<Geo> {
    static GEO: OnceLock<Arc<Geo>> = OnceLock::new();
    GEO.get_or_init(|| {
        let data =
            app::geocode::GeoData::load(&shared_data()).expect("address data in ../shared/data");
        Arc::new(Geo::with_data(data))
    })
    .clone()
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
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
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

#[derive(Clone, Copy, PartialEq)]
enum Content {
    Empty,
    Demo,
}

impl Content {
    fn name(self) -> &'static str {
        match self {
            Content::Empty => "empty",
            Content::Demo => "demo",
        }
    }
}

fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .expect("TEST_POSTGRES_URL must name a PostgreSQL server (scripts/test.sh starts one)")
}

fn pg_url(admin: &str, name: &str) -> String {
    match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("TEST_POSTGRES_URL has no database part"),
    }
}

async fn fill(db: &Db, content: Content) {
    db.migrate().await.expect("migrates");
    if content == Content::Demo {
        let geo = geo();
        app::demo::load_demo(db, geo.data()).await.expect("demo data loads");
    }
}

/// A SQLite template file, made once per run.
async fn sqlite_template(content: Content) -> &'static Path {
    static EMPTY: OnceCell<PathBuf> = OnceCell::const_new();
    static DEMO: OnceCell<PathBuf> = OnceCell::const_new();
    let cell = if content == Content::Empty { &EMPTY } else { &DEMO };
    cell.get_or_init(|| async move {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let file = dir.join(format!("template-{}-{}.db", std::process::id(), content.name()));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = Db::connect(&format!("sqlite://{}", file.display()))
            .await
            .expect("sqlite template connects");
        fill(&db, content).await;
        // Everything into the main file, so a copy of it is the whole database.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(db.pool())
            .await
            .expect("checkpoint");
        db.close().await;
        file
    })
    .await
}

/// A PostgreSQL template database, made once per run. Its name starts with
/// `wk_test_`, so `scripts/postgres.sh` drops it with the other leftovers.
async fn postgres_template(content: Content) -> &'static str {
    static EMPTY: OnceCell<String> = OnceCell::const_new();
    static DEMO: OnceCell<String> = OnceCell::const_new();
    let cell = if content == Content::Empty { &EMPTY } else { &DEMO };
    cell.get_or_init(|| async move {
        let admin = admin_url();
        let name = unique(&format!("wk_test_template_{}", content.name()));
        let mut conn =
            sqlx::PgConnection::connect(&admin).await.expect("PostgreSQL server reachable");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create template database");
        let db = Db::connect(&pg_url(&admin, &name)).await.expect("postgres template connects");
        fill(&db, content).await;
        // A template must have no connections while it is copied.
        db.close().await;
        name
    })
    .await
    .as_str()
}

async fn copy_of(backend: &Backend, content: Content) -> (Db, String, DbGuard) {
    match backend {
        Backend::Sqlite => {
            let template = sqlite_template(content).await;
            let dir = tempfile::tempdir().expect("temp dir");
            let file = dir.path().join("test.db");
            std::fs::copy(template, &file).expect("copy the template");
            let url = format!("sqlite://{}", file.display());
            let db = Db::connect(&url).await.expect("sqlite connects");
            (db, url, DbGuard::Sqlite(dir))
        }
        Backend::Postgres => {
            let template = postgres_template(content).await;
            new_pg_database("wk_test", &format!("TEMPLATE {template}")).await
        }
    }
}

/// A new PostgreSQL database (`CREATE DATABASE … {options}`), its URL and
/// the guard that drops it.
async fn new_pg_database(prefix: &str, options: &str) -> (Db, String, DbGuard) {
    let admin = admin_url();
    let name = unique(prefix);
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("PostgreSQL server reachable");
    sqlx::query(&format!("CREATE DATABASE {name} {options}"))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let guard = DbGuard::Postgres { admin: admin.clone(), name: name.clone() };
    let url = pg_url(&admin, &name);
    let db = Db::connect(&url).await.expect("postgres connects");
    (db, url, guard)
}

/// A database with no tables at all (not migrated); the guard keeps it.
pub async fn blank_db(backend: &Backend) -> (Db, DbGuard) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("blank.db").display());
            let db = Db::connect(&url).await.expect("sqlite connects");
            (db, DbGuard::Sqlite(dir))
        }
        Backend::Postgres => {
            let (db, _, guard) = new_pg_database("wk_test_blank", "").await;
            (db, guard)
        }
    }
}

/// A migrated, empty database of the given kind; the guard keeps it.
pub async fn fresh_db(backend: &Backend) -> (Db, DbGuard) {
    let (db, _, guard) = copy_of(backend, Content::Empty).await;
    (db, guard)
}

/// Like `fresh_db`, also returning the URL so a second connection (another
/// app instance) can open the same database.
pub async fn fresh_db_with_url(backend: &Backend) -> (Db, String, DbGuard) {
    copy_of(backend, Content::Empty).await
}

/// A migrated database with the demo data loaded.
pub async fn demo_db(backend: &Backend) -> (Db, DbGuard) {
    let (db, _, guard) = copy_of(backend, Content::Demo).await;
    (db, guard)
}

/// Like `demo_db`, also returning the URL (for the command line).
pub async fn demo_db_with_url(backend: &Backend) -> (Db, String, DbGuard) {
    copy_of(backend, Content::Demo).await
}

pub fn shared_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// The database's URL, for the command line.
    pub url: String,
    /// The app's clock (the system's unless the test fixed it).
    pub clock: app::state::Clock,
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
    let (db, url, dir) = demo_db_with_url(backend).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let options = LeptosOptions::builder()
        .output_name("welcome-kit")
        .site_root(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site").display().to_string(),
        )
        .site_addr(addr)
        .build();
    let mut config = Config {
        public_url: Some(format!("http://{addr}")),
        address_data: Some(shared_data()),
        ..Config::default()
    };
    configure(&mut config);
    let clock = config.clock.clone();
    let app = welcome_kit::app(welcome_kit::state_with_geo(db.clone(), options, config, geo()));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    TestApp { base: format!("http://{addr}"), db, url, clock, _guard: dir }
}

/// GET `base` + `path` with extra headers; redirects are not followed.
pub async fn get(base: &str, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = client().get(format!("{base}{path}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request")
}

/// An HTTP client that follows no redirects and asks for gzip (brotli has
/// its own check in api.rs).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_brotli()
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
    assert_eq!(resp.status(), reqwest::StatusCode::SEE_OTHER, "sign-in of {email}");
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.split(';').next().filter(|kv| kv.starts_with("wk_session=")))
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
    let mut req =
        client().post(format!("{base}{path}")).header("sec-fetch-site", "same-origin").form(form);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("request");
    (resp.status(), resp.text().await.expect("text"))
}

/// A form post that must answer `expected`; returns the page.
pub async fn post_expect(
    base: &str,
    cookie: Option<&str>,
    path: &str,
    form: &[(&str, &str)],
    expected: reqwest::StatusCode,
) -> String {
    let (status, body) = post_form(base, cookie, path, form).await;
    assert_eq!(status, expected, "POST {path}: {body}");
    body
}

/// A page that must answer `expected`; returns it.
pub async fn page_expect(
    base: &str,
    cookie: Option<&str>,
    path: &str,
    expected: reqwest::StatusCode,
) -> String {
    let (status, body) = get_page(base, cookie, path).await;
    assert_eq!(status, expected, "GET {path}: {body}");
    body
}

/// A moderator (`cookie`) accepts the waiting change `change`: status, page.
pub async fn accept_change(
    base: &str,
    cookie: &str,
    change: &str,
) -> (reqwest::StatusCode, String) {
    post_form(base, Some(cookie), "/en/moderation/changes/accept", &[("change", change)]).await
}

/// A moderator (`cookie`) verifies the organisation `org`: status, page.
pub async fn verify_organisation(
    base: &str,
    cookie: &str,
    org: &str,
) -> (reqwest::StatusCode, String) {
    post_form(base, Some(cookie), "/en/moderation/organisations/verify", &[("organisation", org)])
        .await
}

/// Runs one statement binding `id` as `$1` (to set up a case the forms
/// cannot reach, such as a stale date).
pub async fn run_sql(db: &Db, statement: &str, id: i64) {
    sqlx::query(statement)
        .bind(id)
        .execute(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

/// A form post that must be taken (303 See Other), as the signed-in `cookie`.
pub async fn post_ok(base: &str, cookie: &str, path: &str, form: &[(&str, &str)]) {
    let (status, body) = post_form(base, Some(cookie), path, form).await;
    assert_eq!(status, reqwest::StatusCode::SEE_OTHER, "{path}: {body}");
}

/// A page as a browser asks for it, with a session cookie or none.
pub async fn get_page(
    base: &str,
    cookie: Option<&str>,
    path: &str,
) -> (reqwest::StatusCode, String) {
    let mut req = client().get(format!("{base}{path}")).header("accept", "text/html");
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

/// An organisation a test registers: its member's address, its name, city
/// and IČO.
#[derive(Clone, Copy)]
pub struct Org {
    pub email: &'static str,
    pub name: &'static str,
    pub city: &'static str,
    pub ico: &'static str,
}

const fn org(
    email: &'static str,
    name: &'static str,
    city: &'static str,
    ico: &'static str,
) -> Org {
    Org { email, name, city, ico }
}

/// The NGO most tests sign in as; `cast` verifies it.
pub const NGO: Org = org("ngo@example.org", "Spolek Sousedé", "prague", "12345679");
/// Another Prague organisation, to show what one may not do to another's.
pub const OTHER_NGO: Org = org("other@example.org", "Jiný spolek", "prague", "00499153");
/// An organisation of the other city, to show moderators' city scope.
pub const KOSICE_NGO: Org = org("k@example.org", "Košický spolok", "kosice", "00499153");
pub const NGO_A: Org = org("a@example.org", "Spolek A", "prague", "12345679");
pub const NGO_B: Org = org("b@example.org", "Spolek B", "prague", "00499153");
pub const PRAGUE_NGO: Org = org("p@example.org", "Pražský spolek", "prague", "12345679");
pub const HROMADA: Org = org("hromada@example.org", "Spolek Hromada", "prague", "25596641");

/// `member` for one of the organisations above.
pub async fn join(db: &Db, base: &str, o: Org) -> i64 {
    member(db, base, o.email, o.name, o.city, o.ico).await
}

/// A community group for one of the organisations above.
pub async fn join_group(db: &Db, base: &str, o: Org) -> i64 {
    registered(db, base, o.email, o.name, o.city, o.ico, "community_group").await
}

/// A registered member of a new organisation of `kind` ("ngo" or
/// "community_group"); see `member`.
pub async fn registered(
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

/// The usual cast of a listing test in Prague, each signed in (a cookie): a
/// member of an NGO the city's moderator has verified ("ngo@example.org"),
/// a member of another organisation, and that moderator.
pub struct Cast {
    pub org: i64,
    pub ngo: String,
    pub other: String,
    pub moderator: String,
}

pub async fn cast(app: &TestApp) -> Cast {
    let (db, base) = (&app.db, app.base.as_str());
    let org = join(db, base, NGO).await;
    join(db, base, OTHER_NGO).await;
    staff(db, "mod@example.org", "moderator", Some("prague")).await;
    let cast = Cast {
        org,
        ngo: sign_in(base, "ngo@example.org", "member passphrase").await,
        other: sign_in(base, "other@example.org", "member passphrase").await,
        moderator: sign_in(base, "mod@example.org", STAFF_PASSWORD).await,
    };
    let verify = [("organisation", org.to_string())];
    let verify: Vec<(&str, &str)> = verify.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = "/en/moderation/organisations/verify";
    let (s, _) = post_form(base, Some(&cast.moderator), path, &verify).await;
    assert_eq!(s, reqwest::StatusCode::SEE_OTHER, "organisation verified");
    cast
}

/// A staff account (password `STAFF_PASSWORD`) with `role` and moderator city.
pub async fn staff(db: &Db, email: &str, role: &str, city: Option<&str>) {
    let now = chrono::Utc::now();
    app::accounts::service::create_admin(db, email, STAFF_PASSWORD, now).await.expect("account");
    app::moderation::service::set_role(db, email, role, city, now).await.expect("role");
}

/// Everything a request could change, as text: row counts of every table and
/// the state columns of the mutable ones. Equal before and after = nothing
/// changed.
pub async fn fingerprint(db: &Db) -> String {
    const QUERIES: [&str; 23] = [
        "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log",
        "SELECT CAST(COUNT(*) AS TEXT) FROM outbox",
        "SELECT CAST(COUNT(*) AS TEXT) FROM tokens",
        // The expiry moves with every signed-in request; what a session holds does not.
        "SELECT id || ':' || data FROM sessions ORDER BY id",
        "SELECT email || ':' || role || ':' || COALESCE(moderator_city, '') || ':' || password_hash || ':' || CAST(session_epoch AS TEXT) FROM users ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || COALESCE(status_note, '') || ':' || name || ':' || kind || ':' || profile_languages || ':' || COALESCE(profile_description, '') || ':' || COALESCE(profile_approved_at, '') || ':' || profile_translations || ':' || COALESCE(profile_description_lang, '') FROM organisations ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || state || ':' || COALESCE(message, '') FROM group_profile_proposals ORDER BY id",
        "SELECT CAST(organisation_id AS TEXT) || ':' || CAST(position AS TEXT) || ':' || kind || ':' || value FROM organisation_channels ORDER BY organisation_id, position",
        "SELECT CAST(user_id AS TEXT) || ':' || CAST(organisation_id AS TEXT) FROM memberships ORDER BY user_id, organisation_id",
        "SELECT CAST(id AS TEXT) || ':' || state || ':' || COALESCE(message, '') FROM listing_changes ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || state FROM reports ORDER BY id",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || name || ':' || category || ':' || COALESCE(address, '') || ':' || COALESCE(CAST(lat AS TEXT), '') || ':' || COALESCE(CAST(lon AS TEXT), '') || ':' || COALESCE(opening_hours, '') || ':' || COALESCE(last_verified, '') || ':' || COALESCE(CAST(organisation_id AS TEXT), '') FROM places ORDER BY id",
        "SELECT CAST(place_id AS TEXT) || lang || body FROM place_descriptions ORDER BY place_id, lang",
        "SELECT slug || ':' || CAST(places_version AS TEXT) || ':' || CAST(events_version AS TEXT) FROM cities ORDER BY slug",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || title || ':' || starts_local || ':' || cancelled_dates || ':' || title_translations || ':' || updated_at FROM events ORDER BY id",
        "SELECT CAST(event_id AS TEXT) || lang || body || updated_at FROM event_descriptions ORDER BY event_id, lang",
        "SELECT CAST(id AS TEXT) || ':' || status || ':' || title || ':' || title_translations || ':' || updated_at FROM opportunities ORDER BY id",
        "SELECT CAST(opportunity_id AS TEXT) || lang || body || updated_at FROM opportunity_descriptions ORDER BY opportunity_id, lang",
        "SELECT CAST(COUNT(*) AS TEXT) FROM interest_requests",
        "SELECT CAST(id AS TEXT) || ':' || city || ':' || slug || ':' || status FROM stories ORDER BY id",
        "SELECT CAST(story_id AS TEXT) || lang || title || summary || body FROM story_texts ORDER BY story_id, lang",
        "SELECT CAST(story_id AS TEXT) || ':' || CAST(COUNT(*) AS TEXT) FROM story_sources GROUP BY story_id ORDER BY story_id",
        "SELECT CAST(story_id AS TEXT) || ':' || CAST(COUNT(*) AS TEXT) FROM story_places GROUP BY story_id ORDER BY story_id",
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

/// The volunteering opportunity most tests propose, with `extra` fields.
pub fn tutoring_form<'a>(org: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("organisation", org),
        ("title", "Doučování češtiny pro děti"),
        ("title_en", "Czech tutoring for children"),
        ("location_kind", "address"),
        ("address", "Vodičkova 5, Praha 1"),
        ("schedule_kind", "recurring"),
        ("schedule_text", "Tuesdays 16:00–18:00"),
        ("languages", "cs"),
        ("audience", "locals"),
        ("contact", "dobrovolnici@example.org"),
    ];
    form.extend_from_slice(extra);
    form
}

/// The signed-in user behind `email`, as a member.
pub async fn current_member(db: &Db, email: &str) -> app::accounts::session::CurrentUser {
    let user = db.user_by_email(email).await.expect("q").expect("user");
    app::accounts::session::CurrentUser {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: app::accounts::model::Role::Member,
        moderator_city: None,
        email_verified: true,
        locale: user.locale,
    }
}

/// Proposes the listing with `form` and has the moderator accept it; its id.
pub async fn publish(app: &TestApp, p: &Cast, path: &str, form: &[(&str, &str)]) -> i64 {
    let (db, base) = (&app.db, app.base.as_str());
    post_ok(base, &p.ngo, path, form).await;
    let change = db.pending_changes(&Default::default()).await.expect("q")[0].id;
    let accept = [("change", change.to_string())];
    let accept: Vec<(&str, &str)> = accept.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_ok(base, &p.moderator, "/en/moderation/changes/accept", &accept).await;
    db.change(change).await.expect("q").and_then(|c| c.listing_id).expect("published")
}

/// The value of the first hidden field `name` in a page.
pub fn hidden_value(page: &str, name: &str) -> String {
    page.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no field {name}"))
        .to_string()
}

/// The weekly conversation club most event tests propose.
pub fn cafe_form(org: &str) -> [(&str, &str); 12] {
    [
        ("organisation", org),
        ("title", "Sousedská kavárna jazyků"),
        ("title_en", "Neighbours' language café"),
        ("category", "conversation_club"),
        ("address", "Vodičkova 5, Praha 1"),
        ("date", "2027-01-05"),
        ("time", "18:00"),
        ("end_time", "20:00"),
        ("repeat", "weekly"),
        ("until", "2027-09-30"),
        ("languages", "uk"),
        ("free", "1"),
    ]
}

/// The advice centre most place tests propose, with `extra` fields.
pub fn advice_centre_form<'a>(
    org: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("organisation", org),
        ("name", "Sousedská poradna"),
        ("name_en", "Neighbours' Advice Centre"),
        ("category", "ngo"),
        ("address", "Vodičkova 5, Praha 1"),
        ("lat", "50.0810"),
        ("lon", "14.4230"),
    ];
    form.extend_from_slice(extra);
    form
}

/// Those among them that the API's filter `extra` (`&need=legal`) keeps.
pub async fn published_slugs_where(base: &str, extra: &str) -> Vec<String> {
    let body: serde_json::Value = client()
        .get(format!("{base}/api/v1/places?city=prague&per_page=200{extra}"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    body["places"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["slug"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}
