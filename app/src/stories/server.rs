use super::{Story, StorySummary};
use crate::cities::City;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn summary_for(
    row: &crate::db::StoryRow,
    texts: Vec<crate::db::StoryText>,
    lang: &str,
    local: &str,
) -> Option<(StorySummary, String, crate::locale::content::ShownText)> {
    use crate::locale::content::{show, ListingText};
    // Which language to show, and what to say about it, from the texts'
    // languages and times (the body itself is taken from the chosen one).
    let meta: Vec<ListingText> = texts
        .iter()
        .map(|(l, _, _, _, updated_at, by)| ListingText {
            lang: l.clone(),
            body: String::new(),
            updated_at: *updated_at,
            translated_by: by.clone(),
        })
        .collect();
    let shown = show(&meta, lang, local)?;
    let (l, title, summary, body, _, _) = texts.into_iter().find(|t| t.0 == shown.lang)?;
    Some((
        StorySummary {
            slug: row.slug.clone(),
            community: row.community.clone(),
            title,
            summary,
            lang: l,
        },
        body,
        shown,
    ))
}

#[server]
pub async fn list_stories(
    city: String,
    lang: String,
) -> Result<(City, Vec<StorySummary>), crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let city = crate::page_error::from_service(crate::cities::city_or_404(&state.db, &city).await)?;
    let mut out = Vec::new();
    for row in state.db.published_stories(&city.slug).await? {
        let texts = state.db.story_texts(row.id).await?;
        if let Some((s, _, _)) = summary_for(&row, texts, &lang, &city.local_lang) {
            out.push(s);
        }
    }
    Ok((city, out))
}

#[server]
pub async fn get_story(
    city: String,
    slug: String,
    lang: String,
) -> Result<Story, crate::page_error::PageError> {
    use crate::error::AppError;
    let state = crate::state::AppState::from_context()?;
    let city = crate::page_error::from_service(crate::cities::city_or_404(&state.db, &city).await)?;
    let row = crate::page_error::from_service(
        state
            .db
            .published_story(&city.slug, &slug)
            .await
            .map_err(AppError::from)
            .and_then(|r| r.ok_or(AppError::NotFound)),
    )?;
    let texts = state.db.story_texts(row.id).await?;
    let (summary, body, text) = crate::page_error::from_service(
        summary_for(&row, texts, &lang, &city.local_lang).ok_or(AppError::NotFound),
    )?;
    let sources = state
        .db
        .story_sources(row.id)
        .await?
        .into_iter()
        .map(|s| super::Source { title: s.title, url: s.url })
        .collect();
    Ok(Story {
        summary,
        paragraphs: body.split("\n\n").map(str::to_string).collect(),
        sources,
        places: state.db.story_places(row.id).await?,
        text,
        city,
    })
}

/// What the story editor starts from: the story as published (or the
/// newest draft of it still waiting or sent back), the asker's own draft of
/// a new story (`draft`), or nothing; for moderators of `city` only.
#[server]
pub async fn story_editor(
    city: String,
    story: Option<i64>,
    draft: Option<i64>,
) -> Result<super::StoryEditorData, crate::page_error::PageError> {
    use crate::page_error::forbidden;
    use crate::values::ReviewState;
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db)
        .await?
        .filter(|u| u.can_moderate(&city))
        .ok_or_else(forbidden)?;
    let c = state.db.city(&city).await?.ok_or_else(forbidden)?;
    let row = match story {
        Some(id) => Some(
            state.db.story_by_id(id).await?.filter(|s| s.city == c.slug).ok_or_else(forbidden)?,
        ),
        None => None,
    };
    let own = state.db.own_new_story_drafts(&c.slug, user.id).await?;
    // A new story starts empty unless the author resumes one of theirs.
    let latest = match (&row, draft) {
        (Some(s), _) => state.db.latest_story_draft(s.id).await?,
        (None, Some(id)) => own.iter().find(|d| d.id == id).cloned(),
        (None, None) => None,
    };
    let own_drafts = own
        .iter()
        .map(|d| {
            let title = serde_json::from_str::<super::draft::StoryDraft>(&d.data)
                .map(|s| s.title_en)
                .unwrap_or_default();
            (d.id, title, d.state)
        })
        .collect();
    // The author's own words come back while the draft waits or was sent
    // back; once published (or for a new story) the published text.
    let draft = match (&latest, &row) {
        (Some(d), _) if matches!(d.state, ReviewState::Pending | ReviewState::Rejected) => {
            serde_json::from_str(&d.data).unwrap_or_default()
        }
        (_, Some(s)) => super::editor::current(&state.db, s, &c.local_lang).await?,
        _ => super::draft::StoryDraft::default(),
    };
    let mut stories = Vec::new();
    for s in state.db.city_stories(&c.slug).await? {
        let title = state
            .db
            .story_texts(s.id)
            .await?
            .into_iter()
            .find(|t| t.0 == "en")
            .map(|t| t.1)
            .unwrap_or_else(|| s.slug.clone());
        stories.push((s.id, s.slug, title));
    }
    Ok(super::StoryEditorData {
        city: c.slug,
        local_lang: c.local_lang,
        story: row.map(|s| (s.id, s.slug)),
        values: draft.form_values(),
        stories,
        latest: latest.map(|d| (d.id, d.state, d.message)),
        own_drafts,
    })
}

/// Story drafts waiting for review, for moderators (of their city) and
/// admins (of `city`, or every city when empty).
#[server]
pub async fn pending_stories(
    city: String,
) -> Result<Vec<super::StoryReviewItem>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db)
        .await?
        .filter(|u| u.role != crate::accounts::model::Role::Member)
        .ok_or_else(crate::page_error::forbidden)?;
    let city = Some(city.as_str()).filter(|c| !c.is_empty());
    Ok(super::editor::pending(&state.db, &user, city).await?)
}
