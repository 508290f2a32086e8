//! The `welcome-kit` binary: subcommands and clear errors instead of panics.
use crate::common::{demo_db_with_url, run_sql, Backend};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_welcome-kit"))
}

#[test]
fn wrong_database_url_gives_a_clear_message() {
    let out =
        bin().args(["--database-url", "mysql://nowhere/db", "migrate"]).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unsupported database URL"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let out = bin()
        .args(["--database-url", "postgres://nobody@127.0.0.1:1/none", "migrate"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not connect"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn import_places_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let good = dir.path().join("good.json");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &good,
        r#"[{"slug":"first","city":"kosice","category":"ngo","name":"Prvá","name_en":"First"}]"#,
    )
    .expect("write");
    std::fs::write(
        &bad,
        r#"[{"slug":"second","city":"kosice","category":"ngo","name":"Druhá","name_en":"Second"},
            {"slug":"third","city":"kosice","category":"ngo","name":"Tretia","name_en":"Third","lat":48.7}]"#,
    )
    .expect("write");

    let out =
        bin().args(["--database-url", &url, "import-places"]).arg(&good).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("loaded 1 places"));

    let out =
        bin().args(["--database-url", &url, "import-places"]).arg(&bad).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("record 1") && err.contains("nothing was imported"), "{err}");

    let count = tokio::runtime::Runtime::new().expect("runtime").block_on(async {
        let db = app::db::Db::connect(&url).await.expect("connects");
        db.count_places().await.expect("count")
    });
    assert_eq!(count, 1, "the bad file added nothing");
    let missing = bin()
        .args(["--database-url", &url, "import-places", "/nonexistent.json"])
        .output()
        .expect("runs");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn create_admin_reads_the_password_from_stdin() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("admin.db").display());
    let run = |password: &str| {
        let mut child = bin()
            .args(["--database-url", &url, "create-admin", "--email", "Admin@Example.CZ"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{password}\n").as_bytes())
            .expect("write");
        child.wait_with_output().expect("finishes")
    };
    let out = run("short");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at least 10 characters"), "{err}");

    let out = run("a long admin passphrase");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("admin admin@example.cz ready"));
}

/// Runs the binary on `url` with `args`; (success, stdout, stderr).
pub fn run(url: &str, args: &[&str]) -> (bool, String, String) {
    let out = bin().args(["--database-url", url]).args(args).output().expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

async fn count(db: &app::db::Db, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(db.pool()).await.expect("count");
    n
}

const EVENT: &str = r#"{"slug": "SLUG", "city": "prague", "organiser": "Test",
    "category": "CATEGORY", "title": "Kavárna", "title_en": "Café",
    "address": "Vodičkova 1, Praha 1", "starts": "2027-03-02T18:00", "minutes": 90,
    "rrule": "FREQ=WEEKLY;BYDAY=TU", "languages": ["cs"], "free": true,
    "description": {"en": "Talk."}, "sources": ["https://example.org/cafe"]}"#;

pub(crate) fn event(slug: &str, category: &str) -> String {
    EVENT.replace("SLUG", slug).replace("CATEGORY", category)
}

/// `import-events`: a good file is loaded; a file with one bad record loads
/// none of its records, good ones included.
#[tokio::test]
async fn import_events_is_all_or_nothing() {
    let (db, url, _guard) = demo_db_with_url(&Backend::Sqlite).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.json");
    let bad = dir.path().join("bad.json");
    std::fs::write(&good, format!("[{}]", event("cafe-one", "conversation_club"))).expect("write");
    std::fs::write(
        &bad,
        format!("[{}, {}]", event("cafe-two", "conversation_club"), event("cafe-three", "casino")),
    )
    .expect("write");
    let events = "SELECT COUNT(*) FROM events";
    let before = count(&db, events).await;
    let (ok, out, err) = run(&url, &["import-events", &good.display().to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("loaded 1 events"), "{out}");
    assert_eq!(count(&db, events).await, before + 1);
    let (ok, _, err) = run(&url, &["import-events", &bad.display().to_string()]);
    assert!(!ok);
    assert!(err.contains("nothing was imported") && err.contains("category"), "{err}");
    assert_eq!(count(&db, events).await, before + 1, "the good record was not kept");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM events WHERE slug = 'cafe-two'").await, 0);
}

/// `import-places --addresses`: a Prague place with an address and no
/// coordinates gets the address point and its district.
#[tokio::test]
async fn import_places_locates_addresses() {
    let (db, url, _guard) = demo_db_with_url(&Backend::Sqlite).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("places.json");
    std::fs::write(
        &file,
        r#"[{"slug": "located", "city": "prague", "category": "ngo", "name": "Poradna",
             "name_en": "Counselling", "address": "Žukovského 888/2, Praha 6"},
            {"slug": "nowhere", "city": "prague", "category": "ngo", "name": "Jinde",
             "name_en": "Elsewhere", "address": "Neexistující 1, Praha 1"}]"#,
    )
    .expect("write");
    let shared = crate::common::shared_data().display().to_string();
    let (ok, out, err) =
        run(&url, &["import-places", &file.display().to_string(), "--addresses", &shared]);
    assert!(ok, "{err}");
    assert!(out.contains("located"), "{out}");
    let place = db
        .public_row::<app::db::PlaceRow>("prague", "located")
        .await
        .expect("q")
        .expect("imported");
    let (lat, lon) = (place.lat.expect("lat"), place.lon.expect("lon"));
    assert!((lat - 50.0902171).abs() < 1e-6 && (lon - 14.3091331).abs() < 1e-6);
    assert_eq!(place.district.as_deref(), Some("Praha 6"));
    let nowhere = db
        .public_row::<app::db::PlaceRow>("prague", "nowhere")
        .await
        .expect("q")
        .expect("imported");
    assert_eq!((nowhere.lat, nowhere.lon), (None, None), "never a made-up point");
}

