use super::Db;
use crate::values::CitySlug;
use crate::values::Timestamp;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct StoryRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub community: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StorySource {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewStory {
    pub city: CitySlug,
    pub slug: String,
    pub community: String,
    pub status: crate::values::Publication,
    pub sort_order: i64,
    /// (lang, title, summary, body with paragraphs separated by blank lines)
    pub texts: Vec<(String, String, String, String)>,
    pub sources: Vec<StorySource>,
    pub place_ids: Vec<i64>,
}

/// (lang, title, summary, body, updated_at, translated_by)
pub type StoryText = (String, String, String, String, Timestamp, Option<String>);

impl Db {
    pub async fn published_stories(&self, city: &str) -> Result<Vec<StoryRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, city, slug, community FROM stories WHERE city = $1 AND status = 'published' \
             ORDER BY sort_order, slug",
            (city)
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn published_story(
        &self,
        city: &str,
        slug: &str,
    ) -> Result<Option<StoryRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, city, slug, community FROM stories WHERE city = $1 AND slug = $2 \
             AND status = 'published'",
            (city, slug)
        )
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn story_texts(&self, story_id: i64) -> Result<Vec<StoryText>, sqlx::Error> {
        sql_as!(
            "SELECT lang, title, summary, body, updated_at, translated_by FROM story_texts \
             WHERE story_id = $1 ORDER BY lang",
            (story_id)
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn story_sources(&self, story_id: i64) -> Result<Vec<StorySource>, sqlx::Error> {
        let rows: Vec<(String, String)> = sql_as!(
            "SELECT title, url FROM story_sources WHERE story_id = $1 ORDER BY position",
            (story_id)
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(title, url)| StorySource { title, url }).collect())
    }

    /// Published places linked to a story: (slug, name, name_en).
    pub async fn story_places(
        &self,
        story_id: i64,
    ) -> Result<Vec<(String, String, String)>, sqlx::Error> {
        sql_as!(
            "SELECT p.slug, p.name, p.name_en FROM story_places sp JOIN places p ON p.id = sp.place_id \
             WHERE sp.story_id = $1 AND p.status = 'published' ORDER BY p.name_en",
            (story_id)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Published stories linked to a place.
    pub async fn stories_for_place(&self, place_id: i64) -> Result<Vec<StoryRow>, sqlx::Error> {
        sql_as!(
            "SELECT s.id, s.city, s.slug, s.community FROM story_places sp JOIN stories s ON s.id = sp.story_id \
             WHERE sp.place_id = $1 AND s.status = 'published' ORDER BY s.sort_order, s.slug",
            (place_id)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Inserts or replaces stories (by city and slug) in one transaction.
    pub async fn upsert_stories(&self, stories: &[NewStory]) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        for s in stories {
            let (id,): (i64,) = sql_as!(
                "INSERT INTO stories (city, slug, community, status, sort_order) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (city, slug) DO UPDATE SET community = excluded.community, \
                 status = excluded.status, sort_order = excluded.sort_order RETURNING id",
                (&s.city, &s.slug, &s.community, s.status, s.sort_order)
            )
            .fetch_one(&mut *tx)
            .await?;
            for table in ["story_texts", "story_sources", "story_places"] {
                sql!(&format!("DELETE FROM {table} WHERE story_id = $1"), (id))
                    .execute(&mut *tx)
                    .await?;
            }
            for (lang, title, summary, body) in &s.texts {
                sql!(
                    "INSERT INTO story_texts (story_id, lang, title, summary, body) VALUES ($1, $2, $3, $4, $5)",
                    (id, lang, title, summary, body)
                )
                .execute(&mut *tx)
                .await?;
            }
            for (i, src) in s.sources.iter().enumerate() {
                sql!(
                    "INSERT INTO story_sources (story_id, position, title, url) VALUES ($1, $2, $3, $4)",
                    (id, i as i64, &src.title, &src.url)
                )
                .execute(&mut *tx)
                .await?;
            }
            for pid in &s.place_ids {
                sql!("INSERT INTO story_places (story_id, place_id) VALUES ($1, $2)", (id, pid))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await
    }
}

/// A story's translation: (story id, language, title, summary, body).
pub type StoryTranslation = (i64, String, String, String, String);

pub(super) async fn write_story_translations(
    tx: &mut super::Tx<'_>,
    by: &str,
    list: &[StoryTranslation],
) -> Result<(), sqlx::Error> {
    for (id, lang, title, summary, body) in list {
        let source: Option<(Timestamp,)> =
            sql_as!("SELECT updated_at FROM story_texts WHERE story_id = $1 AND lang = 'en'", (id))
                .fetch_optional(&mut **tx)
                .await?;
        let stamp = source.map(|s| s.0).unwrap_or_else(super::now_stamp);
        sql!("DELETE FROM story_texts WHERE story_id = $1 AND lang = $2", (id, lang))
            .execute(&mut **tx)
            .await?;
        sql!(
            "INSERT INTO story_texts (story_id, lang, title, summary, body, updated_at, translated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            (id, lang, title, summary, body, stamp, by)
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
