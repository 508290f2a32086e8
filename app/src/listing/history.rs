//! What a listing's history is headed with, the same for every kind: its
//! name, city and public page (the entries are the audit log's).
use super::Listing;
use crate::db::Db;
use crate::values::CitySlug;

pub struct Heading {
    pub city: CitySlug,
    pub name: String,
    /// Its public page (an app path without language).
    pub page: String,
}

/// The heading of listing `id` of kind `D`; None when there is none.
pub async fn heading<D: Listing>(db: &Db, id: i64) -> Result<Option<Heading>, sqlx::Error> {
    let Some(row) = D::row(db, id).await? else {
        return Ok(None);
    };
    let facts = D::facts(&row);
    Ok(Some(Heading {
        city: facts.city.clone(),
        name: facts.title.to_string(),
        page: format!("/{}/{}/{}", facts.city, D::KIND.section(), facts.slug),
    }))
}
