//! A city named by a request: a page's path (404 when unknown) or the
//! API's `city` parameter (400 naming it).
use super::City;
use crate::db::Db;
use crate::error::AppError;
use crate::state::AppState;

/// The city a page's path names; a malformed slug is not looked up.
pub async fn city_or_404(db: &Db, slug: &str) -> Result<City, AppError> {
    let slug = crate::values::CitySlug::parse(slug).ok_or(AppError::NotFound)?;
    db.city(&slug).await?.ok_or(AppError::NotFound)
}

pub fn required_city(pairs: &[(String, String)]) -> Result<String, AppError> {
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

pub async fn known_city(state: &AppState, slug: &str) -> Result<City, AppError> {
    let known = match crate::values::CitySlug::parse(slug) {
        Some(slug) => state.db.city(&slug).await?,
        None => None,
    };
    known.ok_or_else(|| unknown_city(slug))
}

pub fn unknown_city(slug: &str) -> AppError {
    AppError::BadParam { param: "city".into(), message: format!("unknown city `{slug}`") }
}
