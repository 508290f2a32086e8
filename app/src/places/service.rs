//! Place queries shared by the pages (server functions) and the JSON API.
use super::hours;
use super::model::*;
use super::query::PlaceQuery;
use crate::cities::{city_or_404, City};
use crate::db::{Db, PlaceFilter, PlaceRow};
use crate::error::AppError;
use crate::locale::content::pick_text;
use crate::search::engine::Query;
use chrono::{DateTime, Utc};

pub fn is_approximate(precision: Option<&str>) -> bool {
    matches!(precision, Some("street" | "area"))
}

/// How much further an approximate point (a street's or a borough's centre)
/// counts when places are sorted by distance: it is never put before a
/// precisely placed one it may not be nearer than.
pub const APPROXIMATE_UNCERTAINTY_M: f64 = 1_000.0;

pub fn summary(row: &PlaceRow, city: &City, now: DateTime<Utc>) -> PlaceSummary {
    let tz = &city.timezone;
    PlaceSummary {
        slug: row.slug.clone(),
        city: row.city.clone(),
        category: row.category.clone(),
        name: row.name.clone(),
        name_en: row.name_en.clone(),
        address: row.address.clone(),
        district: row.district.clone(),
        lat: row.lat,
        lon: row.lon,
        approximate: is_approximate(row.coord_precision.as_deref()),
        languages: row.language_list(),
        wheelchair: row.wheelchair.clone(),
        open_now: hours::open_now(row.opening_hours.as_deref(), &city.country, tz, now),
        next_change: hours::next_change(row.opening_hours.as_deref(), &city.country, tz, now),
        historical: row.historical,
        distance_m: None,
    }
}

/// Metres from `from` to the row's point; None without coordinates.
fn distance_to(row: &PlaceRow, from: (f64, f64)) -> Option<f64> {
    Some(distance_m(from, (row.lat?, row.lon?)))
}

/// The distance places are sorted by: approximate points count as further
/// by their uncertainty, places without a point come last.
fn sort_distance(row: &PlaceRow, from: (f64, f64)) -> f64 {
    match distance_to(row, from) {
        Some(d) if is_approximate(row.coord_precision.as_deref()) => d + APPROXIMATE_UNCERTAINTY_M,
        Some(d) => d,
        None => f64::INFINITY,
    }
}

/// The list order without a search: nearest first when the visitor gave a
/// point; else open now first, then by need (a residence office before a
/// library), names breaking ties.
fn order(rows: &mut [PlaceRow], city: &City, near: Option<(f64, f64)>, now: DateTime<Utc>) {
    match near {
        Some(p) => rows.sort_by(|a, b| sort_distance(a, p).total_cmp(&sort_distance(b, p))),
        None => rows.sort_by_cached_key(|r| {
            let open =
                hours::open_now(r.opening_hours.as_deref(), &city.country, &city.timezone, now);
            let open_rank = match open {
                Some(true) => 0,
                None => 1,
                Some(false) => 2,
            };
            (open_rank, crate::needs::rank_of_category(&r.category))
        }),
    }
}

/// Every published place of `city` matching `q` (all pages), in list order:
/// best match first when something is searched for. "Open now" is evaluated
/// only when the query asks for it: it is the expensive part, and a page
/// needs it for its own places only.
pub async fn matching(
    db: &Db,
    city: &City,
    q: &PlaceQuery,
    now: DateTime<Utc>,
) -> Result<Vec<PlaceRow>, AppError> {
    let filter = PlaceFilter {
        category: q.category.clone(),
        lang: q.lang.clone(),
        district: q.district.clone(),
        wheelchair: q.wheelchair,
        historical: q.historical,
        need: q.need.clone(),
    };
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let mut rows = match text {
        Some(text) => db.search_places(&city.slug, &search_query(text, city), &filter).await?,
        None => db.published_places(&city.slug, &filter).await?,
    };
    if q.open_now {
        rows.retain(|r| {
            hours::open_now(r.opening_hours.as_deref(), &city.country, &city.timezone, now)
                == Some(true)
        });
    }
    if text.is_none() {
        order(&mut rows, city, q.near, now);
    }
    Ok(rows)
}

