//! An organisation proposes a new listing, an edit of one of its own, or an
//! edit of one the city imported (asking to take it over); the proposal
//! waits for review and the public sees nothing of it yet.
use super::core::Listing;
use super::form::{member_organisation, place_choices};
use crate::accounts::session::CurrentUser;
use crate::db::{Db, NewChange};
use crate::forms::FormError;
use crate::http::form_post::{id_query, FormRefusal, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::values::Timestamp;
use axum::http::request::Parts;
use axum::response::Response;
use chrono::{DateTime, Utc};
use tower_sessions::Session;

/// The organisations' form for a listing of kind `D` (new, or a change of
/// the one it names): sent, to the dashboard; refused, the form again.
pub async fn submit<D: Listing>(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
) -> Response {
    let page = format!("/dashboard/{}/new{}", D::KIND.plural(), id_query(&v, D::KIND.as_str()));
    // A change keeps the previous version public until accepted; a new
    // listing is not public at all until then: the dashboard says which.
    let done = match crate::http::form_post::id_field(&v, D::KIND.as_str()) {
        Some(_) => "/dashboard?submitted=change",
        None => "/dashboard?submitted=1",
    }
    .to_string();
    crate::accounts::act::act(l, s, se, p, v, page, done, |st, u, v| async move {
        propose::<D>(&st.db, u.as_ref(), &v, st.now()).await.map(|_| ())
    })
    .await
}

/// Stores the proposal made by the form; its id. The form names the listing
/// it edits in the field named after the kind (`place`, `event`, …).
pub async fn propose<D: Listing>(
    db: &Db,
    user: Option<&CurrentUser>,
    values: &FormValues,
    now: DateTime<Utc>,
) -> Result<i64, FormRefusal> {
    let user = user.ok_or(FormRefusal::Forbidden)?;
    let org = member_organisation(db, user, values).await?;
    let mut owned = false;
    let current = match crate::http::form_post::id_field(values, D::KIND.as_str()) {
        Some(id) => {
            let row = D::row(db, id).await?.ok_or(FormRefusal::Forbidden)?;
            // A listing the city imported has no organisation: proposing a
            // change to it asks to take it over, which accepting grants.
            match D::owner(db, &row).await? {
                Some(owner) if owner != org.id => return Err(FormRefusal::Forbidden),
                owner => owned = owner.is_some(),
            }
            Some((id, row))
        }
        None => None,
    };
    let facts = current.as_ref().map(|(_, r)| D::facts(r));
    let city_slug = facts.as_ref().map_or(org.city.as_str(), |f| f.city);
    let city = db.city(city_slug).await?.ok_or(FormRefusal::Forbidden)?;
    let places = place_choices(db, Some(org.id), &city.slug, facts.and_then(|f| f.place)).await?;
    let draft = D::parse(db, values, &city, &places).await?.map_err(FormRefusal::Fields)?;
    // An unchanged copy of the organisation's own public listing would
    // reach the queue as an empty diff. Asking to take over an imported
    // listing, or to put one taken down back, may change nothing.
    let public = |row: &D::Row| D::facts(row).status != crate::values::Publication::Unpublished;
    let shown = match current.as_ref() {
        Some((_, row)) => Some(D::current(db, row, &city.local_lang).await?),
        None => None,
    };
    let unchanged = shown.as_ref().is_some_and(|s| s.form_values() == draft.form_values());
    if unchanged && current.as_ref().is_some_and(|(_, row)| owned && public(row)) {
        return Err(FormRefusal::Form(FormError::NothingChanged));
    }
    let data = serde_json::to_string(&draft)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    let change = NewChange {
        kind: D::KIND,
        listing_id: current.map(|(id, _)| id),
        organisation_id: org.id,
        city: &city.slug,
        submitted_by: user.id,
        data,
        diff: super::draft::diff_json(shown.as_ref(), &draft),
    };
    Ok(db.submit_change(&change, Timestamp::from(now)).await?)
}
