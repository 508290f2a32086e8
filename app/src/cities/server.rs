use super::City;
use leptos::prelude::*;

#[server]
pub async fn list_cities() -> Result<Vec<(City, i64)>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    Ok(state.db.cities_with_counts().await?)
}

/// Every city with its names: the header's links, city labels and the
/// city choices of forms read it.
#[server]
pub async fn city_directory() -> Result<Vec<City>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    Ok(state.db.cities().await?)
}
