//! `GET /api/v1/opportunities?city=…&no_czech=true&lang=…&page=…` (JSON,
//! paginated, ETag/304, 400 naming a bad parameter).
use super::query::OpportunityQuery;
use crate::cities::{known_city, refuse, CityQuery};
use crate::error::AppError;
use crate::http::etag::json_with_etag;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn opportunities(
    State(state): State<AppState>,
    query: CityQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (q, errors) = OpportunityQuery::parse(query.params(), &[]);
    refuse(errors)?;
    let city = query.city;
    known_city(&state, &city).await?;
    let lang = q
        .lang
        .as_deref()
        .and_then(crate::locale::parse)
        .map(|l| crate::locale::code(l).to_string())
        .unwrap_or_else(|| "en".into());
    let listing = super::service::listing(&state.db, &city, &q, &lang, state.now()).await?;
    let body = serde_json::json!({
        "city": city,
        "total": listing.total,
        "page": listing.page,
        "per_page": listing.per_page,
        "opportunities": listing.items,
    });
    Ok(json_with_etag(&headers, &body, "application/json"))
}
