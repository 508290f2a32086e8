//! Freshness over everything a city publishes for an organisation: listings
//! of every kind and community group profiles. Moderators see one list of
//! what is stale and confirm any of it through one form.
use crate::accounts::session::CurrentUser;
use crate::db::{Db, StaleRow};
use crate::http::form_post::FormRefusal;
use crate::listing::freshness::ConfirmedBy;
use crate::listing::ListingKind;
use chrono::{DateTime, Utc};

/// What has not been confirmed for `stale_days`: its kind's name, its public
/// path after the city, and its row.
pub async fn stale(
    db: &Db,
    city: Option<&str>,
    stale_days: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(&'static str, String, StaleRow)>, sqlx::Error> {
    let listings = crate::listing::freshness::stale(db, city, stale_days, now).await?;
    let mut out: Vec<_> = listings
        .into_iter()
        .map(|(kind, row)| (kind.as_str(), format!("{}/{}", kind.section(), row.slug), row))
        .collect();
    // Group profiles are shown together on the city's communities page.
    for row in crate::groups::freshness::stale(db, city, stale_days, now).await? {
        out.push(("group", "communities".to_string(), row));
    }
    Ok(out)
}

/// Confirms the listing or group profile of `kind` ("group" or a listing
/// kind) and `id`, if `user` may as `by`.
pub async fn confirm(
    db: &Db,
    user: Option<&CurrentUser>,
    kind: Option<&str>,
    id: Option<i64>,
    by: ConfirmedBy,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    match kind {
        Some("group") => crate::groups::freshness::confirm(db, user, id, by, now).await,
        Some(k) => match ListingKind::parse(k) {
            Some(kind) => crate::with_listing_kind!(kind, |D| {
                crate::listing::freshness::confirm::<D>(db, user, id, by, now).await
            }),
            None => Err(FormRefusal::Forbidden),
        },
        None => Err(FormRefusal::Forbidden),
    }
}
