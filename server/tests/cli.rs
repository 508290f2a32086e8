//! The `welcome-kit` binary: subcommands and clear errors instead of panics.
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_welcome-kit"))
}

#[test]
fn wrong_database_url_gives_a_clear_message() {
    let out = bin()
        .args(["--database-url", "mysql://nowhere/db", "migrate"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unsupported database URL"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let out = bin()
        .args([
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "migrate",
        ])
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

    let out = bin()
        .args(["--database-url", &url, "import-places"])
        .arg(&good)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("loaded 1 places"));

    let out = bin()
        .args(["--database-url", &url, "import-places"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("record 1") && err.contains("nothing was imported"),
        "{err}"
    );

    let count = tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(async {
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
            .args([
                "--database-url",
                &url,
                "create-admin",
                "--email",
                "Admin@Example.CZ",
            ])
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("admin admin@example.cz ready"));
}