/// The point `q` sorts by: the middle of the district named by `from`, else
/// the address `from` found by the city's address lookup, else `near`.
/// The second value is `from` when it could not be placed.
async fn start_point(
    db: &Db,
    geo: &std::sync::Arc<crate::geocode::Geo>,
    city: &City,
    q: &PlaceQuery,
) -> Result<(Option<(f64, f64)>, Option<String>), AppError> {
    // What the visitor typed wins over a point an earlier "Near me" left.
    let Some(from) = q.from.as_deref().map(str::trim).filter(|f| !f.is_empty()) else {
        return Ok((q.near, None));
    };
    // A district: the middle of its precisely placed places.
    let folded = crate::search::normalize(from);
    let districts: Vec<String> = db
        .districts(&city.slug)
        .await?
        .into_iter()
        .filter(|d| district_name(d).is_some_and(|n| crate::search::normalize(n) == folded))
        .collect();
    let mut points = Vec::new();
    for d in districts {
        let filter = PlaceFilter { district: Some(d), ..Default::default() };
        let rows = db.published_places(&city.slug, &filter).await?;
        points.extend(
            rows.iter()
                .filter(|r| !is_approximate(r.coord_precision.as_deref()))
                .filter_map(|r| Some((r.lat?, r.lon?))),
        );
    }
    if !points.is_empty() {
        let n = points.len() as f64;
        let lat = points.iter().map(|p| p.0).sum::<f64>() / n;
        let lon = points.iter().map(|p| p.1).sum::<f64>() / n;
        return Ok((Some((lat, lon)), None));
    }
    match geo.locate(city, from).await {
        crate::geocode::Located::Found { lat, lon, .. } => Ok((Some((lat, lon)), None)),
        _ => Ok((None, Some(from.to_string()))),
    }
}

/// When a search finds nothing here: the needs its words belong to (best
/// first), and the other cities where it finds something.
async fn nothing_found(
    db: &Db,
    city: &City,
    text: &str,
) -> Result<(Vec<String>, Vec<(String, usize)>), AppError> {
    let needs = crate::needs::matching(text);
    let mut elsewhere = Vec::new();
    for other in db.cities().await? {
        if other.slug == city.slug {
            continue;
        }
        let hits = db
            .search_places(&other.slug, &search_query(text, &other), &PlaceFilter::default())
            .await?;
        if !hits.is_empty() {
            elsewhere.push((other.slug.to_string(), hits.len()));
        }
    }
    Ok((needs, elsewhere))
}

/// What a visitor typed, without the city's own name in any language.
pub fn search_query(text: &str, city: &City) -> Query {
    let mut names = vec![city.name_local.as_str(), city.name_en.as_str(), city.slug.as_str()];
    names.extend(city.names.iter().map(|(_, n)| n.as_str()));
    Query::new(text, &names)
}

pub async fn listing(
    db: &Db,
    geo: &std::sync::Arc<crate::geocode::Geo>,
    city_slug: &str,
    q: &PlaceQuery,
    ignored: Vec<String>,
    now: DateTime<Utc>,
) -> Result<PlaceListing, AppError> {
    let city = city_or_404(db, city_slug).await?;
    let (near, unplaced) = start_point(db, geo, &city, q).await?;
    let q = &PlaceQuery { near, ..q.clone() };
    let all = matching(db, &city, q, now).await?;
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let (suggested_needs, elsewhere) = match text {
        Some(text) if all.is_empty() => nothing_found(db, &city, text).await?,
        _ => (Vec::new(), Vec::new()),
    };
    let markers = all
        .iter()
        .filter_map(|p| {
            Some(Marker {
                slug: p.slug.clone(),
                name: p.name_en.clone(),
                category: p.category.clone(),
                lat: p.lat?,
                lon: p.lon?,
                approximate: is_approximate(p.coord_precision.as_deref()),
            })
        })
        .collect();
    let total = all.len();
    let start = ((q.page.max(1) - 1) as usize).saturating_mul(q.per_page as usize);
    let places = all
        .iter()
        .skip(start)
        .take(q.per_page as usize)
        .map(|r| PlaceSummary {
            distance_m: near.and_then(|p| distance_to(r, p)),
            ..summary(r, &city, now)
        })
        .collect();
    Ok(PlaceListing {
        districts: db.districts(&city.slug).await?,
        languages: db.languages(&city.slug).await?,
        city,
        total,
        page: q.page,
        per_page: q.per_page,
        places,
        markers,
        ignored,
        tile_url: String::new(),
        tile_attribution: String::new(),
        needs: crate::needs::labels(),
        near,
        unplaced,
        suggested_needs,
        elsewhere,
        need_notes: need_notes(q.need.as_deref(), text),
    })
}

