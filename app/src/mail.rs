//! Sending the outbox by SMTP. Every message is first written to the outbox
//! in the same transaction as the change it reports (so a failure never
//! loses or half-sends it); when SMTP is configured a background sender
//! delivers what is waiting, retrying with growing pauses. Without SMTP the
//! messages stay in the outbox for an admin to read.
use crate::db::{Db, PendingMessage};
use crate::values::Timestamp;
use chrono::{DateTime, Duration, Utc};
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// After this many failed attempts a message is left for the admin to see.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long one sender holds a claim on a message.
const CLAIM_MINUTES: i64 = 5;
const BATCH: i64 = 50;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("WK_SMTP_URL is not a valid SMTP URL: {0}")]
    Url(String),
    #[error("WK_MAIL_FROM is not a valid address: {0}")]
    From(String),
}

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:25` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465` (TLS).
    pub fn new(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::From(e.to_string()))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, m: &PendingMessage) -> Result<(), String> {
        let to: Mailbox = m
            .recipient
            .parse()
            .map_err(|e: lettre::address::AddressError| format!("bad recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(m.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// Sends what is waiting in the outbox at `now`.
pub async fn deliver_pending(
    db: &Db,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<Delivery, sqlx::Error> {
    let until = Timestamp::from(now + Duration::minutes(CLAIM_MINUTES));
    let claimed = db.claim_unsent(Timestamp::from(now), until, MAX_ATTEMPTS, BATCH).await?;
    let mut delivery = Delivery::default();
    for m in claimed {
        match mailer.send(&m).await {
            Ok(()) => {
                db.mark_sent(m.id, Timestamp::from(Utc::now())).await?;
                delivery.sent += 1;
            }
            Err(e) => {
                tracing::warn!(message = m.id, "sending mail failed: {e}");
                db.mark_failed(m.id, &e, Timestamp::from(retry_at(now, m.attempts + 1))).await?;
                delivery.failed += 1;
            }
        }
    }
    Ok(delivery)
}

/// 1, 2, 4, … minutes after the n-th failure, at most six hours.
pub fn retry_at(now: DateTime<Utc>, failures: i64) -> DateTime<Utc> {
    let minutes = 1i64 << (failures - 1).clamp(0, 9);
    now + Duration::minutes(minutes.min(360))
}

/// Runs `deliver_pending` every `every` until the process ends.
pub fn spawn_sender(db: Db, mailer: Mailer, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = deliver_pending(&db, &mailer, Utc::now()).await {
                tracing::warn!("outbox delivery: {e}");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_stop_growing() {
        let now = Utc::now();
        assert_eq!(retry_at(now, 1) - now, Duration::minutes(1));
        assert_eq!(retry_at(now, 3) - now, Duration::minutes(4));
        assert_eq!(retry_at(now, 20) - now, Duration::minutes(360));
    }

    #[test]
    fn bad_settings_are_named() {
        // The SMTP pool starts a task, so it needs a runtime.
        let rt =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        let _inside = rt.enter();
        assert!(matches!(Mailer::new("ftp://example.org", "a@b.cz"), Err(MailError::Url(_))));
        assert!(matches!(
            Mailer::new("smtp://127.0.0.1:25", "not an address"),
            Err(MailError::From(_))
        ));
        assert!(Mailer::new("smtp://127.0.0.1:2525", "Welcome Kit <kit@example.org>").is_ok());
    }
}
