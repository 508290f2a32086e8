//! The needs (see `crate::needs`) places, events and opportunities are
//! tagged with: one table per kind, the same shape.
use super::{Db, Tx};
use crate::values::ListingKind;
use std::collections::HashMap;

/// (tag table, its listing id column, the listing table, which rows of it
/// are public).
fn tables(kind: ListingKind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        ListingKind::Place => ("place_needs", "place_id", "places", "l.status = 'published'"),
        ListingKind::Event => ("event_needs", "event_id", "events", "l.status <> 'unpublished'"),
        ListingKind::Opportunity => {
            ("opportunity_needs", "opportunity_id", "opportunities", "l.status = 'published'")
        }
    }
}

/// Replaces a listing's tags; `None` leaves them as they are.
pub(super) async fn write(
    tx: &mut Tx<'_>,
    kind: ListingKind,
    id: i64,
    needs: Option<&[String]>,
) -> Result<(), sqlx::Error> {
    let Some(needs) = needs else {
        return Ok(());
    };
    let (table, column, _, _) = tables(kind);
    sql!(&format!("DELETE FROM {table} WHERE {column} = $1"), (id)).execute(&mut **tx).await?;
    for need in needs {
        sql!(&format!("INSERT INTO {table} ({column}, need) VALUES ($1, $2)"), (id, need))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl Db {
    /// The tags of a city's public listings of one kind, by listing id.
    pub async fn needs_in_city(
        &self,
        kind: ListingKind,
        city: &str,
    ) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
        let (table, column, listings, public) = tables(kind);
        let rows: Vec<(i64, String)> = sql_as!(
            &format!(
                "SELECT t.{column}, t.need FROM {table} t JOIN {listings} l ON l.id = t.{column} \
                 WHERE l.city = $1 AND {public} ORDER BY t.{column}, t.need"
            ),
            (city)
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_listing = HashMap::<i64, Vec<String>>::new();
        for (id, need) in rows {
            by_listing.entry(id).or_default().push(need);
        }
        Ok(by_listing)
    }

    /// One listing's tags, public or not (the organisation's form).
    pub async fn needs_of(&self, kind: ListingKind, id: i64) -> Result<Vec<String>, sqlx::Error> {
        let (table, column, _, _) = tables(kind);
        let rows: Vec<(String,)> =
            sql_as!(&format!("SELECT need FROM {table} WHERE {column} = $1 ORDER BY need"), (id))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(n,)| n).collect())
    }
}
