//! Calling off one date of an event, or the whole series, and undoing it.
//! The organisation's members do this at once, without review: a
//! cancellation only takes away, and newcomers must learn of it before they
//! set out. Every step is audited; moderators of the city may do it too.
use crate::accounts::model::{FieldError, FieldErrors};
use crate::accounts::session::CurrentUser;
use crate::db::{Db, EventRow, ListingState};
use crate::http::form_post::{FormRefusal, FormValues};
use crate::values::AuditAction;
use crate::values::OrganisationStatus;
use crate::values::Publication;
use crate::values::Timestamp;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChange {
    Cancel,
    Restore,
}

/// The event of the form's `event` field, if the person may manage it.
async fn managed_event(
    db: &Db,
    user: &CurrentUser,
    values: &FormValues,
) -> Result<EventRow, FormRefusal> {
    let id = crate::http::form_post::id_field(values, "event").ok_or(FormRefusal::Forbidden)?;
    let row = db.row_by_id::<crate::db::EventRow>(id).await?.ok_or(FormRefusal::Forbidden)?;
    let member = match row.organisation_id {
        Some(org) => db
            .organisations_of(user.id)
            .await?
            .iter()
            .any(|o| o.id == org && o.status != OrganisationStatus::Suspended),
        None => false,
    };
    if member || user.can_moderate(&row.city) {
        Ok(row)
    } else {
        Err(FormRefusal::Forbidden)
    }
}

/// Whether the series has an occurrence starting on local date `d`.
fn happens_on(row: &EventRow, d: NaiveDate) -> bool {
    let Some(schedule) = crate::db::schedule_of(row) else {
        return false;
    };
    let day = |d: NaiveDate| {
        schedule
            .tz
            .from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let (Some(from), Some(to)) = (day(d), day(d + Duration::days(1))) else {
        return false;
    };
    schedule
        .between(from - schedule.duration, to, 50)
        .unwrap_or_default()
        .iter()
        .any(|o| o.start.with_timezone(&schedule.tz).date_naive() == d)
}

/// Cancels or restores one date (`date`) or the whole series (`series`).
/// An optional `note` says why ("the teacher is ill"); the page shows it.
pub async fn change_status(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    change: StatusChange,
    now: DateTime<Utc>,
) -> Result<(), FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let row = managed_event(db, user, values).await?;
    if row.status == Publication::Unpublished {
        return Err(FormRefusal::Forbidden);
    }
    let note = values.get("note").map(|n| n.trim()).unwrap_or("");
    if note.chars().count() > 300 {
        return Err(FormRefusal::Fields(FieldErrors::from([("note", FieldError::TooLong)])));
    }
    let mut dates: Vec<String> = row
        .cancelled_dates
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    let series = values.get("series").is_some_and(|s| !s.is_empty());
    let (status, action, details) = if series {
        match change {
            StatusChange::Cancel => {
                (Publication::Cancelled, AuditAction::Cancelled, "series".to_string())
            }
            StatusChange::Restore => {
                (Publication::Published, AuditAction::Restored, "series".to_string())
            }
        }
    } else {
        let raw = values.get("date").map(|d| d.trim()).unwrap_or("");
        let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .ok()
            .filter(|d| happens_on(&row, *d))
            .ok_or_else(|| {
                FormRefusal::Fields(FieldErrors::from([("date", FieldError::InvalidDate)]))
            })?;
        let date = date.format("%Y-%m-%d").to_string();
        match change {
            StatusChange::Cancel if !dates.contains(&date) => dates.push(date.clone()),
            StatusChange::Restore => dates.retain(|d| *d != date),
            StatusChange::Cancel => {}
        }
        dates.sort();
        let action = match change {
            StatusChange::Cancel => AuditAction::DateCancelled,
            StatusChange::Restore => AuditAction::DateRestored,
        };
        (row.status, action, date)
    };
    let note = match (series, change) {
        (true, StatusChange::Cancel) | (false, StatusChange::Cancel) if !note.is_empty() => {
            Some(note.to_string())
        }
        (true, StatusChange::Restore) => None,
        _ => row.status_note.clone(),
    };
    let joined = dates.join(",");
    let state = ListingState { status, cancelled_dates: &joined, note: note.as_deref(), details };
    let reason = values.get("note").map(|n| n.trim()).filter(|n| !n.is_empty());
    db.set_listing_state(
        crate::values::ListingKind::Event,
        row.id,
        &state,
        user.id,
        action,
        reason,
        &[],
        Timestamp::from(now),
    )
    .await?;
    Ok(())
}
