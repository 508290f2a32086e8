//! Read API: `/api/v1/cities`, `/api/v1/places`, `/api/v1/places.geojson`.
//! Bodies carry an ETag; a matching If-None-Match gets 304 Not Modified.
use super::query::PlaceQuery;
use super::service;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// JSON response with a content-derived ETag. The hash only has to be stable
/// for one build of the binary (all instances behind a load balancer run the
/// same build), which `DefaultHasher::new()` guarantees.
pub fn json_with_etag(
    headers: &HeaderMap,
    body: &serde_json::Value,
    content_type: &'static str,
) -> Response {
    text_with_etag(headers, body.to_string(), content_type)
}

/// `json_with_etag` for a body already serialized (from typed structs,
/// without building a `serde_json::Value` first).
pub fn text_with_etag(headers: &HeaderMap, bytes: String, content_type: &'static str) -> Response {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    let etag = format!("\"{:016x}\"", h.finish());
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let cache = HeaderValue::from_static("public, max-age=60");
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) fn pairs(raw: &Option<String>) -> Vec<(String, String)> {
    raw.as_deref().map(url_pairs).unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded` pairs.
pub fn url_pairs(q: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(q.as_bytes()).into_owned().collect()
}

pub(crate) fn required_city(pairs: &[(String, String)]) -> Result<String, AppError> {
    pairs
        .iter()
        .find(|(k, _)| k == "city")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AppError::BadParam {
            param: "city".into(),
            message: "required, e.g. city=prague".into(),
        })
}

pub(crate) async fn known_city(
    state: &AppState,
    slug: &str,
) -> Result<crate::cities::City, AppError> {
    let known = match crate::values::CitySlug::parse(slug) {
        Some(slug) => state.db.city(&slug).await?,
        None => None,
    };
    known.ok_or_else(|| unknown_city(slug))
}

pub(crate) fn unknown_city(slug: &str) -> AppError {
    AppError::BadParam {
        param: "city".into(),
        message: format!("unknown city `{slug}`"),
    }
}

pub async fn cities(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let cities = state.db.cities_with_counts().await?;
    let body = serde_json::json!({
        "cities": cities.iter().map(|(c, n)| serde_json::json!({
            "slug": c.slug, "name": c.name_local, "name_en": c.name_en, "country": c.country,
            "timezone": c.timezone, "local_language": c.local_lang,
            "center": {"lat": c.center[0], "lon": c.center[1]},
            "bounds": {"south": c.bounds[0], "west": c.bounds[1], "north": c.bounds[2], "east": c.bounds[3]},
            "places": n,
        })).collect::<Vec<_>>()
    });
    Ok(json_with_etag(&headers, &body, "application/json"))
}

pub async fn places(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let pairs = pairs(&raw);
    let city = required_city(&pairs)?;
    let (mut query, mut errors) = PlaceQuery::parse(
        pairs
            .iter()
            .filter(|(k, _)| k != "city")
            .map(|(k, v)| (k.as_str(), v.as_str())),
        &[],
    );
    let place = crate::values::ListingKind::Place;
    errors.extend(super::query::category_in_db(&state.db, place, &mut query.category).await?);
    if let Some(e) = errors.into_iter().next() {
        return Err(AppError::BadParam {
            param: e.param,
            message: e.message,
        });
    }
    known_city(&state, &city).await?;
    let listing = service::listing(&state.db, &city, &query, Vec::new(), state.now()).await?;
    let body = serde_json::json!({
        "city": city,
        "total": listing.total,
        "page": listing.page,
        "per_page": listing.per_page,
        "places": listing.places,
    });
    Ok(json_with_etag(&headers, &body, "application/json"))
}

pub async fn places_geojson(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let pairs = pairs(&raw);
    let city_slug = required_city(&pairs)?;
    if let Some((k, _)) = pairs.iter().find(|(k, _)| k != "city") {
        return Err(AppError::BadParam {
            param: k.clone(),
            message: "unknown parameter".into(),
        });
    }
    let city = known_city(&state, &city_slug).await?;
    let all = service::matching(&state.db, &city, &PlaceQuery::default(), state.now()).await?;
    let features: Vec<_> = all
        .iter()
        .filter_map(|p| {
            let (lat, lon) = (p.lat?, p.lon?);
            Some(serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "slug": p.slug, "name": p.name, "name_en": p.name_en, "category": p.category,
                    "address": p.address, "district": p.district, "languages": p.language_list(),
                    "wheelchair": p.wheelchair,
                    "approximate": service::is_approximate(p.coord_precision.as_deref()),
                    "url": format!("/en/{}/places/{}", p.city, p.slug),
                }
            }))
        })
        .collect();
    let body = serde_json::json!({"type": "FeatureCollection", "features": features});
    Ok(json_with_etag(&headers, &body, "application/geo+json"))
}

pub async fn not_found() -> Response {
    AppError::NotFound.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_query_strings() {
        assert_eq!(
            url_pairs("city=prague&q=integra%C4%8Dn%C3%AD+centrum&open_now"),
            vec![
                ("city".to_string(), "prague".to_string()),
                ("q".to_string(), "integrační centrum".to_string()),
                ("open_now".to_string(), String::new()),
            ]
        );
        assert_eq!(
            url_pairs("q=100%"),
            vec![("q".to_string(), "100%".to_string())]
        );
    }
}
