//! Server functions of the volunteering pages and the dashboard.
use super::model::{InterestView, OpportunityDetail, OpportunityListing};
use leptos::prelude::*;

#[server]
pub async fn list_opportunities(
    city: String,
    query: String,
    lang: String,
) -> Result<(OpportunityListing, Vec<String>), crate::page_error::PageError> {
    use super::query::OpportunityQuery;
    let state = crate::state::AppState::from_context()?;
    let params = crate::http::params::url_pairs(&query);
    let (q, errors) =
        OpportunityQuery::parse(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &[]);
    let ignored = errors.into_iter().map(|e| e.param).collect();
    crate::page_error::from_service(
        super::service::listing(&state.db, &city, &q, &lang, state.now()).await,
    )
    .map(|l| (l, ignored))
}

#[server]
pub async fn get_opportunity(
    city: String,
    slug: String,
    lang: String,
) -> Result<OpportunityDetail, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let mut d = crate::page_error::from_service(
        super::service::detail(&state.db, &city, &slug, &lang, state.now()).await,
    )?;
    d.share_url = format!("{}/{lang}/{city}/volunteering/{slug}", crate::state::base_url(&state));
    d.retention_days = state.config.interest_retention_days;
    let posted = state
        .db
        .public_row::<crate::db::OpportunityRow>(&city, &slug)
        .await?
        .map(|o| o.updated_at.date().to_string())
        .unwrap_or_default();
    d.json_ld = super::service::json_ld(&d, &posted);
    Ok(d)
}

/// Interest requests for the signed-in member's organisations; nobody
/// else's (admins and moderators included: personal data stays with the
/// organisation).
#[server]
pub async fn my_interest() -> Result<Vec<InterestView>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let Some(user) = crate::accounts::session::request_user(&state.db).await? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for org in state.db.organisations_of(user.id).await? {
        for (r, title) in state.db.interest_for_organisation(org.id).await? {
            out.push(InterestView {
                opportunity: title,
                name: r.name,
                contact: r.contact,
                languages: r.languages,
                message: r.message,
                created_at: r.created_at.to_string(),
                delete_after: r.delete_after.to_string(),
            });
        }
    }
    Ok(out)
}

/// Whether a withdrawal link still has a request behind it.
#[server]
pub async fn interest_pending(token: String) -> Result<bool, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    Ok(state.db.interest_exists(&crate::accounts::tokens::hash(token.trim())).await?)
}

/// What the opportunity form starts from (see `event_form`).
#[server]
pub async fn opportunity_form(
    opportunity: Option<i64>,
    moderate: bool,
    city: Option<String>,
    change: Option<i64>,
) -> Result<crate::listing::draft::ListingFormData, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    // The page answers 403 too, not just the message.
    use crate::page_error::forbidden;
    let user = crate::accounts::session::request_user(&state.db).await?.ok_or_else(forbidden)?;
    let blank = super::draft::OpportunityDraft::default();
    let city = city.as_deref();
    let target = crate::listing::form::FormTarget { id: opportunity, change, moderate, city };
    crate::listing::form::form_data(&state.db, &user, target, blank).await?.ok_or_else(forbidden)
}
