//! Listing texts per language (place, event and opportunity descriptions).
//! Each text keeps the time of its own last change, which is how a
//! translation older than its source text is told (see locale::content).
use super::Db;
use super::Tx;
pub use crate::values::ListingText;
use crate::values::Timestamp;

/// The tables holding a kind of listing's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTable {
    Place,
    Event,
    Opportunity,
}

impl From<crate::values::ListingKind> for TextTable {
    fn from(kind: crate::values::ListingKind) -> Self {
        use crate::values::ListingKind;
        match kind {
            ListingKind::Place => Self::Place,
            ListingKind::Event => Self::Event,
            ListingKind::Opportunity => Self::Opportunity,
        }
    }
}

impl TextTable {
    pub(super) fn table_and_key(self) -> (&'static str, &'static str) {
        match self {
            Self::Place => ("place_descriptions", "place_id"),
            Self::Event => ("event_descriptions", "event_id"),
            Self::Opportunity => ("opportunity_descriptions", "opportunity_id"),
        }
    }
}

/// Makes a listing's texts `texts`, rewriting only those that changed: an
/// unchanged text keeps its time, a changed one gets `now` and loses its
/// translator note (someone else wrote it now), a missing one is removed.
pub(super) async fn sync_texts(
    tx: &mut Tx<'_>,
    which: TextTable,
    id: i64,
    texts: &[(String, String)],
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let (table, key) = which.table_and_key();
    let existing: Vec<(String, String)> =
        sql_as!(&format!("SELECT lang, body FROM {table} WHERE {key} = $1"), (id))
            .fetch_all(&mut **tx)
            .await?;
    for (lang, _) in &existing {
        if !texts.iter().any(|(l, _)| l == lang) {
            sql!(&format!("DELETE FROM {table} WHERE {key} = $1 AND lang = $2"), (id, lang))
                .execute(&mut **tx)
                .await?;
        }
    }
    for (lang, body) in texts {
        match existing.iter().find(|(l, _)| l == lang) {
            Some((_, old)) if old == body => {}
            Some(_) => {
                sql!(
                    &format!(
                        "UPDATE {table} SET body = $1, updated_at = $2, translated_by = NULL \
                     WHERE {key} = $3 AND lang = $4"
                    ),
                    (body, now, id, lang)
                )
                .execute(&mut **tx)
                .await?;
            }
            None => {
                sql!(
                    &format!(
                    "INSERT INTO {table} ({key}, lang, body, updated_at) VALUES ($1, $2, $3, $4)"
                ),
                    (id, lang, body, now)
                )
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(())
}

/// A translation to store with who made it (the demo data's).
pub struct NewTranslation {
    pub id: i64,
    pub lang: String,
    pub body: String,
}

impl Db {
    /// Every language of a listing's text, with times and translators.
    pub async fn listing_texts(
        &self,
        which: TextTable,
        id: i64,
    ) -> Result<Vec<ListingText>, sqlx::Error> {
        let (table, key) = which.table_and_key();
        sql_as!(
            &format!(
            "SELECT lang, body, updated_at, translated_by FROM {table} WHERE {key} = $1 ORDER BY lang"
        ),
            (id)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// A translation file's place texts and story texts, made by `by` from
    /// the current English texts (so each is stamped as new as its source),
    /// in one transaction: all of them are stored or none.
    pub async fn add_translation_file(
        &self,
        by: &str,
        places: &[NewTranslation],
        stories: &[super::stories::StoryTranslation],
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        write_translations(&mut tx, TextTable::Place, by, places).await?;
        super::stories::write_story_translations(&mut tx, by, stories).await?;
        tx.commit().await
    }
}

async fn write_translations(
    tx: &mut Tx<'_>,
    which: TextTable,
    by: &str,
    list: &[NewTranslation],
) -> Result<(), sqlx::Error> {
    let (table, key) = which.table_and_key();
    for t in list {
        let source: Option<(Timestamp,)> = sql_as!(
            &format!("SELECT updated_at FROM {table} WHERE {key} = $1 AND lang = 'en'"),
            (t.id)
        )
        .fetch_optional(&mut **tx)
        .await?;
        let stamp = source.map(|s| s.0).unwrap_or_else(super::now_stamp);
        sql!(&format!("DELETE FROM {table} WHERE {key} = $1 AND lang = $2"), (t.id, &t.lang))
            .execute(&mut **tx)
            .await?;
        sql!(
            &format!(
                "INSERT INTO {table} ({key}, lang, body, updated_at, translated_by) \
             VALUES ($1, $2, $3, $4, $5)"
            ),
            (t.id, &t.lang, &t.body, stamp, by)
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
