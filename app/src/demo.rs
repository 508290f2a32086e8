//! The demo data set: the project's own places and stories (data/demo/),
//! compiled into the binary so `load-demo` works from anywhere.
use crate::db::Db;
use crate::geocode::{self, GeoData};
use crate::places::import::parse_places;
use crate::stories::import::parse_stories;
use std::collections::HashMap;

pub const PLACES_JSON: &str = include_str!("../../data/demo/places.json");
pub const STORIES_JSON: &str = include_str!("../../data/demo/stories.json");
pub const EVENTS_JSON: &str = include_str!("../../data/demo/events.json");
pub const OPPORTUNITIES_JSON: &str = include_str!("../../data/demo/opportunities.json");
pub const GROUPS_JSON: &str = include_str!("../../data/demo/groups.json");
/// The project team's own translations of the demo texts (from English),
/// in the format `import_translations` reads.
pub const TRANSLATIONS_JSON: [&str; 2] = [
    include_str!("../../data/demo/translations/uk.json"),
    include_str!("../../data/demo/translations/vi.json"),
];

#[derive(Debug, Default)]
pub struct LoadReport {
    pub places: usize,
    pub stories: usize,
    pub events: usize,
    pub opportunities: usize,
    pub groups: usize,
    pub translations: usize,
    pub geocode: Option<geocode::EnrichReport>,
    pub warnings: Vec<String>,
}

/// Loads places from `json` (the import format), geocoding with the Prague
/// address data when given, and returns the source id → database id map.
pub async fn import_places(
    db: &Db,
    json: &str,
    address_data: Option<&GeoData>,
) -> Result<(LoadReport, HashMap<String, i64>), String> {
    let known = db.cities().await.map_err(|e| e.to_string())?;
    let served: Vec<String> =
        known.iter().filter(|c| geocode::serves(c)).map(|c| c.slug.to_string()).collect();
    let cities: Vec<(String, String)> =
        known.into_iter().map(|c| (c.slug.into(), c.country)).collect();
    let categories =
        db.category_keys(crate::values::ListingKind::Place).await.map_err(|e| e.to_string())?;
    let mut parsed = parse_places(json, &cities, &categories).map_err(|e| e.to_string())?;
    let mut report =
        LoadReport { warnings: std::mem::take(&mut parsed.warnings), ..Default::default() };
    if let Some(geo) = address_data {
        report.geocode =
            Some(geocode::enrich(&mut parsed.places, &served, &geo.addresses, &geo.districts));
    }
    let ids = db.upsert_places(&parsed.places).await.map_err(|e| e.to_string())?;
    report.places = ids.len();
    let by_source = parsed
        .keys
        .iter()
        .zip(ids)
        .filter_map(|((source, _, _), id)| Some((source.clone()?, id)))
        .collect();
    Ok((report, by_source))
}

pub async fn load_demo(db: &Db, address_data: Option<&GeoData>) -> Result<LoadReport, String> {
    let (mut report, ids) = import_places(db, PLACES_JSON, address_data).await?;
    let stories = parse_stories(STORIES_JSON, &ids)?;
    db.upsert_stories(&stories).await.map_err(|e| e.to_string())?;
    report.stories = stories.len();
    for json in TRANSLATIONS_JSON {
        report.translations += import_translations(db, json).await?;
    }
    report.events = import_events(db, EVENTS_JSON).await?;
    report.opportunities = import_opportunities(db, OPPORTUNITIES_JSON).await?;
    report.groups = import_groups(db, GROUPS_JSON).await?;
    Ok(report)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationFile {
    lang: String,
    from: String,
    by: String,
    places: HashMap<String, String>,
    stories: HashMap<String, StoryTranslation>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryTranslation {
    title: String,
    summary: String,
    body: Vec<String>,
}

/// Loads a file of translations (places' descriptions and stories by slug),
/// each marked with its translator; returns how many texts.
pub async fn import_translations(db: &Db, json: &str) -> Result<usize, String> {
    let file: TranslationFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if file.from != "en" {
        return Err(format!("translations into {} must be made from English", file.lang));
    }
    let cities = db.cities().await.map_err(|e| e.to_string())?;
    let places = place_ids(db, &cities).await?;
    let mut place_list = Vec::new();
    for (slug, body) in file.places {
        let id = cities
            .iter()
            .find_map(|c| places.get(&(c.slug.to_string(), slug.clone())))
            .ok_or_else(|| format!("{}: no place {slug}", file.lang))?;
        place_list.push(crate::db::NewTranslation { id: *id, lang: file.lang.clone(), body });
    }
    let mut story_list = Vec::new();
    for (slug, t) in file.stories {
        let mut found = None;
        for c in &cities {
            if let Some(row) =
                db.published_story(&c.slug, &slug).await.map_err(|e| e.to_string())?
            {
                found = Some(row.id);
            }
        }
        let id = found.ok_or_else(|| format!("{}: no story {slug}", file.lang))?;
        story_list.push((id, file.lang.clone(), t.title, t.summary, t.body.join("\n\n")));
    }
    db.add_translation_file(&file.by, &place_list, &story_list).await.map_err(|e| e.to_string())?;
    Ok(place_list.len() + story_list.len())
}

async fn place_ids(
    db: &Db,
    cities: &[crate::cities::City],
) -> Result<HashMap<(String, String), i64>, String> {
    let mut places = HashMap::new();
    for c in cities {
        for (id, label) in db.place_labels(&c.slug).await.map_err(|e| e.to_string())? {
            places.insert((c.slug.to_string(), label.slug), id);
        }
    }
    Ok(places)
}

/// Loads volunteering opportunities (the import format), all or nothing.
pub async fn import_opportunities(db: &Db, json: &str) -> Result<usize, String> {
    let cities = db.cities().await.map_err(|e| e.to_string())?;
    let places = place_ids(db, &cities).await?;
    let slugs: Vec<String> = cities.iter().map(|c| c.slug.to_string()).collect();
    let list = crate::volunteering::import::parse_opportunities(json, &slugs, &places)?;
    db.upsert_opportunities(&list).await.map_err(|e| e.to_string())?;
    Ok(list.len())
}

/// Loads community groups (verified, profile approved), all or nothing.
pub async fn import_groups(db: &Db, json: &str) -> Result<usize, String> {
    let cities: Vec<String> =
        db.cities().await.map_err(|e| e.to_string())?.into_iter().map(|c| c.slug.into()).collect();
    let groups = crate::groups::import::parse_groups(json, &cities)?;
    db.upsert_demo_groups(&groups).await.map_err(|e| e.to_string())
}

/// Loads events (the import format), all or nothing; returns how many.
pub async fn import_events(db: &Db, json: &str) -> Result<usize, String> {
    let cities = db.cities().await.map_err(|e| e.to_string())?;
    let places = place_ids(db, &cities).await?;
    let kinds =
        db.category_keys(crate::values::ListingKind::Event).await.map_err(|e| e.to_string())?;
    let events = crate::events::import::parse_events(json, &cities, &places, &kinds)?;
    db.upsert_events(&events).await.map_err(|e| e.to_string())?;
    Ok(events.len())
}
