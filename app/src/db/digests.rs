//! The moderators' daily digest: what waits in each city's queue, and who
//! was sent it on which day.
use super::accounts::{queue_message, NewMessage};
use super::Db;
use crate::values::{Day, Timestamp};

/// What waits for a city's moderators.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Waiting {
    pub proposals: i64,
    pub reports: i64,
    pub organisations: i64,
}

/// A moderator or admin who may get the digest today.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct DigestRecipient {
    pub id: i64,
    pub email: String,
    pub locale: String,
    /// None: every city.
    pub moderator_city: Option<String>,
}

impl Db {
    /// Per city: pending proposals (listing changes, group profiles, story
    /// drafts), open reports, organisations to verify.
    pub async fn waiting_by_city(
        &self,
    ) -> Result<std::collections::BTreeMap<String, Waiting>, sqlx::Error> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT city, 'proposals', COUNT(*) FROM listing_changes WHERE state = 'pending' GROUP BY city \
             UNION ALL SELECT o.city, 'proposals', COUNT(*) FROM group_profile_proposals p \
             JOIN organisations o ON o.id = p.organisation_id WHERE p.state = 'pending' GROUP BY o.city \
             UNION ALL SELECT city, 'proposals', COUNT(*) FROM story_drafts WHERE state = 'pending' GROUP BY city \
             UNION ALL SELECT city, 'reports', COUNT(*) FROM reports WHERE state = 'open' GROUP BY city \
             UNION ALL SELECT city, 'organisations', COUNT(*) FROM organisations \
             WHERE status = 'unverified' GROUP BY city",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out: std::collections::BTreeMap<String, Waiting> = Default::default();
        for (city, what, n) in rows {
            let w = out.entry(city).or_default();
            // Listing changes, group profiles and story drafts all wait for
            // a decision: one count.
            match what.as_str() {
                "proposals" => w.proposals += n,
                "reports" => w.reports += n,
                _ => w.organisations += n,
            }
        }
        Ok(out)
    }

    /// Moderators and admins with a confirmed address not yet sent the
    /// digest on `day`.
    pub async fn digest_recipients(&self, day: Day) -> Result<Vec<DigestRecipient>, sqlx::Error> {
        sql_as!(
            "SELECT u.id, u.email, u.locale, u.moderator_city FROM users u \
             WHERE u.role IN ('moderator', 'admin') AND u.email_verified_at IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM moderator_digests d WHERE d.user_id = u.id AND d.day = $1) \
             ORDER BY u.id",
            (day)
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Queues the digest for `user` and records the day, together; false
    /// when another instance sent it first.
    pub async fn send_digest(
        &self,
        user: i64,
        day: Day,
        message: &NewMessage,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let sent: Option<(i64,)> = sql_as!(
            "SELECT user_id FROM moderator_digests WHERE user_id = $1 AND day = $2",
            (user, day)
        )
        .fetch_optional(&mut *tx)
        .await?;
        if sent.is_some() {
            return Ok(false);
        }
        sql!("INSERT INTO moderator_digests (user_id, day) VALUES ($1, $2)", (user, day))
            .execute(&mut *tx)
            .await?;
        queue_message(&mut tx, message, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
