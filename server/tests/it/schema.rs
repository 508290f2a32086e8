//! The SQLite and PostgreSQL migrations describe one schema: the same
//! tables, the same columns, the same nullability, and types that map onto
//! each other. The app reads both through the same queries, so a column that
//! exists on one backend only, or is nullable on one only, is a bug that
//! shows up only for deployments on that backend.

use crate::common::{fresh_db, Backend};
use std::collections::BTreeMap;

/// A column as both backends can describe it.
#[derive(Debug, PartialEq)]
struct Column {
    /// "integer", "real", "text" or "blob": what the declared type maps to.
    kind: String,
    not_null: bool,
}

type Schema = BTreeMap<(String, String), Column>;

/// SQLite's declared types by their affinity (the rules of "Datatypes In
/// SQLite", section 3.1), which is what the value is stored as.
fn sqlite_kind(declared: &str) -> String {
    let t = declared.to_ascii_uppercase();
    let kind = if t.contains("INT") {
        "integer"
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        "text"
    } else if t.is_empty() || t.contains("BLOB") {
        "blob"
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        "real"
    } else {
        "numeric"
    };
    kind.to_string()
}

/// PostgreSQL's types by the SQLite storage class the app's queries treat
/// them as.
fn postgres_kind(data_type: &str) -> String {
    let kind = match data_type {
        "bigint" | "integer" | "smallint" => "integer",
        "text" | "character varying" | "character" => "text",
        "double precision" | "real" => "real",
        "bytea" => "blob",
        other => other,
    };
    kind.to_string()
}

async fn sqlite_schema() -> Schema {
    let (db, _guard) = fresh_db(&Backend::Sqlite).await;
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
    )
    .fetch_all(db.pool())
    .await
    .expect("read the SQLite schema");
    rows.into_iter()
        .map(|(table, column, declared, not_null, pk)| {
            // A primary key is never NULL on PostgreSQL; SQLite reports an
            // INTEGER PRIMARY KEY (the row id) as nullable.
            let not_null = not_null != 0 || pk != 0;
            let kind = sqlite_kind(&declared);
            ((table, column), Column { kind, not_null })
        })
        .collect()
}

async fn postgres_schema() -> Schema {
    let (db, _guard) = fresh_db(&Backend::Postgres).await;
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), CAST(data_type AS TEXT), \
                CAST(is_nullable AS TEXT) \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(db.pool())
    .await
    .expect("read the PostgreSQL schema");
    rows.into_iter()
        .map(|(table, column, data_type, nullable)| {
            let kind = postgres_kind(&data_type);
            let not_null = nullable == "NO";
            ((table, column), Column { kind, not_null })
        })
        .collect()
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_agree() {
    let sqlite = sqlite_schema().await;
    let postgres = postgres_schema().await;
    // Sanity: both were read (a query that matched nothing would agree).
    assert!(
        sqlite.contains_key(&("places".to_string(), "name".to_string())),
        "SQLite schema read: {} columns",
        sqlite.len()
    );
    let mut differences = Vec::new();
    for (key, column) in &sqlite {
        match postgres.get(key) {
            None => differences.push(format!("{}.{}: only on SQLite", key.0, key.1)),
            Some(other) if other != column => differences
                .push(format!("{}.{}: SQLite {:?}, PostgreSQL {:?}", key.0, key.1, column, other)),
            Some(_) => {}
        }
    }
    for key in postgres.keys().filter(|k| !sqlite.contains_key(*k)) {
        differences.push(format!("{}.{}: only on PostgreSQL", key.0, key.1));
    }
    assert!(differences.is_empty(), "the schemas differ:\n{}", differences.join("\n"));
}
