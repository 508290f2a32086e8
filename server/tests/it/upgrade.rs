//! Upgrading keeps everything: a database filled at the previous release's
//! schema (listings, accounts, sessions, audit entries, outbox messages,
//! proposals, reports, translations) is migrated to the current schema,
//! and every row of every table that existed reads back the same, column
//! by column; what the new migrations add (city and category names) is
//! there too.

use crate::common::{blank_db, member, post_ok, registered, sign_in, spawn_app, staff, Backend};
use app::db::Db;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The last migration of the previous release.
const PREVIOUS_RELEASE: &str = "20261123000011";

fn migrations_dir(backend: &Backend) -> PathBuf {
    let name = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../migrations").join(name)
}

/// Migrates `db` as the previous release did: its migration files only.
async fn migrate_to_previous_release(db: &Db, backend: &Backend) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(migrations_dir(backend)).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let version = name.split('_').next().unwrap_or_default();
        if version <= PREVIOUS_RELEASE {
            std::fs::copy(&path, dir.path().join(name)).expect("copy");
        }
    }
    sqlx::migrate::Migrator::new(dir.path())
        .await
        .expect("previous migrations read")
        .run(db.pool())
        .await
        .expect("previous migrations run");
    dir
}

/// Tables and their columns, in column order.
async fn columns(db: &Db, backend: &Backend) -> BTreeMap<String, Vec<String>> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
             ORDER BY m.name, p.cid"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%' \
             ORDER BY table_name, ordinal_position"
        }
    };
    let rows: Vec<(String, String)> =
        sqlx::query_as(sql).fetch_all(db.pool()).await.expect("catalogue");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column) in rows {
        out.entry(table).or_default().push(column);
    }
    out
}

/// Every row of `table` as text (NULL as None), in a stable order.
async fn rows(db: &Db, table: &str, cols: &[String]) -> Vec<Vec<Option<String>>> {
    let select =
        cols.iter().map(|c| format!("CAST(\"{c}\" AS TEXT)")).collect::<Vec<_>>().join(", ");
    let order = (1..=cols.len()).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
    let found = sqlx::query(&format!("SELECT {select} FROM \"{table}\" ORDER BY {order}"))
        .fetch_all(db.pool())
        .await
        .unwrap_or_else(|e| panic!("read {table}: {e}"));
    found
        .iter()
        .map(|r| {
            use sqlx::Row;
            (0..cols.len()).map(|i| r.try_get::<Option<String>, _>(i).expect("text")).collect()
        })
        .collect()
}

fn literal(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("'{}'", s.replace('\'', "''")),
        None => "NULL".to_string(),
    }
}

/// Copies the rows of `from` into the tables of `to` that the previous
/// release had and that its migrations left empty, column by column (the
/// previous release's columns); a table whose rows refer to a table not yet
/// copied waits for it.
async fn copy_rows(from: &Db, to: &Db, old: &BTreeMap<String, Vec<String>>) {
    let mut waiting: Vec<&String> = Vec::new();
    for table in old.keys() {
        if rows(to, table, &old[table]).await.is_empty() {
            waiting.push(table);
        }
    }
    while !waiting.is_empty() {
        let before = waiting.len();
        let mut still = Vec::new();
        for table in waiting {
            let cols = &old[table];
            let data = rows(from, table, cols).await;
            if data.is_empty() {
                continue;
            }
            let names = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            let values = data
                .iter()
                .map(|r| format!("({})", r.iter().map(literal).collect::<Vec<_>>().join(", ")))
                .collect::<Vec<_>>()
                .join(",\n");
            let insert = format!("INSERT INTO \"{table}\" ({names}) VALUES {values}");
            if sqlx::query(&insert).execute(to.pool()).await.is_err() {
                still.push(table);
            }
        }
        assert!(still.len() < before, "rows that refer to nothing: {still:?}");
        waiting = still;
    }
}