/// The chosen need's explanation, and before it an urgent need's (one with
/// a number to call) when the search is mostly about it.
fn need_notes(need: Option<&str>, text: Option<&str>) -> Vec<crate::needs::NeedNote> {
    // The need the words fit best; one word may fit several equally well
    // ("ambulance": health care and emergencies), several words must fit
    // the urgent one best ("foreign police" is about residence).
    let best = text.map(crate::needs::matching_scored).unwrap_or_default();
    let one_word = text.is_some_and(|t| crate::search::terms(t).len() == 1);
    let top = best.first().map(|(shared, _)| *shared);
    let urgent = best
        .iter()
        .enumerate()
        .take_while(|(i, (shared, _))| *i == 0 || (one_word && Some(*shared) == top))
        .filter_map(|(_, (_, key))| crate::needs::note(key))
        .find(|n| n.call.is_some());
    let chosen = need.and_then(crate::needs::note);
    let mut notes: Vec<crate::needs::NeedNote> = urgent.into_iter().collect();
    notes.extend(chosen.filter(|c| !notes.iter().any(|n| n.key == c.key)));
    notes
}

/// Great-circle distance in metres.
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) =
        (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().asin()
}

pub async fn detail(
    db: &Db,
    city_slug: &str,
    slug: &str,
    lang: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<PlaceDetail, AppError> {
    let city = city_or_404(db, city_slug).await?;
    let row =
        db.public_row::<crate::db::PlaceRow>(&city.slug, slug).await?.ok_or(AppError::NotFound)?;
    let texts = db.listing_texts(crate::db::TextTable::Place, row.id).await?;
    let description = crate::locale::content::show(&texts, lang, &city.local_lang);
    let precise = !is_approximate(row.coord_precision.as_deref());
    let mut nearby = Vec::new();
    if let (true, Some(lat), Some(lon)) = (precise, row.lat, row.lon) {
        // Approximate points would give misleading distances: only precise ones.
        let others = db.published_places(&city.slug, &PlaceFilter::default()).await?;
        nearby = others
            .iter()
            .filter(|o| o.id != row.id && !is_approximate(o.coord_precision.as_deref()))
            .filter_map(|o| {
                Some(Nearby {
                    slug: o.slug.clone(),
                    name: o.name.clone(),
                    name_en: o.name_en.clone(),
                    category: o.category.clone(),
                    metres: distance_m((lat, lon), (o.lat?, o.lon?)),
                })
            })
            .collect();
        nearby.sort_by(|a, b| a.metres.total_cmp(&b.metres));
        nearby.truncate(5);
    }
    let mut stories = Vec::new();
    for s in db.stories_for_place(row.id).await? {
        let texts = db.story_texts(s.id).await?;
        if let Some((_, (title, _, _))) = pick_text(
            &texts.into_iter().map(|(l, t, s, b, _, _)| (l, (t, s, b))).collect::<Vec<_>>(),
            lang,
            &city.local_lang,
        ) {
            stories.push(StoryLink { slug: s.slug, title });
        }
    }
    Ok(PlaceDetail {
        id: row.id,
        summary: summary(&row, &city, now),
        hours: hours::week(
            row.opening_hours.as_deref(),
            row.hours_text.as_deref(),
            &city.country,
            &city.timezone,
            now,
        ),
        description,
        phone: row.phone.clone(),
        phone_number: row.phone.as_deref().and_then(|p| super::phone::split(p, &city.country)),
        email: row.email.clone(),
        website: row.website.clone(),
        coord_source: row.coord_source.clone(),
        sources: row.source_list(),
        source_date: row.source_date.clone(),
        last_verified: row.last_verified.map(|d| d.to_string()),
        managed: db.place_organisation(row.id).await?.is_some(),
        nearby,
        stories,
        share_url: format!("{base_url}/{lang}/{}/places/{}", city.slug, row.slug),
        city,
    })
}
