//! A volunteering opportunity as an organisation proposes it: the form,
//! parsed once, and the public opportunity it becomes when accepted.
use super::model::AUDIENCES;
use crate::accounts::model::{optional_website, FieldError, FieldErrors};
use crate::cities::City;
use crate::db::{NewOpportunity, OpportunityRow};
use crate::http::form_post::{optional_text, take, text, FormValues};
use crate::listing::draft::ListingDraft;
use crate::listing::fields;
use crate::values::Day;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const LOCATION_KINDS: [&str; 3] = ["place", "address", "remote"];
pub const SCHEDULE_KINDS: [&str; 3] = ["one_off", "recurring", "flexible"];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpportunityDraft {
    pub title: String,
    pub title_en: String,
    pub location_kind: String,
    pub place: Option<i64>,
    pub place_name: Option<String>,
    pub address: Option<String>,
    pub schedule_kind: String,
    pub date: Option<String>,
    /// "Tuesdays 16:00–18:00", "2 hours a week", in the organiser's words.
    pub schedule_text: Option<String>,
    pub skills: String,
    pub languages: Vec<String>,
    pub no_czech: bool,
    pub audience: String,
    pub min_age: Option<i64>,
    pub contact: Option<String>,
    pub registration_url: Option<String>,
    pub deadline: Option<String>,
    pub description_en: Option<String>,
    pub description_local: Option<String>,
    /// The description in other languages (language code → text).
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, String>,
    /// The title in other languages (language code → title).
    #[serde(default)]
    pub title_translations: std::collections::BTreeMap<String, String>,
    /// What it helps newcomers with (keys of `app/needs.json`).
    #[serde(default)]
    pub needs: Vec<String>,
}

/// The form's fields, in form order.
pub static FIELDS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
    crate::listing::draft::form_fields(
        <OpportunityDraft as crate::listing::draft::ListingDraft>::NAME,
        true,
        &[
            "location_kind",
            "place",
            "address",
            "schedule_kind",
            "date",
            "schedule_text",
            "skills",
            "needs",
            "languages",
            "no_czech",
            "audience",
            "min_age",
            "contact",
            "registration_url",
            "deadline",
        ],
    )
});

impl ListingDraft for OpportunityDraft {
    const KIND: crate::listing::ListingKind = crate::listing::ListingKind::Opportunity;

    fn fields() -> &'static [&'static str] {
        &FIELDS
    }
}

fn optional_date(s: &str) -> Result<Option<String>, FieldError> {
    match s {
        "" => Ok(None),
        d => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .map_err(|_| FieldError::InvalidDate),
    }
}

fn choice(s: &str, from: &[&str]) -> Result<Option<String>, FieldError> {
    from.contains(&s).then(|| Some(s.to_string())).ok_or(FieldError::UnknownChoice)
}

/// Checks every field at once. `places`: (id, name) the organisation may
/// name as where it happens.
pub fn parse_opportunity(
    v: &FormValues,
    local: &str,
    places: &[(i64, String)],
) -> Result<OpportunityDraft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let titles = fields::titles(v, local, &mut errors);
    let location_kind =
        take(&mut errors, "location_kind", choice(text(v, "location_kind"), &LOCATION_KINDS))
            .unwrap_or_default();
    let schedule_kind =
        take(&mut errors, "schedule_kind", choice(text(v, "schedule_kind"), &SCHEDULE_KINDS))
            .unwrap_or_default();
    let audience =
        take(&mut errors, "audience", choice(text(v, "audience"), &AUDIENCES)).unwrap_or_default();
    let address = take(&mut errors, "address", optional_text(text(v, "address"), 300));
    let date = take(&mut errors, "date", optional_date(text(v, "date")));
    let deadline = take(&mut errors, "deadline", optional_date(text(v, "deadline")));
    let schedule_text =
        take(&mut errors, "schedule_text", optional_text(text(v, "schedule_text"), 300));
    let skills =
        take(&mut errors, "skills", optional_text(text(v, "skills"), 500)).unwrap_or_default();
    let contact = take(&mut errors, "contact", optional_text(text(v, "contact"), 200));
    let registration_url =
        take(&mut errors, "registration_url", optional_website(text(v, "registration_url")));
    let descriptions = fields::descriptions(v, local, &mut errors);
    let min_age = fields::number(v, "min_age", 0..=120, &mut errors);
    let languages = fields::languages(v, &mut errors);
    let needs = fields::needs(v, &mut errors);
    let place = match fields::place(v, places) {
        Ok(Some(p)) if location_kind == "place" => Some(p),
        _ if location_kind == "place" => {
            errors.insert("place", FieldError::Required);
            None
        }
        _ => None,
    };
    if location_kind == "address" && address.is_none() && !errors.contains_key("address") {
        errors.insert("address", FieldError::Required);
    }
    if schedule_kind == "one_off" && date.is_none() && !errors.contains_key("date") {
        errors.insert("date", FieldError::Required);
    }
    if contact.is_none() && registration_url.is_none() && !errors.contains_key("contact") {
        // Someone who wants to help needs a way to say so besides our form.
        errors.insert("contact", FieldError::Required);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(OpportunityDraft {
        title_en: titles.title_en,
        title: titles.title,
        address: if location_kind == "remote" { None } else { address },
        location_kind,
        place: place.as_ref().map(|p| p.0),
        place_name: place.map(|p| p.1),
        date: if schedule_kind == "one_off" { date } else { None },
        schedule_kind,
        schedule_text,
        skills,
        languages,
        needs,
        no_czech: !text(v, "no_czech").is_empty(),
        audience,
        min_age,
        contact,
        registration_url,
        deadline,
        description_en: descriptions.en,
        description_local: descriptions.local,
        translations: descriptions.translations,
        title_translations: titles.translations,
    })
}

