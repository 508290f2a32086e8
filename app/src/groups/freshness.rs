//! Freshness of community group profiles, as listings have it (see
//! `listing::freshness`): a public profile not confirmed for `stale_days` is
//! flagged to moderators and reminded to the group's members at most once a
//! month; members confirm it from the dashboard, moderators from their
//! queue.
use crate::accounts::session::CurrentUser;
use crate::db::{Db, StaleRow};
use crate::http::form_post::FormRefusal;
use crate::listing::freshness::{
    cities_in, confirming_day, reminder, stale_in, ConfirmedBy, REMIND_AGAIN_DAYS,
};
use crate::values::Timestamp;
use chrono::{DateTime, Duration, Utc};

/// Marks group `org`'s public profile checked today, if `user` may as `by`.
pub async fn confirm(
    db: &Db,
    user: Option<&CurrentUser>,
    org: Option<i64>,
    by: ConfirmedBy,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org = org.ok_or(FormRefusal::Forbidden)?;
    let (profile, _) = db.approved_group_profile(org).await?.ok_or(FormRefusal::Forbidden)?;
    let today = confirming_day(db, user, by, &profile.city, Some(org), now).await?;
    db.confirm_group_profile(org, today, user.id, Timestamp::from(now)).await?;
    Ok(())
}

/// Public group profiles not confirmed since their city's `cutoff`, in one
/// city or all, oldest first.
pub async fn stale(
    db: &Db,
    city: Option<&str>,
    stale_days: i64,
    now: DateTime<Utc>,
) -> Result<Vec<StaleRow>, sqlx::Error> {
    let cities = cities_in(db, city).await?;
    stale_in(&cities, now, stale_days, |city, cutoff| async move {
        db.stale_group_profiles(Some(&city), cutoff).await
    })
    .await
}

/// One reminder per member of each group with a stale profile not reminded
/// in the last `REMIND_AGAIN_DAYS`; returns how many messages.
pub async fn remind(
    db: &Db,
    stale_days: i64,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let again = Timestamp::from(now - Duration::days(REMIND_AGAIN_DAYS));
    let mut groups = Vec::new();
    let mut messages = Vec::new();
    for group in stale(db, None, stale_days, now).await? {
        if group.reminded_at.is_some_and(|r| r >= again) {
            continue;
        }
        let names = format!("- {}", group.name);
        messages.extend(reminder(db, group.id, stale_days, &names, base_url).await?);
        groups.push(group.id);
    }
    db.send_group_reminders(&groups, &messages, Timestamp::from(now)).await?;
    Ok(messages.len())
}
