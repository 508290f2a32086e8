//! A volunteering opportunity in the listing core.
use super::draft::{draft_of, parse_opportunity, to_new_opportunity, OpportunityDraft};
use crate::accounts::model::FieldErrors;
use crate::cities::City;
use crate::db::{Db, NewMessage, NewOpportunity, OpportunityRow};
use crate::error::AppError;
use crate::http::form_post::FormValues;
use crate::listing::{Listing, Publish, RowFacts};
use crate::values::Timestamp;

impl Listing for OpportunityDraft {
    type Row = OpportunityRow;
    type New = NewOpportunity;

    fn facts(row: &OpportunityRow) -> RowFacts<'_> {
        RowFacts {
            id: row.id,
            city: &row.city,
            slug: &row.slug,
            title: &row.title,
            place: row.place_id,
            status: row.status,
        }
    }

    async fn owner(_db: &Db, row: &OpportunityRow) -> Result<Option<i64>, sqlx::Error> {
        Ok(row.organisation_id)
    }

    async fn current(db: &Db, row: &OpportunityRow, local_lang: &str) -> Result<Self, sqlx::Error> {
        let texts = db.descriptions(crate::values::ListingKind::Opportunity, row.id).await?;
        let place = crate::listing::place_name(db, row.place_id).await?;
        let needs = db.needs_of(crate::values::ListingKind::Opportunity, row.id).await?;
        Ok(OpportunityDraft { needs, ..draft_of(row, &texts, local_lang, place) })
    }

    async fn parse(
        _db: &Db,
        values: &FormValues,
        city: &City,
        places: &[(i64, String)],
    ) -> Result<Result<Self, FieldErrors>, sqlx::Error> {
        Ok(parse_opportunity(values, &city.local_lang, places))
    }

    async fn publish(
        &self,
        _db: &Db,
        p: Publish<'_, OpportunityRow>,
    ) -> Result<NewOpportunity, AppError> {
        let owner = p.owner(|row| (row.organisation_id, row.organiser.clone()));
        Ok(to_new_opportunity(self, p.slug, p.city, owner, p.current))
    }

    fn write(new: &NewOpportunity) -> crate::db::Listing<'_> {
        crate::db::Listing::Opportunity(new)
    }

    async fn take_down(
        db: &Db,
        row: &OpportunityRow,
        reason: &str,
        actor: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<bool, sqlx::Error> {
        let kind = crate::listing::ListingKind::Opportunity;
        crate::listing::unpublish(db, kind, row.id, ("", None), reason, actor, messages, now).await
    }
}
