//! Keeping listings fresh: organisations confirm their places, stale ones are
//! flagged to moderators and reminded to their organisations.
use super::accounts::queue_message;
use super::places::bump_places_version;
use super::{append_audit, Db, NewAudit, NewMessage};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct StaleRow {
    pub id: i64,
    pub city: String,
    pub slug: String,
    pub name: String,
    pub organisation_id: Option<i64>,
    pub last_verified: Option<String>,
    pub reminded_at: Option<String>,
}

impl Db {
    /// Published places last verified before `cutoff` (YYYY-MM-DD) or never,
    /// of one city or all, oldest first.
    pub async fn stale_places(
        &self,
        city: Option<&str>,
        cutoff: &str,
    ) -> Result<Vec<StaleRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, city, slug, name, organisation_id, last_verified, reminded_at FROM places \
             WHERE status = 'published' AND ($1 = '' OR city = $1) \
             AND (last_verified IS NULL OR last_verified < $2) \
             ORDER BY last_verified, id",
        )
        .bind(city.unwrap_or(""))
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await
    }

    /// The organisation confirms a place is still right: verified today.
    pub async fn confirm_place(
        &self,
        id: i64,
        today: &str,
        actor: i64,
        now: &str,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let city: (String,) = sqlx::query_as("SELECT city FROM places WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("UPDATE places SET last_verified = $1, updated_at = $2 WHERE id = $3")
            .bind(today)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        append_audit(
            &mut tx,
            &NewAudit {
                actor: Some(actor),
                subject_kind: "place",
                subject_id: id,
                action: "confirmed",
                details: format!("last verified {today}"),
                reason: None,
            },
            now,
        )
        .await?;
        bump_places_version(&mut tx, &city.0).await?;
        tx.commit().await
    }

    /// Queues reminder messages and notes the time on the places, together.
    pub async fn send_reminders(
        &self,
        places: &[i64],
        messages: &[NewMessage],
        now: &str,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        for id in places {
            sqlx::query("UPDATE places SET reminded_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        tx.commit().await
    }

    /// Takes a place off the public site with a reason (audited); its
    /// organisation's members are told in the same transaction.
    pub async fn unpublish_place(
        &self,
        id: i64,
        reason: &str,
        actor: i64,
        messages: &[NewMessage],
        now: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let city: Option<(String,)> = sqlx::query_as(
            "UPDATE places SET status = 'unpublished', status_note = $1, updated_at = $2 \
             WHERE id = $3 AND status = 'published' RETURNING city",
        )
        .bind(reason)
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((city,)) = city else {
            return Ok(false);
        };
        append_audit(
            &mut tx,
            &NewAudit {
                actor: Some(actor),
                subject_kind: "place",
                subject_id: id,
                action: "unpublished",
                details: String::new(),
                reason: Some(reason.to_string()),
            },
            now,
        )
        .await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        bump_places_version(&mut tx, &city).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// E-mail addresses and languages of an organisation's members.
    pub async fn members_of(&self, org: i64) -> Result<Vec<(String, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT u.email, u.locale FROM users u JOIN memberships m ON m.user_id = u.id \
             WHERE m.organisation_id = $1 ORDER BY u.id",
        )
        .bind(org)
        .fetch_all(&self.pool)
        .await
    }
}
