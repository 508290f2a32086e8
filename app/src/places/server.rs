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
    /// (id, name) of the organisations the member may submit for.
    pub organisations: Vec<(i64, String)>,
    /// The place being edited, if any, with its city and slug.
    pub place: Option<(i64, String, String)>,
    pub draft: crate::places::draft::PlaceDraft,
    /// The needs to tick, named in every language.
    pub needs: Vec<crate::needs::NeedLabel>,
    /// A moderator's direct edit (published at once) rather than a proposal.
    pub moderator_edit: bool,
    /// The city a moderator adds a new place to (the form carries it).
    pub new_in_city: Option<String>,
    /// Centre and zoom of the pin map (the place's city), JSON.
    pub map_view: String,
    pub tile_url: String,
    pub tile_attribution: String,
    /// The city's language, and the translations older than their source.
    pub local_lang: String,
    pub outdated: Vec<String>,
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
    use crate::places::draft::PlaceDraft;
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    let Some(user) = user else {
        return Err(crate::page_error::forbidden());
    };
    let reopened = match change.filter(|_| !moderate) {
        Some(c) => Some(
            crate::listing::form::reopened::<PlaceDraft>(&state.db, &user, c)
                .await?
                .ok_or_else(crate::page_error::forbidden)?,
        ),
        None => None,
    };
    let place = reopened.as_ref().map_or(place, |(listing, _)| *listing);
    let row = match place {
        Some(id) => Some(
            state
                .db
                .row_by_id::<crate::db::PlaceRow>(id)
                .await?
                .ok_or_else(crate::page_error::forbidden)?,
        ),
        None => None,
    };
    let mut organisations: Vec<(i64, String)> = Vec::new();
    // A moderator adding a place: a new one, owned by the city.
    let new_in_city = city.filter(|_| moderate && row.is_none());
    let mut city = row.as_ref().map(|r| r.city.to_string()).or(new_in_city.clone());
    if moderate {
        if !city.as_ref().is_some_and(|c| user.can_moderate(c)) {
            return Err(crate::page_error::forbidden());
        }
    } else {
        let owner = match &row {
            Some(r) => state.db.place_organisation(r.id).await?,
            None => None,
        };
        let orgs: Vec<_> = state
            .db
            .organisations_of(user.id)
            .await?
            .into_iter()
            .filter(|o| o.status != crate::values::OrganisationStatus::Suspended)
            // A place the city imported (no owner) may be asked for by any.
            .filter(|o| owner.is_none() || Some(o.id) == owner)
            .collect();
        city = city.or_else(|| orgs.first().map(|o| o.city.to_string()));
        organisations = orgs.into_iter().map(|o| (o.id, o.name)).collect();
        if organisations.is_empty() {
            return Err(crate::page_error::forbidden());
        }
    }
    let mut draft = PlaceDraft::default();
    let city = match city {
        Some(c) => state.db.city(&c).await?,
        None => None,
    };
    let local_lang = city.as_ref().map(|c| c.local_lang.clone()).unwrap_or_default();
    let mut outdated = Vec::new();
    if let Some(row) = &row {
        let texts = state.db.descriptions(crate::values::ListingKind::Place, row.id).await?;
        draft = crate::places::submission::draft_of(row, &texts, &local_lang);
        draft.needs = state.db.needs_of(crate::values::ListingKind::Place, row.id).await?;
        let full = state.db.listing_texts(crate::db::TextTable::Place, row.id).await?;
        outdated = crate::locale::content::outdated_langs(&full, &local_lang);
    }
    if let Some((_, proposed)) = reopened {
        draft = proposed;
    }
    let map_view = city
        .map(|c| serde_json::json!({ "center": c.center, "zoom": c.zoom }).to_string())
        .unwrap_or_default();
    Ok(PlaceFormData {
        organisations,
        place: row.map(|r| (r.id, r.city.into(), r.slug)),
        draft,
        needs: crate::needs::labels(),
        moderator_edit: moderate,
        new_in_city,
        map_view,
        tile_url: state.config.tile_url.clone(),
        tile_attribution: state.config.tile_attribution.clone(),
        local_lang,
        outdated,
    })
}
