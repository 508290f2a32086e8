//! Freshness of every kind of listing: one not confirmed for `stale_days`
//! (default 180) is flagged to moderators, and its organisation is reminded
//! at most once in `REMIND_AGAIN_DAYS`. Events that have ended and
//! opportunities no longer open are left alone. Every function takes the
//! clock, so tests fix it.
use super::core::{tell_members, Listing};
use super::ListingKind;
use crate::accounts::session::CurrentUser;
use crate::cities::City;
use crate::db::{Db, NewMessage, StaleRow};
use crate::http::form_post::FormRefusal;
use crate::i18n::td_string;
use crate::values::Timestamp;
use crate::values::{Day, OrganisationStatus};
use chrono::{DateTime, Duration, Utc};
use leptos_i18n::Locale as _;
use std::collections::BTreeMap;

pub const DEFAULT_STALE_DAYS: i64 = 180;
pub const REMIND_AGAIN_DAYS: i64 = 30;

/// The day before which a listing of `city` counts as not confirmed: the
/// city's own day `stale_days` ago, as "confirmed today" is the city's day.
pub fn cutoff(city: &City, now: DateTime<Utc>, stale_days: i64) -> Day {
    Day::from(city.today(now).date() - Duration::days(stale_days))
}

/// The city named, or every city.
pub async fn cities_in(db: &Db, city: Option<&str>) -> Result<Vec<City>, sqlx::Error> {
    match city {
        Some(slug) => Ok(db.city(slug).await?.into_iter().collect()),
        None => db.cities().await,
    }
}

/// What `stale_of` finds stale in each city of `cities`, with each city's
/// cutoff, oldest first.
pub async fn stale_in<F, Fut>(
    cities: &[City],
    now: DateTime<Utc>,
    stale_days: i64,
    stale_of: F,
) -> Result<Vec<StaleRow>, sqlx::Error>
where
    F: Fn(String, Day) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<StaleRow>, sqlx::Error>>,
{
    let mut rows = Vec::new();
    for city in cities {
        rows.extend(stale_of(city.slug.to_string(), cutoff(city, now, stale_days)).await?);
    }
    rows.sort_by_key(|r| (r.last_verified, r.id));
    Ok(rows)
}

/// Who says a listing is still right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmedBy {
    /// A member of its organisation, from the dashboard.
    Member,
    /// A moderator of its city, from its page (a listing the city imported
    /// has no organisation to do it).
    Moderator,
}

/// Marks the listing verified today, if `user` may as `by`.
pub async fn confirm<D: Listing>(
    db: &Db,
    user: Option<&CurrentUser>,
    id: Option<i64>,
    by: ConfirmedBy,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let (id, row) = match id {
        Some(id) => (id, D::row(db, id).await?),
        None => (0, None),
    };
    let row = row.ok_or(FormRefusal::Forbidden)?;
    let today =
        confirming_day(db, user, by, D::facts(&row).city, D::owner(db, &row).await?, now).await?;
    db.confirm_listing(D::KIND, id, today, user.id, Timestamp::from(now)).await?;
    Ok(())
}

/// The day (in `city`) a confirmation by `user` as `by` counts for, if they
/// may confirm a listing of `city` owned by `owner`: a moderator of the
/// city, or a member of the (not suspended) owning organisation.
pub async fn confirming_day(
    db: &Db,
    user: &CurrentUser,
    by: ConfirmedBy,
    city: &str,
    owner: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Day, FormRefusal> {
    let allowed = match (by, owner) {
        (ConfirmedBy::Moderator, _) => user.can_moderate(city),
        (ConfirmedBy::Member, Some(org)) => db
            .organisations_of(user.id)
            .await?
            .iter()
            .any(|o| o.id == org && o.status != OrganisationStatus::Suspended),
        (ConfirmedBy::Member, None) => false,
    };
    if !allowed {
        return Err(FormRefusal::Forbidden);
    }
    let city = db.city(city).await?.ok_or(FormRefusal::Forbidden)?;
    Ok(city.today(now))
}

/// Listings of every kind not confirmed since their city's `cutoff`, in
/// one city or all, each kind oldest first.
pub async fn stale(
    db: &Db,
    city: Option<&str>,
    stale_days: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(ListingKind, StaleRow)>, sqlx::Error> {
    let cities = cities_in(db, city).await?;
    let mut out = Vec::new();
    for &kind in ListingKind::ALL {
        let rows = stale_in(&cities, now, stale_days, |city, cutoff| async move {
            db.stale_listings(kind, Some(&city), cutoff, Timestamp::from(now)).await
        })
        .await?;
        out.extend(rows.into_iter().map(|row| (kind, row)));
    }
    Ok(out)
}

/// The reminder to each member of `org`, in their language, naming what is
/// stale (`names`, one "- name" a line) and linking their dashboard.
pub async fn reminder(
    db: &Db,
    org: i64,
    stale_days: i64,
    names: &str,
    base_url: &str,
) -> Result<Vec<NewMessage>, sqlx::Error> {
    tell_members(db, Some(org), |locale| {
        let subject = td_string!(locale, mail_stale_subject).to_string();
        let body = td_string!(
            locale,
            mail_stale_body,
            days = stale_days,
            places = names.to_string(),
            link = format!("{base_url}/{}/dashboard", locale.as_str())
        );
        (subject, body.to_string())
    })
    .await
}

/// Queues one reminder per member of each organisation with stale listings
/// not reminded in the last `REMIND_AGAIN_DAYS`; returns how many messages.
/// Safe to run as often as wanted: what was reminded waits a month.
pub async fn remind(
    db: &Db,
    stale_days: i64,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let again = Timestamp::from(now - Duration::days(REMIND_AGAIN_DAYS));
    let mut by_org: BTreeMap<i64, Vec<(ListingKind, StaleRow)>> = BTreeMap::new();
    for (kind, row) in stale(db, None, stale_days, now).await? {
        let due = row.reminded_at.is_none_or(|r| r < again);
        if let (Some(org), true) = (row.organisation_id, due) {
            by_org.entry(org).or_default().push((kind, row));
        }
    }
    let mut listings = Vec::new();
    let mut messages = Vec::new();
    for (org, stale) in by_org {
        let names =
            stale.iter().map(|(_, r)| format!("- {}", r.name)).collect::<Vec<_>>().join("\n");
        messages.extend(reminder(db, org, stale_days, &names, base_url).await?);
        listings.extend(stale.iter().map(|(k, r)| (*k, r.id)));
    }
    db.send_reminders(&listings, &messages, Timestamp::from(now)).await?;
    Ok(messages.len())
}
