//! The place file format (JSON array) used by `welcome-kit import-places` and
//! by the demo data. Every record is validated before anything is written.
use super::hours;
use crate::db::NewPlace;
use crate::values::CitySlug;
use crate::values::Day;
use crate::values::Publication;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRecord {
    pub slug: String,
    #[serde(default)]
    pub source_id: Option<String>,
    pub city: CitySlug,
    pub category: String,
    pub name: String,
    pub name_en: String,
    #[serde(default)]
    pub description: BTreeMap<String, String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub coord_precision: Option<String>,
    #[serde(default)]
    pub coord_source: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub opening_hours: Option<String>,
    #[serde(default)]
    pub hours_text: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub wheelchair: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub source_date: Option<String>,
    #[serde(default)]
    pub last_verified: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub status_note: Option<String>,
    /// What the place helps with (keys of `app/needs.json`); without it,
    /// the needs of its category.
    #[serde(default)]
    pub needs: Option<Vec<String>>,
    /// Known from an older source and probably closed (see
    /// `PlaceRow::historical`).
    #[serde(default)]
    pub historical: bool,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("the file is not a JSON array of places: {0}")]
    Format(String),
    #[error("record {index} (`{slug}`): {field}: {message}")]
    Invalid { index: usize, slug: String, field: &'static str, message: String },
}

/// Parsed places plus notes about what was accepted with a change.
#[derive(Debug)]
pub struct Parsed {
    pub places: Vec<NewPlace>,
    /// (source id or slug, city, slug)
    pub keys: Vec<(Option<String>, String, String)>,
    pub warnings: Vec<String>,
}

