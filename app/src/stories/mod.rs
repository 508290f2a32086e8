//! Stories: short sourced histories of each city's communities.
#[cfg(feature = "ssr")]
pub mod import;
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
