//! What the moderation queue shows; moderators and admins only.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationItem {
    pub id: i64,
    pub name: String,
    pub legal_form: String,
    pub registration_no: String,
    pub website: Option<String>,
    pub contact_person: String,
    pub city: String,
    pub status: String,
    pub status_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Queue {
    /// The city filter in force (a moderator of one city always has it).
    pub city: Option<String>,
    pub organisations: Vec<OrganisationItem>,
}

/// Organisations waiting for verification (or all, with `all`), of `city`
/// or of every city the asker moderates.
#[server]
pub async fn moderation_queue(city: String, all: bool) -> Result<Queue, ServerFnError> {
    use crate::accounts::model::Role;
    let state = crate::state::AppState::from_context()?;
    let user = match crate::accounts::session::from_request() {
        Some(s) => crate::accounts::session::current_user(&s, &state.db).await?,
        None => None,
    };
    let Some(user) = user.filter(|u| u.role != Role::Member) else {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(axum::http::StatusCode::FORBIDDEN);
        }
        return Err(ServerFnError::new("forbidden"));
    };
    let city = match super::service::moderated_city(&user) {
        Some(own) => Some(own.to_string()),
        None => Some(city).filter(|c| !c.is_empty()),
    };
    let status = (!all).then_some("unverified");
    let organisations = state
        .db
        .organisations(city.as_deref(), status)
        .await?
        .into_iter()
        .map(|o| OrganisationItem {
            id: o.id,
            name: o.name,
            legal_form: o.legal_form,
            registration_no: o.registration_no,
            website: o.website,
            contact_person: o.contact_person,
            city: o.city,
            status: o.status,
            status_note: o.status_note,
        })
        .collect();
    Ok(Queue {
        city,
        organisations,
    })
}
