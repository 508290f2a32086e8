//! Keeping listings fresh: organisations confirm their places, events and
//! opportunities (moderators may too), stale ones are flagged to moderators
//! and reminded to their organisations.
use super::accounts::queue_message;
use super::events::bump_events_version;
use super::places::bump_places_version;
use super::Tx;
use super::{append_audit, Db, NewAudit, NewMessage};
use crate::values::AuditAction;
use crate::values::ListingKind;
use crate::values::{Day, Timestamp};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct StaleRow {
    pub id: i64,
    pub city: crate::values::CitySlug,
    pub slug: String,
    pub name: String,
    pub organisation_id: Option<i64>,
    pub last_verified: Option<Day>,
    pub reminded_at: Option<Timestamp>,
}

/// The table, name column and "still on offer" condition of a kind. A
/// listing never confirmed counts as checked when it was last written.
fn freshness_sql(kind: ListingKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ListingKind::Place => ("places", "name", "$3 = $3"),
        // A series without an end, or one that has not ended yet.
        ListingKind::Event => ("events", "title", "(last_end_utc IS NULL OR last_end_utc > $3)"),
        // Open to apply, and a one-off still ahead.
        ListingKind::Opportunity => (
            "opportunities",
            "title",
            "(deadline IS NULL OR deadline >= substr($3, 1, 10)) \
             AND (schedule_kind <> 'one_off' OR date IS NULL OR date >= substr($3, 1, 10))",
        ),
    }
}

/// Moves the city's version of the pages that cache listings of `kind`.
pub(super) async fn bump_version(
    tx: &mut Tx<'_>,
    kind: ListingKind,
    city: &str,
) -> Result<(), sqlx::Error> {
    match kind {
        ListingKind::Place => bump_places_version(tx, city).await,
        ListingKind::Event => bump_events_version(tx, city).await,
        ListingKind::Opportunity => Ok(()),
    }
}

impl Db {
    /// Published listings of `kind` still on offer at `now` and last verified
    /// before `cutoff` (YYYY-MM-DD) or never, of one city or all, oldest
    /// first.
    pub async fn stale_listings(
        &self,
        kind: ListingKind,
        city: Option<&str>,
        cutoff: Day,
        now: Timestamp,
    ) -> Result<Vec<StaleRow>, sqlx::Error> {
        let (table, name, live) = freshness_sql(kind);
        let verified = if kind == ListingKind::Place {
            "last_verified"
        } else {
            "COALESCE(last_verified, substr(updated_at, 1, 10))"
        };
        let sql = format!(
            "SELECT id, city, slug, {name} AS name, organisation_id, \
             {verified} AS last_verified, reminded_at FROM {table} \
             WHERE status = 'published' AND ($1 = '' OR city = $1) AND {live} \
             AND ({verified} IS NULL OR {verified} < $2) \
             ORDER BY {verified}, id"
        );
        sql_as!(&sql, (city.unwrap_or(""), cutoff, now)).fetch_all(&self.pool).await
    }

    /// The listing is still right: verified today, by a member of its
    /// organisation or by a moderator (audited).
    pub async fn confirm_listing(
        &self,
        kind: ListingKind,
        id: i64,
        today: Day,
        actor: i64,
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let (table, ..) = freshness_sql(kind);
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "UPDATE {table} SET last_verified = $1, updated_at = $2 WHERE id = $3 RETURNING city"
        );
        let (city,): (String,) = sql_as!(&sql, (today, now, id)).fetch_one(&mut *tx).await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(actor), kind.as_str(), id, AuditAction::Confirmed)
                .details(format!("last verified {today}")),
            now,
        )
        .await?;
        bump_version(&mut tx, kind, &city).await?;
        tx.commit().await
    }

    /// Queues reminder messages and notes the time on the listings, together.
    pub async fn send_reminders(
        &self,
        listings: &[(ListingKind, i64)],
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        for (kind, id) in listings {
            let sql =
                format!("UPDATE {} SET reminded_at = $1 WHERE id = $2", freshness_sql(*kind).0);
            sql!(&sql, (now, id)).execute(&mut *tx).await?;
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
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let city: Option<(String,)> = sql_as!(
            "UPDATE places SET status = 'unpublished', status_note = $1, updated_at = $2 \
             WHERE id = $3 AND status = 'published' RETURNING city",
            (reason, now, id)
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some((city,)) = city else {
            return Ok(false);
        };
        append_audit(
            &mut tx,
            &NewAudit::of(Some(actor), "place", id, AuditAction::Unpublished)
                .reason(Some(reason.to_string())),
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
        sql_as!(
            "SELECT u.email, u.locale FROM users u JOIN memberships m ON m.user_id = u.id \
             WHERE m.organisation_id = $1 ORDER BY u.id",
            (org)
        )
        .fetch_all(&self.pool)
        .await
    }
}
