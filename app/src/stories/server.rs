use super::{Story, StorySummary};
use crate::cities::City;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn summary_for(
    row: &crate::db::StoryRow,
    texts: Vec<crate::db::StoryText>,
    lang: &str,
    local: &str,
) -> Option<(StorySummary, String)> {
    let keyed: Vec<_> = texts
        .into_iter()
        .map(|(l, t, s, b)| (l, (t, s, b)))
        .collect();
    let (l, (title, summary, body)) = crate::places::service::pick_text(&keyed, lang, local)?;
    Some((
        StorySummary {
            slug: row.slug.clone(),
            community: row.community.clone(),
            title,
            summary,
            lang: l,
        },
        body,
    ))
}

#[server]
pub async fn list_stories(
    city: String,
    lang: String,
) -> Result<(City, Vec<StorySummary>), ServerFnError> {
    use crate::places::server::not_found_status;
    let state = crate::state::AppState::from_context()?;
    let city = not_found_status(crate::places::service::city_or_404(&state.db, &city).await)?;
    let mut out = Vec::new();
    for row in state.db.published_stories(&city.slug).await? {
        let texts = state.db.story_texts(row.id).await?;
        if let Some((s, _)) = summary_for(&row, texts, &lang, &city.local_lang) {
            out.push(s);
        }
    }
    Ok((city, out))
}

#[server]
pub async fn get_story(city: String, slug: String, lang: String) -> Result<Story, ServerFnError> {
    use crate::error::AppError;
    use crate::places::server::not_found_status;
    let state = crate::state::AppState::from_context()?;
    let city = not_found_status(crate::places::service::city_or_404(&state.db, &city).await)?;
    let row = not_found_status(
        state
            .db
            .published_story(&city.slug, &slug)
            .await
            .map_err(AppError::from)
            .and_then(|r| r.ok_or(AppError::NotFound)),
    )?;
    let texts = state.db.story_texts(row.id).await?;
    let available_langs = texts.iter().map(|t| t.0.clone()).collect();
    let (summary, body) = not_found_status(
        summary_for(&row, texts, &lang, &city.local_lang).ok_or(AppError::NotFound),
    )?;
    let sources = state
        .db
        .story_sources(row.id)
        .await?
        .into_iter()
        .map(|s| super::Source {
            title: s.title,
            url: s.url,
        })
        .collect();
    Ok(Story {
        summary,
        paragraphs: body.split("\n\n").map(str::to_string).collect(),
        sources,
        places: state.db.story_places(row.id).await?,
        available_langs,
        city,
    })
}
