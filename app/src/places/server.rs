//! Server functions behind the map, list and place pages.
use super::model::{PlaceDetail, PlaceListing};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// `query` is the page's URL query string; unknown or bad parameters are
/// ignored and reported back so the page can say so.
#[server]
pub async fn list_places(
    city: String,
    query: String,
) -> Result<PlaceListing, crate::page_error::PageError> {
    use super::query::PlaceQuery;
    let state = crate::state::AppState::from_context()?;
    let params = crate::http::params::url_pairs(&query);
    let (mut query, mut errors) =
        PlaceQuery::parse(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &[]);
    let place = crate::values::ListingKind::Place;
    errors.extend(crate::categories::check_in_db(&state.db, place, &mut query.category).await?);
    let ignored = errors.into_iter().map(|e| e.param).collect();
    let mut listing = crate::page_error::from_service(
        super::service::listing(&state.db, &state.geo, &city, &query, ignored, state.now()).await,
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
    crate::page_error::from_service(detail)
}

/// Remembers the visitor's city for the start page (a functional cookie:
/// nothing else is stored about the visitor).
#[cfg(feature = "ssr")]
fn remember_city(slug: &str) {
    use axum::http::{header::SET_COOKIE, HeaderValue};
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        let cookie = format!(
            "{}={slug}; Path=/; Max-Age=31536000; SameSite=Lax",
            crate::cities::CITY_COOKIE
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            resp.append_header(SET_COOKIE, v);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceFormData {
    /// Who proposes, for which listing, with what values (as for every kind).
    pub form: crate::listing::draft::ListingFormData,
    /// Centre and zoom of the pin map (the place's city), JSON.
    pub map_view: String,
    pub tile_url: String,
    pub tile_attribution: String,
}

/// What the place form starts from: empty, or the place as the public sees
/// it. Members propose for their organisations; with `moderate`, a moderator
/// of the place's city edits it directly.
#[server]
pub async fn place_form(
    place: Option<i64>,
    moderate: bool,
    city: Option<String>,
    change: Option<i64>,
) -> Result<PlaceFormData, crate::page_error::PageError> {
    use crate::page_error::forbidden;
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?.ok_or_else(forbidden)?;
    let target =
        crate::listing::form::FormTarget { id: place, change, moderate, city: city.as_deref() };
    let blank = crate::places::draft::PlaceDraft::default();
    let form = crate::listing::form::form_data(&state.db, &user, target, blank)
        .await?
        .ok_or_else(forbidden)?;
    let map_view = match state.db.city(&form.city).await? {
        Some(c) => serde_json::json!({ "center": c.center, "zoom": c.zoom }).to_string(),
        None => String::new(),
    };
    Ok(PlaceFormData {
        form,
        map_view,
        tile_url: state.config.tile_url.clone(),
        tile_attribution: state.config.tile_attribution.clone(),
    })
}
