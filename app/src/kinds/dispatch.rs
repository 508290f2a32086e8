//! The listing core's steps for a change whose kind is known only from the
//! database.
use crate::accounts::session::CurrentUser;
use crate::db::{ChangeRow, Db};
use crate::error::AppError;
use crate::geocode::Geo;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::listing::review::{ChangeSummary, Review};
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub async fn summarise(db: &Db, c: &ChangeRow) -> Result<ChangeSummary, AppError> {
    crate::with_listing_kind!(c.kind, |D| crate::listing::review::summarise::<D>(db, c).await)
}

/// A moderator's decision on the pending change the form names.
pub async fn review(
    db: &Db,
    geo: &Arc<Geo>,
    user: Option<&CurrentUser>,
    values: &FormValues,
    decision: Review,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let change = match crate::http::form_post::id_field(values, "change") {
        Some(id) => db.change(id).await?,
        None => None,
    }
    .ok_or(FormRefusal::Forbidden)?;
    crate::with_listing_kind!(change.kind, |D| {
        crate::listing::review::review::<D>(db, geo, user, change, values, decision, base_url, now)
            .await
    })
}
