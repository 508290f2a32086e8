//! Proposed listings and edits (`listing_changes`) and their review. Every
//! decision writes its audit entry and the message to the submitter in the
//! same transaction; accepting also publishes the listing.
use super::accounts::queue_message;
use super::decisions::{decide, Reviewed};
use super::events::{bump_events_version, upsert_event};
use super::places::{bump_places_version, upsert_place};
use super::volunteering::upsert_opportunity;
use super::Tx;
use super::{append_audit, Backend, Db, NewAudit, NewEvent, NewMessage, NewOpportunity, NewPlace};
use crate::values::CitySlug;
use crate::values::Day;
use crate::values::Timestamp;
use crate::values::{AuditAction, ListingKind, ReviewState};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ChangeRow {
    pub id: i64,
    pub kind: ListingKind,
    pub listing_id: Option<i64>,
    pub organisation_id: i64,
    pub city: crate::values::CitySlug,
    pub submitted_by: i64,
    pub data: String,
    pub state: crate::values::ReviewState,
    pub message: Option<String>,
    pub created_at: Timestamp,
    pub decided_at: Option<Timestamp>,
    /// A decision field by field: see `FieldOutcomes`.
    pub field_outcomes: Option<String>,
}

/// Which fields of a change a moderator accepted and which were sent back
/// (field keys of the kind's form).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FieldOutcomes {
    pub accepted: Vec<String>,
    pub sent_back: Vec<String>,
}

impl ChangeRow {
    pub fn outcomes(&self) -> Option<FieldOutcomes> {
        serde_json::from_str(self.field_outcomes.as_deref()?).ok()
    }
}

/// Accepting some fields of a change and sending the rest back with
/// `message`.
pub struct PartAccepted<'a> {
    pub message: &'a str,
    pub outcomes: &'a FieldOutcomes,
}

const CHANGE_COLUMNS: &str = "id, kind, listing_id, organisation_id, city, submitted_by, data, \
     state, message, created_at, decided_at, field_outcomes";

/// A proposal to store.
pub struct NewChange<'a> {
    pub kind: ListingKind,
    pub listing_id: Option<i64>,
    pub organisation_id: i64,
    pub city: &'a CitySlug,
    pub submitted_by: i64,
    pub data: String,
    /// What it changes, as the audit log keeps it (see `diff_json`).
    pub diff: String,
}

/// Which pending changes a moderator looks at.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChangeFilter<'a> {
    pub city: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub organisation: Option<i64>,
    /// Only changes waiting since before this time.
    pub created_before: Option<Day>,
}

