//! Writing stories in the app: a moderator sends a draft (a new story or a
//! new version of one), someone else who moderates the city publishes it or
//! sends it back with a message. Each step is audited; nothing is public
//! before it is published.
use super::draft::{parse_story, StoryDraft};
use super::{Source, StoryReviewItem};
use crate::accounts::model::FormError;
use crate::accounts::session::CurrentUser;
use crate::db::{Db, PublishedStory, StoryDraftRow, StoryRow, StorySource};
use crate::error::AppError;
use crate::http::form_post::{id_field, FormRefusal, FormValues};
use crate::listing::review::decision_message;
use crate::values::ReviewState;
use crate::values::Timestamp;
use chrono::{DateTime, Utc};

fn stored(row: &StoryDraftRow) -> Result<StoryDraft, AppError> {
    serde_json::from_str(&row.data).map_err(|e| AppError::Internal(format!("story draft: {e}")))
}

/// The story as it is published now, as the editor shows it.
pub async fn current(db: &Db, story: &StoryRow, local_lang: &str) -> Result<StoryDraft, AppError> {
    let texts = db.story_texts(story.id).await?;
    let text = |lang: &str| texts.iter().find(|t| t.0 == lang);
    let mut d = StoryDraft {
        community: story.community.clone(),
        sources: db
            .story_sources(story.id)
            .await?
            .into_iter()
            .map(|s| Source { title: s.title, url: s.url })
            .collect(),
        ..Default::default()
    };
    if let Some((_, title, summary, body, ..)) = text("en") {
        (d.title_en, d.summary_en, d.body_en) = (title.clone(), summary.clone(), body.clone());
    }
    if let Some((_, title, summary, body, ..)) = text(local_lang).filter(|_| local_lang != "en") {
        (d.title_local, d.summary_local, d.body_local) =
            (title.clone(), summary.clone(), body.clone());
    }
    Ok(d)
}

/// The story a form or draft names, if it is one of `city`'s.
async fn story_of(db: &Db, id: Option<i64>, city: &str) -> Result<Option<StoryRow>, FormRefusal> {
    match id {
        None => Ok(None),
        Some(id) => match db.story_by_id(id).await? {
            Some(s) if s.city == city => Ok(Some(s)),
            _ => Err(FormRefusal::Forbidden),
        },
    }
}

/// A moderator of the form's city sends a draft. Returns where to go next.
pub async fn submit(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<String, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let city = values.get("city").map(|c| c.trim()).unwrap_or("");
    if !user.can_moderate(city) || db.city(city).await?.is_none() {
        return Err(FormRefusal::Forbidden);
    }
    let story = story_of(db, id_field(values, "story"), city).await?;
    let draft = parse_story(values).map_err(FormRefusal::Fields)?;
    let data = serde_json::to_string(&draft)
        .map_err(|e| AppError::Internal(format!("story draft: {e}")))?;
    let story_id = story.as_ref().map(|s| s.id);
    // A new story written again after review: only the author's own draft
    // of a new story in this city counts.
    let previous = match (story_id, id_field(values, "previous")) {
        (None, Some(id)) => db
            .story_draft(id)
            .await?
            .filter(|d| d.city == city && d.author == user.id && d.story_id.is_none())
            .map(|d| d.id),
        _ => None,
    };
    let draft_id = db
        .submit_story_draft(city, story_id, previous, &data, user.id, Timestamp::from(now))
        .await?;
    // Back to the draft, which now says it waits for review.
    Ok(match story_id {
        Some(id) => format!("/moderation/stories/edit?city={city}&story={id}"),
        None => format!("/moderation/stories/edit?city={city}&draft={draft_id}"),
    })
}