/// `set-role`: moderator of one city, recorded in the audit log; a wrong
/// role or an unknown account changes nothing.
#[tokio::test]
async fn set_role_gives_roles() {
    let (db, url, _guard) = demo_db_with_url(&Backend::Sqlite).await;
    app::accounts::service::create_admin(
        &db,
        "mod@example.org",
        "a long passphrase",
        chrono::Utc::now(),
    )
    .await
    .expect("account");
    let role = |db: app::db::Db| async move {
        let u = db.user_by_email("mod@example.org").await.expect("q").expect("user");
        (u.role, u.moderator_city)
    };
    let audit = "SELECT COUNT(*) FROM audit_log";
    let before = count(&db, audit).await;
    let (ok, out, err) = run(
        &url,
        &["set-role", "--email", "mod@example.org", "--role", "moderator", "--city", "kosice"],
    );
    assert!(ok, "{err}");
    assert!(out.contains("mod@example.org is now moderator"), "{out}");
    assert_eq!(role(db.clone()).await, ("moderator".to_string(), Some("kosice".to_string())));
    assert_eq!(count(&db, audit).await, before + 1);

    for args in [
        ["--email", "mod@example.org", "--role", "emperor"],
        ["--email", "nobody@example.org", "--role", "admin"],
    ] {
        let mut all = vec!["set-role"];
        all.extend(args);
        let (ok, _, err) = run(&url, &all);
        assert!(!ok, "{args:?}");
        assert!(!err.is_empty() && !err.contains("panicked"), "{err}");
        assert_eq!(role(db.clone()).await, ("moderator".to_string(), Some("kosice".to_string())));
    }
    assert_eq!(count(&db, audit).await, before + 1);
}

/// An organisation in Prague with one member, ngo@example.org; its id.
async fn ngo_member(db: &app::db::Db) -> i64 {
    crate::common::member(db, "http://kit.test", "ngo@example.org", "Spolek", "prague", "12345679")
        .await
}

/// `remind-stale`: one message per member of an organisation whose place
/// was not confirmed for the given days, and not again within a month.
#[tokio::test]
async fn remind_stale_reminds_once() {
    let (db, url, _guard) = demo_db_with_url(&Backend::Sqlite).await;
    let org = ngo_member(&db).await;
    // stale place
    run_sql(
        &db,
        "UPDATE places SET organisation_id = $1, last_verified = '2020-01-01' WHERE slug = 'simi'",
        org,
    )
    .await;
    let to_member = "SELECT COUNT(*) FROM outbox WHERE recipient = 'ngo@example.org'";
    let before = count(&db, to_member).await;
    let (ok, out, err) = run(&url, &["remind-stale", "--days", "180"]);
    assert!(ok, "{err}");
    assert!(out.contains("1 reminder(s) queued"), "{out}");
    assert_eq!(count(&db, to_member).await, before + 1);
    let (ok, out, _) = run(&url, &["remind-stale", "--days", "180"]);
    assert!(ok);
    assert!(out.contains("0 reminder(s) queued"), "not again: {out}");
    assert_eq!(count(&db, to_member).await, before + 1);
}

/// `purge-interest`: requests past their time go, newer ones stay.
#[tokio::test]
async fn purge_interest_deletes_expired_requests() {
    let (db, url, _guard) = demo_db_with_url(&Backend::Sqlite).await;
    let org = ngo_member(&db).await;
    // opportunity linked
    run_sql(
        &db,
        "UPDATE opportunities SET organisation_id = $1 WHERE slug = 'cic-volunteer-programme'",
        org,
    )
    .await;
    let (id,): (i64,) =
        sqlx::query_as("SELECT id FROM opportunities WHERE slug = 'cic-volunteer-programme'")
            .fetch_one(db.pool())
            .await
            .expect("opportunity");
    let now = chrono::Utc::now();
    for (name, sent) in [("Old Request", now - chrono::Duration::days(91)), ("New Request", now)] {
        let values = [
            ("opportunity", id.to_string()),
            ("name", name.to_string()),
            ("contact", "+420 777 000 111".to_string()),
            ("consent", "yes".to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        app::volunteering::interest::send(
            &db,
            &values,
            app::i18n::Locale::en,
            "http://kit.test",
            90,
            sent,
        )
        .await
        .expect("request stored");
    }
    let (ok, out, err) = run(&url, &["purge-interest"]);
    assert!(ok, "{err}");
    assert!(out.contains("1 expired interest request(s) deleted"), "{out}");
    let left: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM interest_requests").fetch_all(db.pool()).await.expect("q");
    assert_eq!(left, vec![("New Request".to_string(),)]);
}