/// `cities` are the (slug, ISO country) pairs and `categories` the keys the
/// database knows.
pub fn parse_places(
    json: &str,
    cities: &[(String, String)],
    categories: &[String],
) -> Result<Parsed, ImportError> {
    let records: Vec<PlaceRecord> =
        serde_json::from_str(json).map_err(|e| ImportError::Format(e.to_string()))?;
    let mut out = Parsed {
        places: Vec::with_capacity(records.len()),
        keys: Vec::new(),
        warnings: Vec::new(),
    };
    let mut seen = HashSet::new();
    for (index, r) in records.into_iter().enumerate() {
        let err = |field: &'static str, message: String| ImportError::Invalid {
            index,
            slug: r.slug.clone(),
            field,
            message,
        };
        if r.slug.is_empty()
            || !r.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err("slug", "use lowercase letters, digits and hyphens".into()));
        }
        let Some((_, country)) = cities.iter().find(|(slug, _)| slug.as_str() == r.city.as_str())
        else {
            let slugs: Vec<&str> = cities.iter().map(|(slug, _)| slug.as_str()).collect();
            return Err(err("city", format!("unknown city; one of {}", slugs.join(", "))));
        };
        if let Some(phone) =
            r.phone.as_deref().filter(|p| super::phone::split(p, country).is_none())
        {
            return Err(err("phone", format!("`{phone}` is not a number that can be called")));
        }
        if !seen.insert((r.city.clone(), r.slug.clone())) {
            return Err(err("slug", "appears twice in this file".into()));
        }
        if !categories.contains(&r.category) {
            return Err(err("category", format!("unknown; one of {}", categories.join(", "))));
        }
        if r.name.trim().is_empty() || r.name_en.trim().is_empty() {
            return Err(err("name", "name and name_en are required".into()));
        }
        match (r.lat, r.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    return Err(err("lat/lon", "out of range".into()));
                }
                if !matches!(
                    r.coord_precision.as_deref(),
                    Some("address" | "poi" | "street" | "area")
                ) {
                    return Err(err(
                        "coord_precision",
                        "required with coordinates: address, poi, street or area".into(),
                    ));
                }
            }
            (None, None) => {}
            _ => return Err(err("lat/lon", "give both or neither".into())),
        }
        if let Some(w) = &r.wheelchair {
            if !["yes", "no", "limited"].contains(&w.as_str()) {
                return Err(err("wheelchair", "yes, no or limited".into()));
            }
        }
        for l in &r.languages {
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(err("languages", format!("`{l}` is not an ISO 639 code")));
            }
        }
        let last_verified = match r
            .last_verified
            .as_deref()
            .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map(Day::from))
        {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(_)) => return Err(err("last_verified", "expected YYYY-MM-DD".into())),
        };
        let status = match r.status.as_deref().map(Publication::parse) {
            None => Publication::Published,
            Some(Some(
                s @ (Publication::Published | Publication::Draft | Publication::Unpublished),
            )) => s,
            Some(_) => return Err(err("status", "published, draft or unpublished".into())),
        };
        // Hours that the parser rejects are kept as published text, not lost.
        let mut opening_hours = r.opening_hours.clone().filter(|s| !s.trim().is_empty());
        let mut hours_text = r.hours_text.clone();
        if let Some(oh) = &opening_hours {
            if !hours::is_valid(oh) {
                out.warnings.push(format!(
                    "{}/{}: opening_hours `{oh}` not understood; kept as text",
                    r.city, r.slug
                ));
                hours_text.get_or_insert_with(|| oh.clone());
                opening_hours = None;
            }
        }
        if let Some(unknown) = r.needs.iter().flatten().find(|n| crate::needs::find(n).is_none()) {
            return Err(err("needs", format!("unknown need `{unknown}`")));
        }
        out.keys.push((r.source_id.clone(), r.city.to_string(), r.slug.clone()));
        out.places.push(NewPlace {
            city: r.city,
            slug: r.slug,
            category: r.category,
            name: r.name.trim().to_string(),
            name_en: r.name_en.trim().to_string(),
            address: r.address.unwrap_or_default(),
            district: r.district,
            lat: r.lat,
            lon: r.lon,
            coord_precision: r.lat.and(r.coord_precision),
            coord_source: r.lat.and(r.coord_source),
            phone: r.phone,
            email: r.email,
            website: r.website,
            opening_hours,
            hours_text,
            languages: r.languages,
            wheelchair: r.wheelchair,
            sources: r.sources,
            source_date: r.source_date,
            last_verified,
            status,
            status_note: r.status_note,
            descriptions: r.description.into_iter().filter(|(_, t)| !t.trim().is_empty()).collect(),
            needs: r.needs,
            historical: r.historical,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories() -> Vec<String> {
        vec!["ngo".into(), "health".into()]
    }

    fn cities() -> Vec<(String, String)> {
        vec![("prague".into(), "CZ".into()), ("kosice".into(), "SK".into())]
    }

    const GOOD: &str = r#"[{"slug":"a","city":"prague","category":"ngo","name":"A","name_en":"A",
        "opening_hours":"Mo-Fr 09:00-17:00","lat":50.1,"lon":14.4,"coord_precision":"address"},
        {"slug":"b","city":"kosice","category":"health","name":"B","name_en":"B",
        "opening_hours":"by appointment only"}]"#;

    #[test]
    fn accepts_good_records_and_keeps_unparsable_hours_as_text() {
        let p = parse_places(GOOD, &cities(), &categories()).expect("valid");
        assert_eq!(p.places.len(), 2);
        assert_eq!(p.places[0].opening_hours.as_deref(), Some("Mo-Fr 09:00-17:00"));
        assert_eq!(p.places[1].opening_hours, None);
        assert_eq!(p.places[1].hours_text.as_deref(), Some("by appointment only"));
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.places[0].status, Publication::Published);
    }

    #[test]
    fn names_the_record_and_field_of_the_first_problem() {
        let bad = GOOD.replace(r#""category":"health""#, r#""category":"pub""#);
        match parse_places(&bad, &cities(), &categories()) {
            Err(ImportError::Invalid { index, field, .. }) => {
                assert_eq!(index, 1);
                assert_eq!(field, "category");
            }
            other => panic!("expected an invalid-record error, got {other:?}"),
        }
        let half = GOOD.replace(r#","lon":14.4"#, "");
        assert!(matches!(
            parse_places(&half, &cities(), &categories()),
            Err(ImportError::Invalid { field: "lat/lon", .. })
        ));
        // A phone that is no callable number is refused, not stored.
        let wrong_phone = GOOD.replace(r#""name":"B","#, r#""name":"B","phone":"12 34","#);
        assert!(matches!(
            parse_places(&wrong_phone, &cities(), &categories()),
            Err(ImportError::Invalid { index: 1, field: "phone", .. })
        ));
        let phone = GOOD.replace(r#""name":"B","#, r#""name":"B","phone":"055 622 1281 (desk)","#);
        assert!(parse_places(&phone, &cities(), &categories()).is_ok());
        assert!(matches!(
            parse_places("{}", &cities(), &categories()),
            Err(ImportError::Format(_))
        ));
    }
}
