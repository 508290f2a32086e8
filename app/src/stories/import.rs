//! The story file format (JSON array) used by the demo data.
use crate::db::{NewStory, StorySource};
use crate::values::CitySlug;
use crate::values::Publication;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryRecord {
    pub slug: String,
    pub city: CitySlug,
    pub community: String,
    pub title: BTreeMap<String, String>,
    pub summary: BTreeMap<String, String>,
    pub body: BTreeMap<String, Vec<String>>,
    pub sources: Vec<SourceRecord>,
    #[serde(default)]
    pub place_source_ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    pub title: String,
    pub url: String,
}

/// `place_ids` maps a place's source id to its database id.
pub fn parse_stories(
    json: &str,
    place_ids: &HashMap<String, i64>,
) -> Result<Vec<NewStory>, String> {
    let records: Vec<StoryRecord> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut texts = Vec::new();
            for (lang, title) in &r.title {
                let summary = r.summary.get(lang).cloned().unwrap_or_default();
                let body = r.body.get(lang).map(|p| p.join("\n\n")).unwrap_or_default();
                if body.is_empty() {
                    return Err(format!("story {} ({}): no body in `{lang}`", i, r.slug));
                }
                texts.push((lang.clone(), title.clone(), summary, body));
            }
            if r.sources.is_empty() {
                return Err(format!("story {} ({}): a story needs its sources", i, r.slug));
            }
            Ok(NewStory {
                city: r.city,
                slug: r.slug,
                community: r.community,
                status: Publication::Published,
                sort_order: i as i64,
                texts,
                sources: r
                    .sources
                    .into_iter()
                    .map(|s| StorySource { title: s.title, url: s.url })
                    .collect(),
                place_ids: r
                    .place_source_ids
                    .iter()
                    .filter_map(|id| place_ids.get(id).copied())
                    .collect(),
            })
        })
        .collect()
}