/// A slug no story of the city has yet, from the English title.
async fn new_slug(db: &Db, city: &str, title_en: &str) -> Result<String, sqlx::Error> {
    let base = crate::listing::review::slug_from(title_en, "story");
    let (mut slug, mut n) = (base.clone(), 2);
    while db.story_slug_taken(city, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// The pending draft a review form names, and the city it is for, which
/// the reviewer must moderate.
async fn pending_draft(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
) -> Result<(i64, StoryDraftRow), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let row = match id_field(values, "draft") {
        Some(id) => db.story_draft(id).await?,
        None => None,
    }
    .ok_or(FormRefusal::Forbidden)?;
    if !user.can_moderate(&row.city) {
        return Err(FormRefusal::Forbidden);
    }
    if row.state != ReviewState::Pending {
        return Err(FormRefusal::Form(FormError::AlreadyDecided));
    }
    // Four eyes: the author does not publish (or send back) their own.
    if row.author == user.id {
        return Err(FormRefusal::Form(FormError::OwnStory));
    }
    Ok((user.id, row))
}

/// Publishes a pending draft; returns the story's public path.
pub async fn publish(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<String, FormRefusal> {
    let (reviewer, row) = pending_draft(db, user, values).await?;
    let city = db.city(&row.city).await?.ok_or(FormRefusal::Forbidden)?;
    let draft = stored(&row)?;
    let story = story_of(db, row.story_id, &city.slug).await?;
    let (slug, before) = match &story {
        Some(s) => (s.slug.clone(), Some(current(db, s, &city.local_lang).await?)),
        None => (new_slug(db, &city.slug, &draft.title_en).await?, None),
    };
    let diff = StoryDraft::diff(before.as_ref(), &draft)
        .into_iter()
        .map(|(f, a, b)| format!("{f}: {a} → {b}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut texts =
        vec![("en", draft.title_en.as_str(), draft.summary_en.as_str(), draft.body_en.as_str())];
    if !draft.title_local.is_empty() && city.local_lang != "en" {
        texts.push((
            city.local_lang.as_str(),
            draft.title_local.as_str(),
            draft.summary_local.as_str(),
            draft.body_local.as_str(),
        ));
    }
    let sources: Vec<StorySource> = draft
        .sources
        .iter()
        .map(|s| StorySource { title: s.title.clone(), url: s.url.clone() })
        .collect();
    let published = PublishedStory {
        city: &city.slug,
        slug: &slug,
        community: &draft.community,
        texts,
        sources: &sources,
    };
    db.publish_story_draft(row.id, &published, &diff, reviewer, Timestamp::from(now))
        .await?
        .ok_or(FormRefusal::Form(FormError::AlreadyDecided))?;
    Ok(format!("/{}/stories/{slug}", city.slug))
}

/// Sends a pending draft back with a message (required).
pub async fn reject(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let (reviewer, row) = pending_draft(db, user, values).await?;
    let message = decision_message(values, true)?;
    if db.reject_story_draft(row.id, message, reviewer, Timestamp::from(now)).await? {
        Ok(())
    } else {
        Err(FormRefusal::Form(FormError::AlreadyDecided))
    }
}

/// Drafts waiting for review in the cities `user` moderates (or `city`).
pub async fn pending(
    db: &Db,
    user: &CurrentUser,
    city: Option<&str>,
) -> Result<Vec<StoryReviewItem>, AppError> {
    let mut out = Vec::new();
    let city = city.or(user.moderated_city());
    for row in db.pending_story_drafts(city).await? {
        if !user.can_moderate(&row.city) {
            continue;
        }
        let Some(c) = db.city(&row.city).await? else {
            continue;
        };
        let draft = stored(&row)?;
        let story = match row.story_id {
            Some(id) => db.story_by_id(id).await?,
            None => None,
        };
        let before = match &story {
            Some(s) => Some(current(db, s, &c.local_lang).await?),
            None => None,
        };
        let author = db.user_by_id(row.author).await?.map(|u| u.display_name).unwrap_or_default();
        out.push(StoryReviewItem {
            id: row.id,
            city: row.city.clone(),
            author,
            created_at: row.created_at.to_string(),
            title: draft.title_en.clone(),
            story: story.map(|s| s.slug),
            diff: StoryDraft::diff(before.as_ref(), &draft),
        });
    }
    Ok(out)
}
