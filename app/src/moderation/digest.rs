//! The moderators' daily digest (outbox, then e-mail): how many proposals,
//! problem reports and organisations wait in the cities each moderates,
//! with a link to the queue. At most once a day each, only when something
//! waits. The server runs it every hour; it sends from 06:00 UTC (07:00 or
//! 08:00 in Central Europe), so officials find it at the start of their day.
use crate::db::{Db, NewMessage, Waiting};
use crate::i18n::td_string;
use crate::values::{Day, Timestamp};
use chrono::{DateTime, Timelike, Utc};
use leptos_i18n::Locale as _;

pub const SEND_FROM_HOUR_UTC: u32 = 6;

/// Queues today's digests not yet sent; how many were queued.
pub async fn send_digests(
    db: &Db,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    if now.hour() < SEND_FROM_HOUR_UTC {
        return Ok(0);
    }
    let day = Day::from(now.date_naive());
    let waiting = db.waiting_by_city().await?;
    let mut sent = 0;
    for r in db.digest_recipients(day).await? {
        let mut total = Waiting::default();
        for (city, w) in &waiting {
            if r.moderator_city.as_ref().is_none_or(|c| c == city) {
                total.proposals += w.proposals;
                total.reports += w.reports;
                total.organisations += w.organisations;
            }
        }
        if total == Waiting::default() {
            continue;
        }
        let locale = crate::locale::parse(&r.locale).unwrap_or_default();
        let message = NewMessage {
            recipient: r.email.clone(),
            subject: td_string!(locale, mail_digest_subject).to_string(),
            body: td_string!(
                locale,
                mail_digest_body,
                proposals = total.proposals,
                reports = total.reports,
                organisations = total.organisations,
                link = format!("{base_url}/{}/moderation", locale.as_str())
            )
            .to_string(),
        };
        if db.send_digest(r.id, day, &message, Timestamp::from(now)).await? {
            sent += 1;
        }
    }
    Ok(sent)
}
