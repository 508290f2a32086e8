//! Listing and showing opportunities.
use super::model::*;
use super::query::OpportunityQuery;
use crate::db::{Db, OpportunityRow, PlaceLabel};
use crate::error::AppError;
use crate::search;
use crate::values::Day;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Whether the opportunity is over: its deadline or its one-off date has passed.
pub fn closed(o: &OpportunityRow, today: Day) -> bool {
    o.deadline.is_some_and(|d| d < today)
        || (o.schedule_kind == "one_off" && o.date.is_some_and(|d| d < today))
}

fn item(
    o: &OpportunityRow,
    lang: &str,
    local_lang: &str,
    places: &HashMap<i64, PlaceLabel>,
    needs: Vec<String>,
) -> OpportunityItem {
    let place = o.place_id.and_then(|id| places.get(&id));
    let (title, title_lang) = crate::locale::content::title_in(
        &o.title,
        &o.title_en,
        &o.title_translations,
        lang,
        local_lang,
    );
    OpportunityItem {
        slug: o.slug.clone(),
        title,
        title_lang,
        organiser: o.organiser.clone(),
        location_kind: o.location_kind.clone(),
        location: place
            .map(|p| {
                if lang != local_lang && !p.name_en.is_empty() {
                    p.name_en.clone()
                } else {
                    p.name.clone()
                }
            })
            .or(o.address.clone()),
        district: o.district.clone().or(place.and_then(|p| p.district.clone())),
        schedule_kind: o.schedule_kind.clone(),
        date: o.date.map(|d| d.to_string()),
        schedule_text: o.schedule_text.clone(),
        skills: o.skills.clone(),
        languages: o.language_list(),
        no_czech: o.no_czech,
        audience: o.audience.clone(),
        min_age: o.min_age,
        deadline: o.deadline.map(|d| d.to_string()),
        needs,
    }
}

/// Open opportunities matching `q`, soonest deadline first, one page.
pub async fn listing(
    db: &Db,
    city_slug: &str,
    q: &OpportunityQuery,
    lang: &str,
    now: DateTime<Utc>,
) -> Result<OpportunityListing, AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let today = city.today(now);
    let places = db.place_labels(city_slug).await?;
    let rows = db.published_opportunities(city_slug).await?;
    let tags = db.needs_in_city(crate::values::ListingKind::Opportunity, city_slug).await?;
    let no_tags = Vec::new();
    let needs_of = |o: &OpportunityRow| tags.get(&o.id).unwrap_or(&no_tags);
    // The places' search engine over the opportunities (titles, needs in
    // every language, skills, descriptions).
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let hits = match text {
        Some(text) => {
            let docs: Vec<search::engine::Doc> = rows
                .iter()
                .map(|o| {
                    let titles =
                        [o.title.as_str(), o.title_en.as_str(), o.title_translations.as_str()];
                    search::engine::Doc::listing(
                        o.id,
                        titles,
                        needs_of(o).iter().flat_map(|n| crate::needs::search_text(n)).collect(),
                        &format!("{} {}", o.search_text, o.skills),
                    )
                })
                .collect();
            let query = crate::places::service::search_query(text, &city).every_word();
            Some(search::engine::Engine::find(&docs, &query)?)
        }
        None => None,
    };
    let mut languages: Vec<String> = rows.iter().flat_map(|o| o.language_list()).collect();
    languages.sort();
    languages.dedup();
    let mut open: Vec<&OpportunityRow> = rows
        .iter()
        .filter(|o| !closed(o, today))
        .filter(|o| q.lang.as_ref().is_none_or(|l| o.languages.contains(l)))
        .filter(|o| !q.no_czech || o.no_czech)
        .filter(|o| q.audience.as_ref().is_none_or(|a| o.audience == *a || o.audience == "both"))
        .filter(|o| hits.as_ref().is_none_or(|h| h.contains(&o.id)))
        .collect();
    // The needs to offer: those of opportunities still open, in the needs'
    // order.
    let open_needs: Vec<&String> =
        rows.iter().filter(|o| !closed(o, today)).flat_map(needs_of).collect();
    let needs =
        crate::needs::labels().into_iter().filter(|n| open_needs.contains(&&n.key)).collect();
    open.retain(|o| q.need.as_ref().is_none_or(|n| needs_of(o).contains(n)));
    open.sort_by(|a, b| {
        let key = |o: &OpportunityRow| {
            // No deadline sorts last.
            (o.deadline.is_none(), o.deadline, o.title.clone())
        };
        key(a).cmp(&key(b))
    });
    let total = open.len();
    let per_page = q.per_page.max(1);
    let items = open
        .into_iter()
        .skip((q.page.max(1) as usize - 1) * per_page as usize)
        .take(per_page as usize)
        .map(|o| item(o, lang, &city.local_lang, &places, needs_of(o).clone()))
        .collect();
    Ok(OpportunityListing { city, items, total, page: q.page.max(1), per_page, languages, needs })
}