/// The public opportunity for an accepted draft. `keep`: the opportunity as
/// it is (its sources and district stay).
pub fn to_new_opportunity(
    d: &OpportunityDraft,
    slug: &str,
    city: &City,
    organisation: (Option<i64>, Option<String>),
    keep: Option<&OpportunityRow>,
) -> NewOpportunity {
    let descriptions = crate::locale::content::descriptions(
        &d.description_en,
        &d.description_local,
        &city.local_lang,
        &d.translations,
    );
    let mut text = vec![
        d.title.clone(),
        d.title_en.clone(),
        organisation.1.clone().unwrap_or_default(),
        d.skills.clone(),
    ];
    text.extend(d.title_translations.values().cloned());
    text.extend(descriptions.iter().map(|(_, t)| t.clone()));
    NewOpportunity {
        city: city.slug.clone(),
        slug: slug.to_string(),
        organisation_id: organisation.0,
        organiser: organisation.1,
        place_id: d.place,
        title: d.title.clone(),
        title_en: d.title_en.clone(),
        title_translations: d.title_translations.clone(),
        location_kind: d.location_kind.clone(),
        address: d.address.clone(),
        district: keep.and_then(|k| k.district.clone()),
        schedule_kind: d.schedule_kind.clone(),
        date: d.date.as_deref().and_then(Day::parse),
        schedule_text: d.schedule_text.clone(),
        skills: d.skills.clone(),
        languages: d.languages.clone(),
        needs: Some(d.needs.clone()),
        no_czech: d.no_czech,
        audience: d.audience.clone(),
        min_age: d.min_age,
        contact: d.contact.clone(),
        registration_url: d.registration_url.clone(),
        deadline: d.deadline.as_deref().and_then(Day::parse),
        sources: keep
            .map(|k| {
                k.sources
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        search_text: crate::search::normalize(&text.join(" ")),
        descriptions,
    }
}

/// The draft of a stored opportunity, to edit it or to compare with.
pub fn draft_of(
    row: &OpportunityRow,
    descriptions: &[(String, String)],
    local_lang: &str,
    place_name: Option<String>,
) -> OpportunityDraft {
    let text = |lang: &str| descriptions.iter().find(|(l, _)| l == lang).map(|(_, t)| t.clone());
    OpportunityDraft {
        title: row.title.clone(),
        title_en: row.title_en.clone(),
        location_kind: row.location_kind.clone(),
        place: row.place_id,
        place_name,
        address: row.address.clone(),
        schedule_kind: row.schedule_kind.clone(),
        date: row.date.map(|d| d.to_string()),
        schedule_text: row.schedule_text.clone(),
        skills: row.skills.clone(),
        languages: row.language_list(),
        // The tags are read apart (`Listing::current`).
        needs: Vec::new(),
        no_czech: row.no_czech,
        audience: row.audience.clone(),
        min_age: row.min_age,
        contact: row.contact.clone(),
        registration_url: row.registration_url.clone(),
        deadline: row.deadline.map(|d| d.to_string()),
        description_en: text("en"),
        description_local: text(local_lang),
        translations: crate::locale::content::translations_of(descriptions, local_lang),
        title_translations: crate::locale::content::translations_from_json(&row.title_translations),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::http::form_post::form_of as form;

    #[test]
    fn a_complete_form_parses_and_reads_back() {
        let f = form(&[
            ("title", "Doučování češtiny"),
            ("location_kind", "place"),
            ("place", "7"),
            ("schedule_kind", "recurring"),
            ("schedule_text", "Tuesdays 16:00–18:00"),
            ("skills", "patience"),
            ("languages", "cs,uk"),
            ("audience", "locals"),
            ("min_age", "16"),
            ("contact", "dobrovolnici@example.org"),
            ("deadline", "2027-01-31"),
        ]);
        let d = parse_opportunity(&f, "cs", &[(7, "Centre".into())]).unwrap();
        assert_eq!(d.place_name.as_deref(), Some("Centre"));
        assert_eq!(d.title_en, "Doučování češtiny");
        let values: std::collections::BTreeMap<_, _> = d.form_values().into_iter().collect();
        assert_eq!(values["place"], "7");
        assert_eq!(values["languages"], "cs, uk");
    }

    #[test]
    fn every_problem_is_named() {
        let f = form(&[
            ("location_kind", "place"),
            ("place", "99"),
            ("schedule_kind", "one_off"),
            ("audience", "everyone"),
            ("min_age", "old"),
            ("deadline", "soon"),
        ]);
        let e = parse_opportunity(&f, "cs", &[(7, "Centre".into())]).unwrap_err();
        for (k, want) in [
            ("title", FieldError::Required),
            ("place", FieldError::Required),
            ("date", FieldError::Required),
            ("audience", FieldError::UnknownChoice),
            ("min_age", FieldError::InvalidNumber),
            ("deadline", FieldError::InvalidDate),
            ("contact", FieldError::Required),
        ] {
            assert_eq!(e.get(k), Some(&want), "{k}: {e:?}");
        }
    }
}
