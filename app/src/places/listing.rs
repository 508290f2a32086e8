//! A place in the listing core: proposed with the place form, published
//! with the district of its point.
use super::draft::PlaceDraft;
use super::submission::{draft_of, parse_draft, to_new_place};
use crate::accounts::model::FieldErrors;
use crate::cities::City;
use crate::db::{Db, NewMessage, NewPlace, PlaceRow};
use crate::error::AppError;
use crate::http::form_post::FormValues;
use crate::listing::{Listing, Publish, RowFacts};
use crate::values::Timestamp;

impl Listing for PlaceDraft {
    type Row = PlaceRow;
    type New = NewPlace;

    fn facts(row: &PlaceRow) -> RowFacts<'_> {
        RowFacts {
            id: row.id,
            city: &row.city,
            slug: &row.slug,
            title: &row.name,
            place: None,
            status: row.status,
        }
    }

    async fn owner(db: &Db, row: &PlaceRow) -> Result<Option<i64>, sqlx::Error> {
        db.place_organisation(row.id).await
    }

    async fn current(db: &Db, row: &PlaceRow, local_lang: &str) -> Result<Self, sqlx::Error> {
        let texts = db.descriptions(crate::values::ListingKind::Place, row.id).await?;
        let needs = db.needs_of(crate::values::ListingKind::Place, row.id).await?;
        Ok(PlaceDraft { needs, ..draft_of(row, &texts, local_lang) })
    }

    async fn parse(
        db: &Db,
        values: &FormValues,
        city: &City,
        _places: &[(i64, String)],
    ) -> Result<Result<Self, FieldErrors>, sqlx::Error> {
        let categories = db.category_keys(crate::values::ListingKind::Place).await?;
        Ok(parse_draft(values, city, &categories))
    }

    async fn publish(&self, _db: &Db, p: Publish<'_, PlaceRow>) -> Result<NewPlace, AppError> {
        let source = p.organisation.and_then(|o| o.website.clone());
        let mut place = to_new_place(self, p.slug, p.city, source, p.today);
        if let Some(row) = p.current {
            // Where the facts came from stays listed (an organisation taking
            // over an imported place adds its own site to the city's source).
            let mut sources = row.source_list();
            sources.extend(place.sources.drain(..).filter(|s| !row.source_list().contains(s)));
            place.sources = sources;
            // A moderator's edit leaves what the form does not show as it was.
            if p.organisation.is_none() {
                place.source_date = row.source_date.clone();
                place.status = row.status;
                place.last_verified = row.last_verified;
            }
        }
        place.district = match (p.current, place.lat, place.lon) {
            (Some(row), lat, lon) if (lat, lon) == (row.lat, row.lon) => row.district.clone(),
            (_, Some(lat), Some(lon)) => p.geo.district(p.city, lat, lon).await,
            _ => None,
        };
        Ok(place)
    }

    fn write(new: &NewPlace) -> crate::db::Listing<'_> {
        crate::db::Listing::Place(new)
    }

    async fn take_down(
        db: &Db,
        row: &PlaceRow,
        reason: &str,
        actor: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        db.unpublish_place(row.id, reason, actor, messages, now).await
    }
}