/// The language lists the previous release stored as ",uk,en,".
const LANGUAGE_COLUMNS: [(&str, &str); 4] = [
    ("places", "languages"),
    ("events", "languages"),
    ("opportunities", "languages"),
    ("organisations", "profile_languages"),
];

/// Writes the copied values as the previous release did (the copy comes
/// from the current code): language lists as ",uk,en," (an empty list was
/// ''), an accepted group profile proposal as 'approved'.
async fn to_previous_release_values(db: &Db) {
    sqlx::query("UPDATE group_profile_proposals SET state = 'approved' WHERE state = 'accepted'")
        .execute(db.pool())
        .await
        .expect("old-style states");
    for (table, column) in LANGUAGE_COLUMNS {
        sqlx::query(&format!(
            "UPDATE {table} SET {column} = CASE WHEN {column} IN ('', '[]') THEN '' \
             ELSE ',' || replace(replace(replace({column}, '[\"', ''), '\"]', ''), '\",\"', ',') || ',' END"
        ))
        .execute(db.pool())
        .await
        .expect("old-style lists");
    }
}

/// `rows` of `table` as the upgrade must leave them: ",uk,en," becomes
/// `["uk","en"]`, a proposal's 'approved' becomes 'accepted', everything
/// else unchanged.
fn upgraded(
    table: &str,
    cols: &[String],
    rows: &[Vec<Option<String>>],
) -> Vec<Vec<Option<String>>> {
    let converted: Vec<usize> = LANGUAGE_COLUMNS
        .iter()
        .filter(|(t, _)| *t == table)
        .filter_map(|(_, c)| cols.iter().position(|x| x == c))
        .collect();
    let state =
        cols.iter().position(|c| c == "state").filter(|_| table == "group_profile_proposals");
    rows.iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(v) = state.and_then(|i| r[i].as_mut()).filter(|v| *v == "approved") {
                *v = "accepted".into();
            }
            for &i in &converted {
                if let Some(v) = r[i].as_mut().filter(|v| !v.is_empty()) {
                    let codes: Vec<&str> = v.split(',').filter(|c| !c.is_empty()).collect();
                    *v = serde_json::to_string(&codes).expect("json");
                }
            }
            r
        })
        .collect()
}