impl Db {
    pub async fn submit_change(
        &self,
        c: &NewChange<'_>,
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let (id,): (i64,) = sql_as!(
            "INSERT INTO listing_changes (kind, listing_id, organisation_id, city, submitted_by, data, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            (c.kind, c.listing_id, c.organisation_id, c.city, c.submitted_by, &c.data, now)
        )
        .fetch_one(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            &NewAudit::of(Some(c.submitted_by), "listing_change", id, AuditAction::Submitted)
                .details(c.diff.clone()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn change(&self, id: i64) -> Result<Option<ChangeRow>, sqlx::Error> {
        let sql = format!("SELECT {CHANGE_COLUMNS} FROM listing_changes WHERE id = $1");
        sql_as!(&sql, (id)).fetch_optional(&self.pool).await
    }

    /// Pending changes, oldest first, of one city or all.
    /// Pending changes, oldest first, narrowed by `filter` (empty fields
    /// match everything).
    pub async fn pending_changes(
        &self,
        filter: &ChangeFilter<'_>,
    ) -> Result<Vec<ChangeRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {CHANGE_COLUMNS} FROM listing_changes \
             WHERE state = 'pending' AND ($1 = '' OR city = $1) AND ($2 = '' OR kind = $2) \
               AND ($3 = 0 OR organisation_id = $3) AND ($4 = '' OR created_at < $4) \
             ORDER BY id"
        );
        sql_as!(
            &sql,
            (
                filter.city.unwrap_or(""),
                filter.kind.unwrap_or(""),
                filter.organisation.unwrap_or(0),
                filter.created_before.map(|d| d.to_string()).unwrap_or_default()
            )
        )
        .fetch_all(&self.pool)
        .await
    }

    /// An organisation's changes, newest first.
    pub async fn changes_of_organisation(&self, org: i64) -> Result<Vec<ChangeRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {CHANGE_COLUMNS} FROM listing_changes WHERE organisation_id = $1 ORDER BY id DESC"
        );
        sql_as!(&sql, (org)).fetch_all(&self.pool).await
    }

    /// The places an organisation owns (published or not).
    pub async fn places_of_organisation(
        &self,
        org: i64,
    ) -> Result<Vec<(i64, CitySlug, String, String, Option<Day>)>, sqlx::Error> {
        sql_as!(
            "SELECT id, city, slug, name, last_verified FROM places \
             WHERE organisation_id = $1 ORDER BY name",
            (org)
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn place_organisation(&self, id: i64) -> Result<Option<i64>, sqlx::Error> {
        let row: Option<(Option<i64>,)> =
            sql_as!("SELECT organisation_id FROM places WHERE id = $1", (id))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|r| r.0))
    }

    pub async fn slug_taken(&self, city: &str, slug: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> =
            sql_as!("SELECT id FROM places WHERE city = $1 AND slug = $2", (city, slug))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// Rejects a pending change or sends it back (`state`), with the
    /// moderator's message. False if it was no longer pending.
    pub async fn decide_change(
        &self,
        id: i64,
        state: ReviewState,
        message: &str,
        moderator: i64,
        note: &NewMessage,
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if !decide(&mut tx, Reviewed::ListingChanges, id, state, Some(message), moderator, now)
            .await?
        {
            return Ok(false);
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(moderator), "listing_change", id, state.into())
                .reason(Some(message.to_string())),
            now,
        )
        .await?;
        queue_message(&mut tx, note, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Accepts a pending change: publishes `listing` (new or updated),
    /// links it to the organisation, and records the diff; nothing when the
    /// change was no longer pending or a new listing's slug was taken.
    #[allow(clippy::too_many_arguments)]
    pub async fn accept_change(
        &self,
        id: i64,
        organisation_id: i64,
        listing: Listing<'_>,
        diff: &str,
        moderator: i64,
        note: &NewMessage,
        now: Timestamp,
        today: Day,
        part: Option<PartAccepted<'_>>,
    ) -> Result<Written, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        // Accepted in part, the rest goes back to the organisation with the
        // message and each field's outcome.
        let (state, message, outcomes, action) = match &part {
            Some(p) => (
                ReviewState::ChangesRequested,
                Some(p.message.to_string()),
                serde_json::to_string(p.outcomes).ok(),
                AuditAction::PartlyAccepted,
            ),
            None => (ReviewState::Accepted, None, None, AuditAction::Accepted),
        };
        // A proposal for a new listing names none yet.
        let decided: Option<(Option<i64>,)> = sql_as!(
            "UPDATE listing_changes SET state = $1, decided_by = $2, decided_at = $3, \
             message = COALESCE($4, message), field_outcomes = $5 \
             WHERE id = $6 AND state = 'pending' RETURNING listing_id",
            (state, moderator, now, message.clone(), outcomes, id)
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some((target,)) = decided else {
            return Ok(Written::AlreadyDecided);
        };
        if target.is_none() && !slug_free(&mut tx, self.backend, &listing).await? {
            return Ok(Written::SlugTaken);
        }
        let listing_id = write_listing(&mut tx, &listing, now).await?;
        // Accepting publishes: a corrected version of a listing a moderator
        // took off the site comes back (a cancelled event stays cancelled).
        // The organisation has just checked it: verified today (the city's
        // day).
        let sql = format!(
            "UPDATE {} SET organisation_id = $1, last_verified = $3, \
             status = CASE WHEN status = 'unpublished' THEN 'published' ELSE status END \
             WHERE id = $2",
            listing.table()
        );
        sql!(&sql, (organisation_id, listing_id, today)).execute(&mut *tx).await?;
        sql!("UPDATE listing_changes SET listing_id = $1 WHERE id = $2", (listing_id, id))
            .execute(&mut *tx)
            .await?;
        // One entry: the listing's history finds it through the change,
        // which now names the listing.
        append_audit(
            &mut tx,
            &NewAudit::of(Some(moderator), "listing_change", id, action)
                .details(diff.to_string())
                .reason(message),
            now,
        )
        .await?;
        queue_message(&mut tx, note, now).await?;
        tx.commit().await?;
        Ok(Written::Done(listing_id))
    }
}

/// A listing to publish, of any kind.
#[derive(Clone, Copy)]
pub enum Listing<'a> {
    Place(&'a NewPlace),
    Event(&'a NewEvent),
    Opportunity(&'a NewOpportunity),
}

impl Listing<'_> {
    pub fn kind(&self) -> &'static str {
        self.listing_kind().as_str()
    }

    fn listing_kind(&self) -> ListingKind {
        match self {
            Listing::Place(_) => ListingKind::Place,
            Listing::Event(_) => ListingKind::Event,
            Listing::Opportunity(_) => ListingKind::Opportunity,
        }
    }

    fn table(&self) -> &'static str {
        table_of(self.listing_kind())
    }

    fn city_and_slug(&self) -> (&str, &str) {
        match self {
            Listing::Place(p) => (p.city.as_str(), &p.slug),
            Listing::Event(e) => (e.city.as_str(), &e.slug),
            Listing::Opportunity(o) => (o.city.as_str(), &o.slug),
        }
    }
}

