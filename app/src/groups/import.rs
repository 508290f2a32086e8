//! Community groups from a JSON file (the demo's `data/demo/groups.json`):
//! each record is checked like the profile form checks a group's input,
//! all or nothing, and loaded as a verified group with an approved profile.
use super::model::{DESCRIPTION_LANGS, DESCRIPTION_MAX_CHARS, LANGUAGES};
use super::profile::channel_value;
use crate::db::{DemoGroup, ProfileData};
use crate::values::CitySlug;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    city: CitySlug,
    name: String,
    languages: Vec<String>,
    description: String,
    /// The description's language, when known.
    description_lang: Option<String>,
    /// The description in other interface languages.
    #[serde(default)]
    translations: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    channels: Vec<RecordChannel>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordChannel {
    kind: String,
    value: String,
}

/// Parses and checks every record; the first problem is reported with its
/// record number and field.
pub fn parse_groups(json: &str, cities: &[String]) -> Result<Vec<DemoGroup>, String> {
    let records: Vec<Record> = serde_json::from_str(json).map_err(|e| format!("groups: {e}"))?;
    let mut out = Vec::new();
    for (i, r) in records.into_iter().enumerate() {
        let at = |field: &str, what: &str| format!("group {}: {field}: {what}", i + 1);
        if !cities.iter().any(|c| c.as_str() == r.city.as_str()) {
            return Err(at("city", "unknown city"));
        }
        if r.name.trim().is_empty() {
            return Err(at("name", "empty"));
        }
        if r.languages.is_empty() || r.languages.iter().any(|l| !LANGUAGES.contains(&l.as_str())) {
            return Err(at("languages", "give at least one known language code"));
        }
        if r.description.trim().is_empty() || r.description.chars().count() > DESCRIPTION_MAX_CHARS
        {
            return Err(at("description", "empty or too long"));
        }
        if r.description_lang.as_ref().is_some_and(|l| !LANGUAGES.contains(&l.as_str())) {
            return Err(at("description_lang", "unknown language code"));
        }
        if r.translations.iter().any(|(l, t)| {
            !DESCRIPTION_LANGS.contains(&l.as_str())
                || t.trim().is_empty()
                || t.chars().count() > DESCRIPTION_MAX_CHARS
        }) {
            return Err(at("translations", "an interface language each, not empty, not too long"));
        }
        // Facts about real groups need a source.
        if r.sources.is_empty() || r.sources.iter().any(|s| !s.starts_with("http")) {
            return Err(at("sources", "give the source URLs"));
        }
        let mut channels = Vec::new();
        for c in r.channels {
            let value = channel_value(&c.kind, &c.value)
                .map_err(|e| at("channels", &format!("{} {:?}", c.kind, e)))?;
            channels.push((c.kind, value));
        }
        out.push(DemoGroup {
            city: r.city,
            name: r.name.trim().to_string(),
            profile: ProfileData {
                languages: r.languages,
                description: r.description.trim().to_string(),
                description_lang: r.description_lang,
                translations: r
                    .translations
                    .into_iter()
                    .map(|(l, t)| (l, t.trim().to_string()))
                    .collect(),
                channels,
            },
            sources: r.sources,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_groups_parse() {
        let cities = vec!["prague".to_string(), "kosice".to_string()];
        let groups = parse_groups(crate::demo::GROUPS_JSON, &cities).expect("demo groups");
        assert!(groups.iter().all(|g| !g.sources.is_empty()));
        let bad = r#"[{"city": "prague", "name": "X", "languages": ["uk"], "description": "x",
            "channels": [{"kind": "telegram", "value": "http://t.me/x"}], "sources": ["https://example.org"]}]"#;
        assert!(parse_groups(bad, &cities).expect_err("http link").contains("group 1: channels"));
    }
}
