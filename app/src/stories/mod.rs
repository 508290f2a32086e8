//! Stories: short sourced histories of each city's communities.
pub mod draft;
server_only! {
    pub mod editor; pub mod handlers; pub mod import;
}
pub mod server;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub slug: String,
    pub community: String,
    pub title: String,
    pub summary: String,
    /// Language the text is shown in (may be a fallback).
    pub lang: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub city: crate::cities::City,
    pub summary: StorySummary,
    pub paragraphs: Vec<String>,
    pub sources: Vec<Source>,
    /// (slug, name, name_en)
    pub places: Vec<(String, String, String)>,
    /// The shown language, fallback, age and the other languages there are.
    pub text: crate::locale::content::ShownText,
}

/// What the story editor starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryEditorData {
    pub city: crate::values::CitySlug,
    /// The city's language (its texts have fields of their own).
    pub local_lang: String,
    /// The story edited: (id, slug); None for a new one.
    pub story: Option<(i64, String)>,
    pub values: Vec<(String, String)>,
    /// The city's stories, to pick one to edit: (id, slug, title).
    pub stories: Vec<(i64, String, String)>,
    /// The draft the form resumes (the newest of this story, or the
    /// asker's own draft of a new story they chose): its id, state and the
    /// reviewer's message.
    pub latest: Option<(i64, crate::values::ReviewState, Option<String>)>,
    /// The asker's drafts of new stories still waiting or sent back:
    /// (id, title, state).
    pub own_drafts: Vec<(i64, String, crate::values::ReviewState)>,
}

/// A draft waiting for review, with what it changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryReviewItem {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub author: String,
    pub created_at: String,
    pub title: String,
    /// The story it changes: its slug; None for a new story.
    pub story: Option<String>,
    /// (field, now, proposed)
    pub diff: Vec<(String, String, String)>,
}
