//! An event in the listing core: proposed with the event form, held at one
//! of its organisation's places, at an address or online.
use super::draft::{draft_of, parse_event, to_new_event, EventDraft, Venue};
use crate::accounts::model::FieldErrors;
use crate::cities::City;
use crate::db::{Db, EventRow, NewEvent, NewMessage};
use crate::error::AppError;
use crate::http::form_post::FormValues;
use crate::listing::{Listing, Publish, RowFacts};
use crate::values::Timestamp;

/// Where an event at a place is: the place's point and district.
async fn venue_of(db: &Db, place: Option<i64>) -> Result<Venue, sqlx::Error> {
    let row = match place {
        Some(id) => db.row_by_id::<crate::db::PlaceRow>(id).await?,
        None => None,
    };
    Ok(Venue {
        lat: row.as_ref().and_then(|p| p.lat),
        lon: row.as_ref().and_then(|p| p.lon),
        district: row.and_then(|p| p.district),
    })
}

impl Listing for EventDraft {
    type Row = EventRow;
    type New = NewEvent;

    fn facts(row: &EventRow) -> RowFacts<'_> {
        RowFacts {
            id: row.id,
            city: &row.city,
            slug: &row.slug,
            title: &row.title,
            place: row.place_id,
            status: row.status,
        }
    }

    async fn owner(_db: &Db, row: &EventRow) -> Result<Option<i64>, sqlx::Error> {
        Ok(row.organisation_id)
    }

    async fn current(db: &Db, row: &EventRow, local_lang: &str) -> Result<Self, sqlx::Error> {
        let texts = db.descriptions(crate::values::ListingKind::Event, row.id).await?;
        let place = crate::listing::place_name(db, row.place_id).await?;
        let needs = db.needs_of(crate::values::ListingKind::Event, row.id).await?;
        Ok(EventDraft { needs, ..draft_of(row, &texts, local_lang, place) })
    }

    async fn parse(
        db: &Db,
        values: &FormValues,
        city: &City,
        places: &[(i64, String)],
    ) -> Result<Result<Self, FieldErrors>, sqlx::Error> {
        let kinds = db.category_keys(crate::values::ListingKind::Event).await?;
        Ok(parse_event(values, city, places, &kinds))
    }

    async fn publish(&self, db: &Db, p: Publish<'_, EventRow>) -> Result<NewEvent, AppError> {
        let owner = p.owner(|row| (row.organisation_id, row.organiser.clone()));
        let venue = venue_of(db, self.place).await?;
        to_new_event(self, p.slug, p.city, owner, venue, p.current).map_err(AppError::Internal)
    }

    fn write(new: &NewEvent) -> crate::db::Listing<'_> {
        crate::db::Listing::Event(new)
    }

    async fn take_down(
        db: &Db,
        row: &EventRow,
        reason: &str,
        actor: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let kept = (row.cancelled_dates.as_str(), row.status_note.as_deref());
        let kind = crate::listing::ListingKind::Event;
        crate::listing::unpublish(db, kind, row.id, kept, reason, actor, messages, now).await
    }
}
