//! Stories written in the app: drafts waiting for review, and publishing
//! one (the story's row, its English and local texts, its sources and the
//! audit entry) in one transaction. The public never reads the drafts.
use super::accounts::{append_audit, NewAudit};
use super::decisions::{decide, Reviewed};
use super::{Db, StoryRow, StorySource};
use crate::values::AuditAction;
use crate::values::CitySlug;
use crate::values::ReviewState;
use crate::values::Timestamp;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct StoryDraftRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    /// None: a new story.
    pub story_id: Option<i64>,
    /// The draft this one revises.
    pub previous_id: Option<i64>,
    /// The draft as JSON (see stories::draft::StoryDraft).
    pub data: String,
    pub author: i64,
    /// pending | published | rejected | superseded
    pub state: crate::values::ReviewState,
    pub message: Option<String>,
    pub created_at: Timestamp,
}

const COLUMNS: &str = "id, city, story_id, previous_id, data, author, state, message, created_at";

/// A story as publishing writes it.
pub struct PublishedStory<'a> {
    pub city: &'a CitySlug,
    pub slug: &'a str,
    pub community: &'a str,
    /// (language, title, summary, body): English and, if written, the
    /// city's language. Other languages' translations stay (and show as
    /// older than their source).
    pub texts: Vec<(&'a str, &'a str, &'a str, &'a str)>,
    pub sources: &'a [StorySource],
}