/// What writing a listing came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Done(i64),
    /// Another moderator decided the change first; nothing written.
    AlreadyDecided,
    /// A new listing's slug was taken since it was chosen; nothing written
    /// (choose another and write again).
    SlugTaken,
}

/// Whether a new listing's slug is still free, asked inside the writing
/// transaction so that no other listing takes it before the commit: SQLite's
/// writing transaction holds the whole database; PostgreSQL first takes a
/// lock on the slug, so two writers of one slug wait for each other (the
/// later one then sees the earlier one's listing).
async fn slug_free(
    tx: &mut Tx<'_>,
    backend: Backend,
    l: &Listing<'_>,
) -> Result<bool, sqlx::Error> {
    let (city, slug) = l.city_and_slug();
    if backend == Backend::Postgres {
        sql!("SELECT pg_advisory_xact_lock(hashtext($1))", (format!("{}:{city}:{slug}", l.kind())))
            .execute(&mut **tx)
            .await?;
    }
    let sql = format!("SELECT id FROM {} WHERE city = $1 AND slug = $2", l.table());
    let row: Option<(i64,)> = sql_as!(&sql, (city, slug)).fetch_optional(&mut **tx).await?;
    Ok(row.is_none())
}

/// The table of a kind of listing (only these three names ever reach SQL).
pub(super) fn table_of(kind: ListingKind) -> &'static str {
    match kind {
        ListingKind::Place => "places",
        ListingKind::Event => "events",
        ListingKind::Opportunity => "opportunities",
    }
}

/// Writes the listing and its audit entry (`action`, the diff, the reason).
async fn write_audited(
    tx: &mut Tx<'_>,
    listing: Listing<'_>,
    action: AuditAction,
    diff: &str,
    actor: i64,
    reason: Option<&str>,
    now: Timestamp,
) -> Result<i64, sqlx::Error> {
    let id = write_listing(tx, &listing, now).await?;
    let audit = NewAudit::of(Some(actor), listing.kind(), id, action)
        .details(diff.to_string())
        .reason(reason.map(str::to_string));
    append_audit(tx, &audit, now).await?;
    Ok(id)
}

