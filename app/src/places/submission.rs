//! Organisations' place forms: parsing and checking every field, and turning
//! an accepted draft into the public place.
use super::draft::PlaceDraft;
use crate::accounts::model::{optional_website, required_text, Email, FieldError, FieldErrors};
use crate::cities::City;
use crate::db::{NewPlace, PlaceRow};
use crate::http::form_post::{optional_text, text, FormValues};
use crate::values::Day;
use crate::values::Publication;

fn coordinate(s: &str) -> Result<Option<f64>, FieldError> {
    if s.is_empty() {
        return Ok(None);
    }
    s.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(FieldError::InvalidCoordinates)
}

/// Checks every field at once against the city (bounds for the pin) and
/// the category keys the database knows. `languages` come as one
/// `languages` pair per ticked box, joined with ','.
pub fn parse_draft(
    v: &FormValues,
    city: &City,
    categories: &[String],
) -> Result<PlaceDraft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut take = |name: &'static str, r: Result<Option<String>, FieldError>| {
        r.map_err(|e| errors.insert(name, e)).ok().flatten()
    };
    let name = take("name", required_text(text(v, "name")).map(Some));
    let name_en = take("name_en", optional_text(text(v, "name_en"), 200));
    let category = take(
        "category",
        Some(text(v, "category"))
            .filter(|c| categories.iter().any(|k| k == c))
            .map(|c| Some(c.to_string()))
            .ok_or(FieldError::UnknownChoice),
    );
    let address = take("address", required_text(text(v, "address")).map(Some));
    let phone = take(
        "phone",
        optional_text(text(v, "phone"), 100).and_then(|p| match p {
            Some(p) if super::phone::split(&p, &city.country).is_none() => {
                Err(FieldError::InvalidPhone)
            }
            other => Ok(other),
        }),
    );
    let email = take(
        "email",
        match text(v, "email") {
            "" => Ok(None),
            e => Email::parse(e).map(|e| Some(e.as_str().to_string())),
        },
    );
    let website = take("website", optional_website(text(v, "website")));
    // The editor's rows, or the OpenStreetMap field when it was edited.
    let (hours, row_errors) = match super::hours_editor::resolve(v) {
        Ok(hours) => (hours, Vec::new()),
        Err(rows) => (None, rows),
    };
    let opening_hours = take(
        "opening_hours",
        optional_text(hours.as_deref().unwrap_or(""), 500).and_then(|h| match h {
            Some(h) if !super::hours::is_valid(&h) => Err(FieldError::InvalidOpeningHours),
            other => Ok(other),
        }),
    );
    let hours_text = take(
        "hours_text",
        optional_text(text(v, "hours_text"), 500).and_then(|t| match (&t, &opening_hours) {
            (Some(t), Some(h)) if super::hours_editor::text_disagrees(t, h) => {
                Err(FieldError::HoursTextDisagrees)
            }
            _ => Ok(t),
        }),
    );
    let wheelchair = take(
        "wheelchair",
        match text(v, "wheelchair") {
            "" => Ok(None),
            w @ ("yes" | "no" | "limited") => Ok(Some(w.to_string())),
            _ => Err(FieldError::UnknownChoice),
        },
    );
    errors.extend(row_errors);
    let descriptions = crate::listing::fields::descriptions(v, &city.local_lang, &mut errors);
    let languages = crate::listing::fields::languages(v, &mut errors);
    let needs = crate::listing::fields::needs(v, &mut errors);
    let (lat, lon) = match (coordinate(text(v, "lat")), coordinate(text(v, "lon"))) {
        (Ok(Some(lat)), Ok(Some(lon)))
            if (city.bounds[0]..=city.bounds[2]).contains(&lat)
                && (city.bounds[1]..=city.bounds[3]).contains(&lon) =>
        {
            (Some(lat), Some(lon))
        }
        (Ok(None), Ok(None)) => (None, None),
        _ => {
            errors.insert("lat", FieldError::InvalidCoordinates);
            (None, None)
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let name = name.unwrap_or_default();
    Ok(PlaceDraft {
        name_en: name_en.unwrap_or_else(|| name.clone()),
        name,
        category: category.unwrap_or_default(),
        address: address.unwrap_or_default(),
        lat,
        lon,
        phone,
        email,
        website,
        opening_hours,
        hours_text,
        languages,
        needs,
        wheelchair,
        description_en: descriptions.en,
        description_local: descriptions.local,
        translations: descriptions.translations,
    })
}

/// The opening-hours editor's check: the form's values as they are shown
/// again (the expert field showing what the rows write) and any problem
/// with the hours or with the free text next to them.
pub fn check_hours(values: &FormValues) -> (FormValues, FieldErrors) {
    use super::hours_editor;
    let mut shown = values.clone();
    let mut errors = FieldErrors::new();
    match hours_editor::resolve(values) {
        Err(rows) => errors.extend(rows),
        Ok(Some(hours)) if !super::hours::is_valid(&hours) => {
            errors.insert("opening_hours", FieldError::InvalidOpeningHours);
        }
        Ok(hours) => {
            let hours = hours.unwrap_or_default();
            if hours_editor::text_disagrees(text(values, "hours_text"), &hours) {
                errors.insert("hours_text", FieldError::HoursTextDisagrees);
            }
            shown.insert("opening_hours".into(), hours.clone());
            shown.insert(hours_editor::SOURCE.into(), hours);
        }
    }
    (shown, errors)
}

/// The draft of a published place, to edit it or to compare with.
pub fn draft_of(row: &PlaceRow, descriptions: &[(String, String)], local_lang: &str) -> PlaceDraft {
    let text = |lang: &str| descriptions.iter().find(|(l, _)| l == lang).map(|(_, t)| t.clone());
    PlaceDraft {
        name: row.name.clone(),
        name_en: row.name_en.clone(),
        category: row.category.clone(),
        address: row.address.clone(),
        lat: row.lat,
        lon: row.lon,
        phone: row.phone.clone(),
        email: row.email.clone(),
        website: row.website.clone(),
        opening_hours: row.opening_hours.clone(),
        hours_text: row.hours_text.clone(),
        languages: row.language_list(),
        // The tags are read apart (`Listing::current`).
        needs: Vec::new(),
        wheelchair: row.wheelchair.clone(),
        description_en: text("en"),
        description_local: text(local_lang),
        translations: crate::locale::content::translations_of(descriptions, local_lang),
    }
}

/// The public place for an accepted draft; verified today by the moderator.
pub fn to_new_place(
    d: &PlaceDraft,
    slug: &str,
    city: &City,
    source: Option<String>,
    today: Day,
) -> NewPlace {
    let descriptions = crate::locale::content::descriptions(
        &d.description_en,
        &d.description_local,
        &city.local_lang,
        &d.translations,
    );
    NewPlace {
        city: city.slug.clone(),
        slug: slug.to_string(),
        category: d.category.clone(),
        name: d.name.clone(),
        name_en: d.name_en.clone(),
        address: d.address.clone(),
        district: None,
        lat: d.lat,
        lon: d.lon,
        coord_precision: d.lat.map(|_| "address".to_string()),
        coord_source: d.lat.map(|_| "organisation".to_string()),
        phone: d.phone.clone(),
        email: d.email.clone(),
        website: d.website.clone(),
        opening_hours: d.opening_hours.clone(),
        hours_text: d.hours_text.clone(),
        languages: d.languages.clone(),
        wheelchair: d.wheelchair.clone(),
        sources: source.into_iter().collect(),
        source_date: None,
        last_verified: Some(today),
        status: Publication::Published,
        status_note: None,
        descriptions,
        needs: Some(d.needs.clone()),
        // A reviewed change from the organisation that runs the place says
        // it is current.
        historical: false,
    }
}
