//! The trait every kind of listing implements, and the helpers the pipeline
//! steps share.
use super::draft::ListingDraft;
use crate::accounts::model::FieldErrors;
use crate::cities::City;
use crate::db::{Db, NewMessage};
use crate::error::AppError;
use crate::geocode::Geo;
use crate::http::form_post::FormValues;
use crate::values::AuditAction;
use crate::values::CitySlug;
use crate::values::Day;
use crate::values::Organisation;
use crate::values::Timestamp;
use std::sync::Arc;

/// What the pipeline reads of a stored listing of any kind.
pub struct RowFacts<'a> {
    pub id: i64,
    pub city: &'a CitySlug,
    pub slug: &'a str,
    pub title: &'a str,
    /// The place it is held at (events, opportunities).
    pub place: Option<i64>,
    pub status: crate::values::Publication,
}

/// What publishing a draft needs besides the draft itself.
pub struct Publish<'a, R> {
    pub slug: &'a str,
    pub city: &'a City,
    /// The listing as the public sees it now; None for a new one.
    pub current: Option<&'a R>,
    /// The organisation whose proposal is accepted; None for a moderator's
    /// direct edit, which keeps the listing's owner.
    pub organisation: Option<&'a Organisation>,
    pub geo: &'a Arc<Geo>,
    /// The local date of publishing, YYYY-MM-DD.
    pub today: Day,
}

impl<R> Publish<'_, R> {
    /// The owner (id, name) the published listing gets: the proposing
    /// organisation, else the one it has (`had`), else none.
    pub fn owner(
        &self,
        had: impl Fn(&R) -> (Option<i64>, Option<String>),
    ) -> (Option<i64>, Option<String>) {
        match (self.organisation, self.current) {
            (Some(org), _) => (Some(org.id), Some(org.name.clone())),
            (None, Some(row)) => had(row),
            (None, None) => (None, None),
        }
    }
}

/// Takes a listing of `kind` off the site, keeping its cancelled dates and
/// note (events), audited with `reason`, `messages` queued; one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn unpublish(
    db: &Db,
    kind: super::ListingKind,
    id: i64,
    kept: (&str, Option<&str>),
    reason: &str,
    actor: i64,
    messages: &[NewMessage],
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let state = crate::db::ListingState {
        status: crate::values::Publication::Unpublished,
        cancelled_dates: kept.0,
        note: kept.1,
        details: String::new(),
    };
    db.set_listing_state(
        kind,
        id,
        &state,
        actor,
        AuditAction::Unpublished,
        Some(reason),
        messages,
        now,
    )
    .await?;
    Ok(true)
}

/// A kind of listing as the pipeline sees it: the draft (its form, parsed
/// once) grown with how it is loaded, parsed, published and taken down.
// Callers always name a concrete kind, so each future's `Send` is known
// where it is awaited; no dynamic dispatch needs the bound spelled out.
#[allow(async_fn_in_trait)]
pub trait Listing: ListingDraft + Send + Sync {
    /// The listing as stored.
    type Row: crate::db::StoredRow + Sync;
    /// The listing ready to write.
    type New: Send + Sync;

    async fn row(db: &Db, id: i64) -> Result<Option<Self::Row>, sqlx::Error> {
        db.row_by_id::<Self::Row>(id).await
    }

    /// The listing the public sees at `/{city}/{section}/{slug}`, if any.
    async fn published(db: &Db, city: &str, slug: &str) -> Result<Option<Self::Row>, sqlx::Error> {
        db.public_row::<Self::Row>(city, slug).await
    }

    fn facts(row: &Self::Row) -> RowFacts<'_>;

    /// The organisation that owns the listing, if any.
    async fn owner(db: &Db, row: &Self::Row) -> Result<Option<i64>, sqlx::Error>;

    /// The listing as its form and the review diff show it now.
    async fn current(db: &Db, row: &Self::Row, local_lang: &str) -> Result<Self, sqlx::Error>;

    /// The form, checked whole. `places`: the places the listing may name.
    async fn parse(
        db: &Db,
        values: &FormValues,
        city: &City,
        places: &[(i64, String)],
    ) -> Result<Result<Self, FieldErrors>, sqlx::Error>;

    /// The public listing this draft becomes.
    async fn publish(&self, db: &Db, p: Publish<'_, Self::Row>) -> Result<Self::New, AppError>;

    /// The data layer's view of the listing to write.
    fn write(new: &Self::New) -> crate::db::Listing<'_>;

    /// Takes the listing off the site; false when it already was.
    async fn take_down(
        db: &Db,
        row: &Self::Row,
        reason: &str,
        actor: i64,
        messages: &[NewMessage],
        now: Timestamp,
    ) -> Result<bool, sqlx::Error>;
}

/// The city's language, or "" for a city that is gone.
pub(crate) async fn local_lang(db: &Db, city: &str) -> Result<String, sqlx::Error> {
    Ok(db.city(city).await?.map(|c| c.local_lang).unwrap_or_default())
}

/// The name of the place a listing is held at.
pub(crate) async fn place_name(db: &Db, id: Option<i64>) -> Result<Option<String>, sqlx::Error> {
    Ok(match id {
        Some(id) => db.row_by_id::<crate::db::PlaceRow>(id).await?.map(|p| p.name),
        None => None,
    })
}

/// One message to each member of `org`, written in the member's language.
pub(crate) async fn tell_members(
    db: &Db,
    org: Option<i64>,
    write: impl Fn(crate::i18n::Locale) -> (String, String),
) -> Result<Vec<NewMessage>, sqlx::Error> {
    let Some(org) = org else {
        return Ok(Vec::new());
    };
    Ok(db
        .members_of(org)
        .await?
        .into_iter()
        .map(|(email, lang)| {
            let (subject, body) = write(crate::locale::parse(&lang).unwrap_or_default());
            NewMessage { recipient: email, subject, body }
        })
        .collect())
}
