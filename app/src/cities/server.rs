use super::City;
use leptos::prelude::*;

#[server]
pub async fn list_cities() -> Result<Vec<(City, i64)>, ServerFnError> {
    let state = crate::state::AppState::from_context()?;
    Ok(state.db.cities_with_counts().await?)
}
