use super::Category;
use leptos::prelude::*;

/// Every category (places and events) with its names: filters, forms and
/// labels read it.
#[server]
pub async fn category_directory() -> Result<Vec<Category>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    Ok(state.db.categories().await?)
}