impl Db {
    /// Stores a draft (a newer one of the same story replaces the older
    /// pending one), audited; returns its id.
    pub async fn submit_story_draft(
        &self,
        city: &str,
        story: Option<i64>,
        previous: Option<i64>,
        data: &str,
        author: i64,
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if let Some(previous) = previous {
            sql!(
                "UPDATE story_drafts SET state = 'superseded', decided_at = $1 \
                 WHERE id = $2 AND state = 'pending'",
                (now, previous)
            )
            .execute(&mut *tx)
            .await?;
        }
        if let Some(story) = story {
            sql!(
                "UPDATE story_drafts SET state = 'superseded', decided_at = $1 \
                 WHERE story_id = $2 AND state = 'pending'",
                (now, story)
            )
            .execute(&mut *tx)
            .await?;
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO story_drafts (city, story_id, previous_id, data, author, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        // NULL ids: not a cached statement (see events.rs).
        .persistent(false)
        .bind(city)
        .bind(story)
        .bind(previous)
        .bind(data)
        .bind(author)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(author), "story_draft", id, AuditAction::Submitted)
                .details(story.map(|s| format!("story {s}")).unwrap_or_default()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn story_draft(&self, id: i64) -> Result<Option<StoryDraftRow>, sqlx::Error> {
        sql_as!(&format!("SELECT {COLUMNS} FROM story_drafts WHERE id = $1"), (id))
            .fetch_optional(&self.pool)
            .await
    }

    /// Drafts waiting for review, of one city or all, oldest first.
    pub async fn pending_story_drafts(
        &self,
        city: Option<&str>,
    ) -> Result<Vec<StoryDraftRow>, sqlx::Error> {
        sql_as!(
            &format!(
                "SELECT {COLUMNS} FROM story_drafts WHERE state = 'pending' \
             AND ($1 = '' OR city = $1) ORDER BY id"
            ),
            (city.unwrap_or(""))
        )
        .fetch_all(&self.pool)
        .await
    }

    /// The newest draft of a published story, whatever its state.
    pub async fn latest_story_draft(
        &self,
        story: i64,
    ) -> Result<Option<StoryDraftRow>, sqlx::Error> {
        sql_as!(
            &format!(
                "SELECT {COLUMNS} FROM story_drafts WHERE story_id = $1 ORDER BY id DESC LIMIT 1"
            ),
            (story)
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// `author`'s drafts of new stories in `city` that wait for review or
    /// were sent back, newest first.
    pub async fn own_new_story_drafts(
        &self,
        city: &str,
        author: i64,
    ) -> Result<Vec<StoryDraftRow>, sqlx::Error> {
        sql_as!(
            &format!(
                "SELECT {COLUMNS} FROM story_drafts WHERE city = $1 AND author = $2 \
             AND story_id IS NULL AND state IN ('pending', 'rejected') ORDER BY id DESC"
            ),
            (city, author)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Every story of a city, published or not, by its order.
    pub async fn city_stories(&self, city: &str) -> Result<Vec<StoryRow>, sqlx::Error> {
        sql_as!(
            "SELECT id, city, slug, community FROM stories WHERE city = $1 ORDER BY sort_order, slug",
            (city)
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn story_by_id(&self, id: i64) -> Result<Option<StoryRow>, sqlx::Error> {
        sql_as!("SELECT id, city, slug, community FROM stories WHERE id = $1", (id))
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn story_slug_taken(&self, city: &str, slug: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> =
            sql_as!("SELECT id FROM stories WHERE city = $1 AND slug = $2", (city, slug))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// Publishes draft `id` as `story`, audited with `diff`; None when the
    /// draft was already decided (by someone else, or replaced).
    pub async fn publish_story_draft(
        &self,
        id: i64,
        story: &PublishedStory<'_>,
        diff: &str,
        reviewer: i64,
        now: Timestamp,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if !decide(&mut tx, Reviewed::StoryDrafts, id, ReviewState::Accepted, None, reviewer, now)
            .await?
        {
            return Ok(None);
        }
        let (story_id,): (i64,) = sql_as!(
            "INSERT INTO stories (city, slug, community, status) VALUES ($1, $2, $3, 'published') \
             ON CONFLICT (city, slug) DO UPDATE SET community = excluded.community, \
             status = 'published' RETURNING id",
            (story.city, story.slug, story.community)
        )
        .fetch_one(&mut *tx)
        .await?;
        // The draft and those it revises now belong to the story.
        let mut next = Some(id);
        for _ in 0..1000 {
            let Some(draft) = next else { break };
            sql!("UPDATE story_drafts SET story_id = $1 WHERE id = $2", (story_id, draft))
                .execute(&mut *tx)
                .await?;
            let row: Option<(Option<i64>,)> =
                sql_as!("SELECT previous_id FROM story_drafts WHERE id = $1", (draft))
                    .fetch_optional(&mut *tx)
                    .await?;
            next = row.and_then(|r| r.0);
        }
        for (lang, title, summary, body) in &story.texts {
            sql!("DELETE FROM story_texts WHERE story_id = $1 AND lang = $2", (story_id, lang))
                .execute(&mut *tx)
                .await?;
            sql!(
                "INSERT INTO story_texts (story_id, lang, title, summary, body, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                (story_id, lang, title, summary, body, now)
            )
            .execute(&mut *tx)
            .await?;
        }
        sql!("DELETE FROM story_sources WHERE story_id = $1", (story_id)).execute(&mut *tx).await?;
        for (i, s) in story.sources.iter().enumerate() {
            sql!(
                "INSERT INTO story_sources (story_id, position, title, url) VALUES ($1, $2, $3, $4)",
                (story_id, i as i64, &s.title, &s.url)
            )
            .execute(&mut *tx)
            .await?;
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(reviewer), "story", story_id, AuditAction::Published)
                .details(diff.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(story_id))
    }

    /// Sends draft `id` back with `message`, audited; false when it was
    /// already decided.
    pub async fn reject_story_draft(
        &self,
        id: i64,
        message: &str,
        reviewer: i64,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let rejected = Some(message);
        if !decide(
            &mut tx,
            Reviewed::StoryDrafts,
            id,
            ReviewState::Rejected,
            rejected,
            reviewer,
            now,
        )
        .await?
        {
            return Ok(false);
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(reviewer), "story_draft", id, AuditAction::Rejected)
                .reason(Some(message.to_string())),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
