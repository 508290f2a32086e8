//! Freshness: a listing not confirmed for `stale_days` (default 180) is
//! flagged to moderators, and its organisation is reminded at most once in
//! `REMIND_AGAIN_DAYS`. Every function takes the clock, so tests fix it.
use crate::accounts::session::CurrentUser;
use crate::db::{Db, NewMessage, StaleRow};
use crate::form_post::{FormRefusal, FormValues};
use crate::i18n::td_string;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use leptos_i18n::Locale as _;
use std::collections::BTreeMap;

pub const DEFAULT_STALE_DAYS: i64 = 180;
pub const REMIND_AGAIN_DAYS: i64 = 30;

pub fn cutoff(now: DateTime<Utc>, stale_days: i64) -> String {
    (now - Duration::days(stale_days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A member confirms one of their organisation's places is still right.
pub async fn confirm(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let place = crate::form_post::id_field(values, "place").ok_or(FormRefusal::Forbidden)?;
    let owner = db
        .place_organisation(place)
        .await?
        .ok_or(FormRefusal::Forbidden)?;
    let member = db
        .organisations_of(user.id)
        .await?
        .iter()
        .any(|o| o.id == owner && o.status != "suspended");
    if !member {
        return Err(FormRefusal::Forbidden);
    }
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    db.confirm_place(place, &now.format("%Y-%m-%d").to_string(), user.id, &stamp)
        .await?;
    Ok(())
}

/// Queues one reminder per member of each organisation with stale places
/// not reminded in the last `REMIND_AGAIN_DAYS`; returns how many messages.
pub async fn remind(
    db: &Db,
    stale_days: i64,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let again =
        (now - Duration::days(REMIND_AGAIN_DAYS)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut by_org: BTreeMap<i64, Vec<StaleRow>> = BTreeMap::new();
    for p in db.stale_places(None, &cutoff(now, stale_days)).await? {
        let due = p.reminded_at.as_deref().is_none_or(|r| r < again.as_str());
        if let (Some(org), true) = (p.organisation_id, due) {
            by_org.entry(org).or_default().push(p);
        }
    }
    let mut places = Vec::new();
    let mut messages = Vec::new();
    for (org, stale) in by_org {
        let names = stale
            .iter()
            .map(|p| format!("- {}", p.name))
            .collect::<Vec<_>>()
            .join("\n");
        for (email, lang) in db.members_of(org).await? {
            let locale = crate::locale::parse(&lang).unwrap_or_default();
            messages.push(NewMessage {
                recipient: email,
                subject: td_string!(locale, mail_stale_subject).to_string(),
                body: td_string!(
                    locale,
                    mail_stale_body,
                    days = stale_days,
                    places = names.clone(),
                    link = format!("{base_url}/{}/dashboard", locale.as_str())
                )
                .to_string(),
            });
        }
        places.extend(stale.iter().map(|p| p.id));
    }
    db.send_reminders(&places, &messages, &stamp).await?;
    Ok(messages.len())
}
