//! Reading opportunities in the demo/import format
//! (data/demo/opportunities.json), all checked before anything is written.
use super::model::AUDIENCES;
use crate::db::NewOpportunity;
use crate::search;
use crate::values::{CitySlug, Day};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    slug: String,
    city: CitySlug,
    organiser: Option<String>,
    title: String,
    title_en: Option<String>,
    /// Titles in other languages, by language code.
    #[serde(default)]
    titles: BTreeMap<String, String>,
    place: Option<String>,
    address: Option<String>,
    district: Option<String>,
    #[serde(default)]
    remote: bool,
    schedule: String,
    date: Option<String>,
    schedule_text: Option<String>,
    #[serde(default)]
    skills: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    no_czech: bool,
    audience: String,
    min_age: Option<i64>,
    contact: Option<String>,
    registration_url: Option<String>,
    deadline: Option<String>,
    #[serde(default)]
    description: BTreeMap<String, String>,
    #[serde(default)]
    sources: Vec<String>,
    /// What it helps with (keys of `app/needs.json`).
    #[serde(default)]
    needs: Vec<String>,
}

pub fn parse_opportunities(
    json: &str,
    cities: &[String],
    places: &HashMap<(String, String), i64>,
) -> Result<Vec<NewOpportunity>, String> {
    let raw: Vec<Raw> =
        serde_json::from_str(json).map_err(|e| format!("not an opportunity list: {e}"))?;
    let mut out = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        let at = |field: &str, why: &str| {
            format!("opportunity {} (`{}`), {field}: {why}", i + 1, r.slug)
        };
        if !cities.iter().any(|c| c.as_str() == r.city.as_str()) {
            return Err(at("city", "unknown city"));
        }
        if let Some(unknown) = r.needs.iter().find(|n| crate::needs::find(n).is_none()) {
            return Err(at("needs", &format!("unknown need `{unknown}`")));
        }
        if !["one_off", "recurring", "flexible"].contains(&r.schedule.as_str()) {
            return Err(at("schedule", "one of one_off, recurring, flexible"));
        }
        if r.schedule == "one_off" && r.date.is_none() {
            return Err(at("date", "a one-off needs its date"));
        }
        if !AUDIENCES.contains(&r.audience.as_str()) {
            return Err(at("audience", "one of newcomers, locals, both"));
        }
        for d in r.date.iter().chain(r.deadline.iter()) {
            if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                return Err(at("date/deadline", "YYYY-MM-DD"));
            }
        }
        let place_id = match &r.place {
            Some(p) => Some(
                *places
                    .get(&(r.city.to_string(), p.clone()))
                    .ok_or_else(|| at("place", "unknown place"))?,
            ),
            None => None,
        };
        let location_kind = if r.remote {
            "remote"
        } else if place_id.is_some() {
            "place"
        } else {
            "address"
        };
        let mut text = vec![
            r.title.clone(),
            r.title_en.clone().unwrap_or_default(),
            r.organiser.clone().unwrap_or_default(),
            r.skills.clone(),
        ];
        text.extend(r.titles.values().cloned());
        text.extend(r.description.values().cloned());
        out.push(NewOpportunity {
            city: r.city,
            slug: r.slug,
            organiser: r.organiser,
            place_id,
            title: r.title,
            title_en: r.title_en.unwrap_or_default(),
            title_translations: r.titles,
            location_kind: location_kind.into(),
            address: r.address,
            district: r.district,
            schedule_kind: r.schedule,
            date: r.date.as_deref().and_then(Day::parse),
            schedule_text: r.schedule_text,
            skills: r.skills,
            languages: r.languages,
            no_czech: r.no_czech,
            audience: r.audience,
            min_age: r.min_age,
            contact: r.contact,
            registration_url: r.registration_url,
            deadline: r.deadline.as_deref().and_then(Day::parse),
            sources: r.sources,
            search_text: search::normalize(&text.join(" ")),
            descriptions: r.description.into_iter().collect(),
            needs: Some(r.needs),
            ..Default::default()
        });
    }
    Ok(out)
}