/// Writes the listing and moves its city's version where pages cache it.
async fn write_listing(
    tx: &mut Tx<'_>,
    l: &Listing<'_>,
    now: Timestamp,
) -> Result<i64, sqlx::Error> {
    Ok(match l {
        Listing::Place(p) => {
            let id = upsert_place(tx, p, now).await?;
            bump_places_version(tx, &p.city).await?;
            id
        }
        Listing::Event(e) => {
            let id = upsert_event(tx, e, now).await?;
            bump_events_version(tx, &e.city).await?;
            id
        }
        Listing::Opportunity(o) => upsert_opportunity(tx, o, now).await?,
    })
}

impl Db {
    /// A moderator's direct edit: the listing is replaced at once and the
    /// diff and reason go to the audit log; the organisation is told.
    pub async fn edit_listing(
        &self,
        listing: Listing<'_>,
        diff: &str,
        actor: i64,
        reason: Option<&str>,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let id =
            write_audited(&mut tx, listing, AuditAction::Edited, diff, actor, reason, now).await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// A listing a moderator adds directly (owned by the city), with its
    /// audit entry; one transaction. Nothing when its slug was taken since
    /// it was chosen.
    pub async fn add_listing(
        &self,
        listing: Listing<'_>,
        diff: &str,
        actor: i64,
        reason: Option<&str>,
        now: Timestamp,
    ) -> Result<Written, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if !slug_free(&mut tx, self.backend, &listing).await? {
            return Ok(Written::SlugTaken);
        }
        let id =
            write_audited(&mut tx, listing, AuditAction::Created, diff, actor, reason, now).await?;
        tx.commit().await?;
        Ok(Written::Done(id))
    }

    /// Sets an event's or opportunity's status (and, for events, the dates
    /// called off), with its audit entry and messages, in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn set_listing_state(
        &self,
        kind: ListingKind,
        id: i64,
        state: &ListingState<'_>,
        actor: i64,
        action: AuditAction,
        reason: Option<&str>,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let table = table_of(kind);
        let sql = format!("UPDATE {table} SET status = $1, updated_at = $2 WHERE id = $3");
        sql!(&sql, (state.status, now, id)).execute(&mut *tx).await?;
        if table == "events" {
            sql!(
                "UPDATE events SET cancelled_dates = $1, status_note = $2 WHERE id = $3",
                (state.cancelled_dates, state.note, id)
            )
            .execute(&mut *tx)
            .await?;
        }
        append_audit(
            &mut tx,
            &NewAudit::of(Some(actor), kind.as_str(), id, action)
                .details(state.details.clone())
                .reason(reason.map(str::to_string)),
            now,
        )
        .await?;
        for m in messages {
            queue_message(&mut tx, m, now).await?;
        }
        if table == "events" {
            let (city,): (String,) =
                sql_as!("SELECT city FROM events WHERE id = $1", (id)).fetch_one(&mut *tx).await?;
            bump_events_version(&mut tx, &city).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether a listing of `kind` in `city` already has `slug`.
    pub async fn listing_slug_taken(
        &self,
        kind: ListingKind,
        city: &str,
        slug: &str,
    ) -> Result<bool, sqlx::Error> {
        let sql = format!("SELECT id FROM {} WHERE city = $1 AND slug = $2", table_of(kind));
        let row: Option<(i64,)> = sql_as!(&sql, (city, slug)).fetch_optional(&self.pool).await?;
        Ok(row.is_some())
    }
}

/// What an event's or opportunity's state becomes.
pub struct ListingState<'a> {
    pub status: crate::values::Publication,
    /// Comma-separated local dates (events only).
    pub cancelled_dates: &'a str,
    pub note: Option<&'a str>,
    /// What changed, for the audit log.
    pub details: String,
}
