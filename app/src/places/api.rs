//! Read API: `/api/v1/cities`, `/api/v1/places`, `/api/v1/places.geojson`.
//! Bodies carry an ETag; a matching If-None-Match gets 304 Not Modified.
use super::query::PlaceQuery;
use super::service;
use crate::cities::{known_city, refuse, CityQuery};
use crate::error::AppError;
use crate::http::etag::json_with_etag;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

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
    params: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (mut query, mut errors) = PlaceQuery::parse(params.params(), &[]);
    let place = crate::values::ListingKind::Place;
    errors.extend(crate::categories::check_in_db(&state.db, place, &mut query.category).await?);
    refuse(errors)?;
    let city = params.city;
    known_city(&state, &city).await?;
    let listing =
        service::listing(&state.db, &state.geo, &city, &query, Vec::new(), state.now()).await?;
    let body = serde_json::json!({
        "city": city,
        "total": listing.total,
        "page": listing.page,
        "per_page": listing.per_page,
        "places": listing.places,
        "near": listing.near.map(|(lat, lon)| serde_json::json!({"lat": lat, "lon": lon})),
        "unplaced": listing.unplaced,
        "suggested_needs": listing.suggested_needs,
        "elsewhere": listing.elsewhere.iter()
            .map(|(city, n)| serde_json::json!({"city": city, "places": n}))
            .collect::<Vec<_>>(),
    });
    Ok(json_with_etag(&headers, &body, "application/json"))
}

pub async fn places_geojson(
    State(state): State<AppState>,
    CityQuery { city, rest, .. }: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some((k, _)) = rest.first() {
        return Err(AppError::BadParam { param: k.clone(), message: "unknown parameter".into() });
    }
    let city = known_city(&state, &city).await?;
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