async fn upgrade_keeps_everything(backend: Backend) {
    // The source: the demo data plus what people do with it, made by the
    // current code (its extra columns and tables are left out of the copy).
    let app = spawn_app(&backend).await;
    let (src, base) = (&app.db, app.base.as_str());
    let org = member(src, base, "ngo@example.org", "Spolek Přechod", "prague", "12345679").await;
    staff(src, "admin@example.org", "admin", None).await;
    let admin = sign_in(base, "admin@example.org", crate::common::STAFF_PASSWORD).await;
    let ngo = sign_in(base, "ngo@example.org", "member passphrase").await;
    let org = org.to_string();
    for (who, path, form) in [
        (&admin, "/en/moderation/organisations/verify", vec![("organisation", org.as_str())]),
        (
            &ngo,
            "/en/dashboard/places/submit",
            vec![
                ("organisation", org.as_str()),
                ("name", "Poradna Přechod"),
                ("category", "ngo"),
                ("address", "Žitná 1319/33, Praha 2"),
            ],
        ),
        (
            &ngo,
            "/en/places/report",
            vec![("city", "prague"), ("slug", "oamp-praha-1"), ("kind", "closed")],
        ),
    ] {
        post_ok(base, who, path, &form).await;
    }
    // A community group whose profile a moderator approved.
    let group = registered(
        src,
        base,
        "group@example.org",
        "Hromada",
        "prague",
        "00499153",
        "community_group",
    )
    .await;
    let group_cookie = sign_in(base, "group@example.org", "member passphrase").await;
    let g = group.to_string();
    post_ok(
        base,
        &group_cookie,
        "/en/dashboard/group/submit",
        &[
            ("organisation", g.as_str()),
            ("languages", "uk"),
            ("description", "Ukrainian families in Prague 4."),
            ("channel_kind_0", "telegram"),
            ("channel_value_0", "t.me/hromada_upgrade"),
        ],
    )
    .await; // group profile
    let proposal =
        src.latest_group_proposal(group).await.expect("q").expect("proposal").id.to_string();
    for (path, form) in [
        ("/en/moderation/organisations/verify", ("organisation", g.as_str())),
        ("/en/moderation/groups/approve", ("proposal", proposal.as_str())),
    ] {
        post_ok(base, &admin, path, &[form]).await;
    }

    // The previous release's schema, filled with all of it.
    let (db, _guard) = blank_db(&backend).await;
    let _files = migrate_to_previous_release(&db, &backend).await;
    let old = columns(&db, &backend).await;
    copy_rows(src, &db, &old).await;
    to_previous_release_values(&db).await;
    let mut before = BTreeMap::new();
    for (table, cols) in &old {
        before.insert(table.clone(), rows(&db, table, cols).await);
    }
    let state = old["group_profile_proposals"].iter().position(|c| c == "state").expect("state");
    assert!(
        before["group_profile_proposals"].iter().any(|r| r[state].as_deref() == Some("approved")),
        "an approved proposal as the previous release stored it"
    );
    let comma_lists = LANGUAGE_COLUMNS
        .iter()
        .filter(|(t, c)| {
            let at = old[*t].iter().position(|x| x == c).expect("column");
            before[*t].iter().any(|r| r[at].as_deref().is_some_and(|v| v.starts_with(',')))
        })
        .count();
    assert_eq!(comma_lists, LANGUAGE_COLUMNS.len(), "old-style lists to convert");
    for table in [
        "places",
        "place_descriptions",
        "events",
        "opportunities",
        "stories",
        "users",
        "organisations",
        "memberships",
        "sessions",
        "tokens",
        "audit_log",
        "outbox",
        "listing_changes",
        "reports",
    ] {
        assert!(!before[table].is_empty(), "the old database has {table}");
    }
    let translated =
        old["place_descriptions"].iter().position(|c| c == "translated_by").expect("translated_by");
    assert!(
        before["place_descriptions"].iter().any(|r| r[translated].is_some()),
        "translations with their translator"
    );

    // Upgrade: every old row of every old table is still there, unchanged;
    // only the categories gain rows (three for places, ten for events).
    db.migrate().await.expect("upgrade");
    for (table, cols) in &old {
        let after = rows(&db, table, cols).await;
        let expected = upgraded(table, cols, &before[table]);
        let lost: Vec<_> = expected.iter().filter(|r| !after.contains(r)).collect();
        assert!(lost.is_empty(), "{table}: rows lost or changed: {lost:?}");
        let added = after.len() - before[table].len();
        let expected = if table == "categories" { 3 + 10 } else { 0 };
        assert_eq!(added, expected, "{table}: rows added by the upgrade");
    }
    // The converted lists read back as the languages they were.
    let spoken = db.languages("prague").await.expect("languages");
    assert!(spoken.iter().any(|l| l == "uk"), "{spoken:?}");
    // What the upgrade adds: names for the cities and every category used.
    let cities = db.cities().await.expect("cities");
    let prague = cities.iter().find(|c| c.slug == "prague").expect("prague");
    assert_eq!(prague.label("uk"), "Прага");
    assert_eq!(prague.address_lookup.as_deref(), Some("ruian"));
    let categories = db.categories().await.expect("categories");
    for row in &before["places"] {
        let category = &row[old["places"].iter().position(|c| c == "category").expect("col")];
        let c =
            categories.iter().find(|c| Some(&c.key) == category.as_ref()).expect("category kept");
        assert_ne!(c.label("cs"), c.key, "{} named in Czech", c.key);
    }
    let event_kinds =
        db.category_keys(app::values::ListingKind::Event).await.expect("event categories");
    let at = old["events"].iter().position(|c| c == "category").expect("col");
    for row in &before["events"] {
        let category = row[at].clone().unwrap_or_default();
        assert!(event_kinds.contains(&category), "{category} is an event category");
    }
}

on_both_backends!(upgrade_keeps_everything);
