//! Server functions behind the map, list and place pages.
use super::model::{PlaceDetail, PlaceListing};
use leptos::prelude::*;

/// `query` is the page's URL query string; unknown or bad parameters are
/// ignored and reported back so the page can say so.
#[server]
pub async fn list_places(
    city: String,
    query: String,
) -> Result<PlaceListing, crate::page_error::PageError> {
    use super::query::PlaceQuery;
    let state = crate::state::AppState::from_context()?;
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let (mut query, mut errors) =
        PlaceQuery::parse(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &[]);
    errors.extend(query.known_category(&state.db.category_keys().await?));
    let ignored = errors.into_iter().map(|e| e.param).collect();
    let mut listing = not_found_status(
        super::service::listing(&state.db, &city, &query, ignored, state.now()).await,
    )?;
    listing.tile_url = state.config.tile_url.clone();
    listing.tile_attribution = state.config.tile_attribution.clone();
    remember_city(&listing.city.slug);
    Ok(listing)
}

#[server]
pub async fn get_place(
    city: String,
    slug: String,
    lang: String,
) -> Result<PlaceDetail, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let base = crate::state::base_url(&state);
    let detail = super::service::detail(&state.db, &city, &slug, &lang, &base, state.now()).await;
    not_found_status(detail)
}

/// A service result as a page error: 404 for a missing city or listing,
/// 400 for a bad parameter, 500 for a failure (the status set on the page).
#[cfg(feature = "ssr")]
pub fn not_found_status<T>(
    r: Result<T, crate::error::AppError>,
) -> Result<T, crate::page_error::PageError> {
    r.map_err(crate::page_error::PageError::from)
}

/// Remembers the visitor's city for the start page (a functional cookie:
/// nothing else is stored about the visitor).
#[cfg(feature = "ssr")]
fn remember_city(slug: &str) {
    use axum::http::{header::SET_COOKIE, HeaderValue};
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        let cookie = format!(
            "{}={slug}; Path=/; Max-Age=31536000; SameSite=Lax",
            crate::pages::home::CITY_COOKIE
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            resp.append_header(SET_COOKIE, v);
        }
    }
}
