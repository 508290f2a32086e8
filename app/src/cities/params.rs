//! A city named by a request: a page's path (404 when unknown) or the
//! API's `city` parameter (400 naming it).
use super::City;
use crate::db::Db;
use crate::error::AppError;
use crate::http::params::ParamError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

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

/// An API request's query: its required `city` and its other parameters.
pub struct CityQuery {
    pub city: String,
    pub rest: Vec<(String, String)>,
    /// The query as sent (a feed links to itself with it).
    pub raw: String,
}

impl CityQuery {
    /// The parameters besides `city`, as a kind's query parser takes them.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.rest.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CityQuery {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let raw = parts.uri.query().unwrap_or_default().to_string();
        let pairs = crate::http::params::url_pairs(&raw);
        let city = required_city(&pairs)?;
        let rest = pairs.into_iter().filter(|(k, _)| k != "city").collect();
        Ok(CityQuery { city, rest, raw })
    }
}

/// The first refused parameter as the API's 400, if any.
pub fn refuse(errors: Vec<ParamError>) -> Result<(), AppError> {
    match errors.into_iter().next() {
        Some(e) => Err(AppError::BadParam { param: e.param, message: e.message }),
        None => Ok(()),
    }
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