pub async fn detail(
    db: &Db,
    city_slug: &str,
    slug: &str,
    lang: &str,
    now: DateTime<Utc>,
) -> Result<OpportunityDetail, AppError> {
    let city = db.city(city_slug).await?.ok_or(AppError::NotFound)?;
    let o = db
        .public_row::<crate::db::OpportunityRow>(city_slug, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let places = db.place_labels(city_slug).await?;
    let texts = db.listing_texts(crate::db::TextTable::Opportunity, o.id).await?;
    let picked = crate::locale::content::show(&texts, lang, &city.local_lang);
    let place = o.place_id.and_then(|id| places.get(&id)).map(|p| (p.slug.clone(), p.name.clone()));
    let needs = db.needs_of(crate::values::ListingKind::Opportunity, o.id).await?;
    let interest_to = match o.organisation_id {
        Some(org) => db.organisation(org).await?.map(|org| org.name),
        None => None,
    };
    Ok(OpportunityDetail {
        id: o.id,
        city: o.city.clone(),
        local_lang: city.local_lang.clone(),
        item: item(&o, lang, &city.local_lang, &places, needs),
        description_lang: picked.as_ref().filter(|t| t.fallback).map(|t| t.lang.clone()),
        description: picked.as_ref().map(|t| t.body.clone()),
        description_text: picked,
        place,
        contact: o.contact.clone(),
        registration_url: o.registration_url.clone(),
        interest_to,
        closed: closed(&o, city.today(now)),
        sources: o
            .sources
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        share_url: String::new(),
        retention_days: 0,
        last_verified: o.last_verified.map(|d| d.to_string()),
        json_ld: String::new(),
    })
}

/// An opportunity as schema.org JobPosting with employment type VOLUNTEER
/// (the type search engines and link previews read for volunteering).
pub fn json_ld(d: &OpportunityDetail, posted: &str) -> String {
    let o = &d.item;
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": o.title,
        "url": d.share_url,
        "description": d.description.clone().unwrap_or_else(|| o.title.clone()),
        "employmentType": "VOLUNTEER",
        "datePosted": posted,
        "validThrough": o.deadline,
        "skills": o.skills,
    });
    if let Some(org) = &o.organiser {
        v["hiringOrganization"] = serde_json::json!({"@type": "Organization", "name": org});
    }
    if o.location_kind == "remote" {
        v["jobLocationType"] = serde_json::json!("TELECOMMUTE");
    } else {
        let name = d.place.as_ref().map(|p| p.1.clone()).or(o.location.clone());
        v["jobLocation"] = serde_json::json!({
            "@type": "Place",
            "name": name,
            "address": o.location.clone().unwrap_or_default(),
        });
    }
    // A JSON string cannot end the script element early.
    v.to_string().replace("</", "<\\/")
}
