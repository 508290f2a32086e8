//! A listing's history, the same for every kind: its own audit entries and
//! the reviews of every change proposed for it, newest first.
use super::Listing;
use crate::db::Db;
use crate::values::AuditEntry;
use crate::values::CitySlug;

pub struct History {
    pub city: CitySlug,
    pub name: String,
    /// Its public page (an app path without language).
    pub page: String,
    pub entries: Vec<AuditEntry>,
}

/// The history of listing `id` of kind `D`; None when there is none.
pub async fn of<D: Listing>(db: &Db, id: i64) -> Result<Option<History>, sqlx::Error> {
    let Some(row) = D::row(db, id).await? else {
        return Ok(None);
    };
    let facts = D::facts(&row);
    Ok(Some(History {
        city: facts.city.clone(),
        name: facts.title.to_string(),
        page: format!("/{}/{}/{}", facts.city, D::KIND.section(), facts.slug),
        entries: db.listing_history(D::KIND.as_str(), id).await?,
    }))
}
