//! Server functions for the account pages. Each checks who is asking.
use super::model::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// False while an invited member has not chosen a password.
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub id: i64,
    pub name: String,
    pub registration_no: String,
    pub city: crate::values::CitySlug,
    /// unverified | verified | suspended
    pub status: crate::values::OrganisationStatus,
    pub status_note: Option<String>,
    /// ngo | community_group
    pub kind: String,
    pub members: Vec<MemberView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub moderator_city: Option<String>,
    pub organisations: Vec<OrganisationView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// The signed-in person's account, or None when nobody is signed in.
#[server]
pub async fn my_account() -> Result<Option<AccountView>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let Some(user) = super::session::request_user(&state.db).await? else {
        return Ok(None);
    };
    let mut organisations = Vec::new();
    for o in state.db.organisations_of(user.id).await? {
        // Only organisations the person belongs to: members see each other.
        let members = state
            .db
            .organisation_members(o.id)
            .await?
            .into_iter()
            .map(|m| MemberView {
                user_id: m.user_id,
                display_name: m.display_name,
                email: m.email,
                active: m.email_verified_at.is_some(),
            })
            .collect();
        organisations.push(OrganisationView {
            id: o.id,
            name: o.name,
            registration_no: o.registration_no,
            city: o.city,
            status: o.status,
            status_note: o.status_note,
            kind: o.kind,
            members,
        });
    }
    Ok(Some(AccountView {
        display_name: user.display_name,
        email: user.email,
        role: user.role,
        moderator_city: user.moderator_city,
        organisations,
    }))
}

/// The newest outbox messages; admins only.
#[server]
pub async fn outbox() -> Result<Vec<OutboxMessage>, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    if user.map(|u| u.role) != Some(Role::Admin) {
        return Err(forbidden());
    }
    Ok(state
        .db
        .outbox(100)
        .await?
        .into_iter()
        .map(|m| OutboxMessage {
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            created_at: m.created_at.to_string(),
            sent_at: m.sent_at.map(|t| t.to_string()),
            attempts: m.attempts,
            last_error: m.last_error,
        })
        .collect())
}

#[cfg(feature = "ssr")]
use crate::page_error::forbidden;

/// Admins' pages (cities, categories) ask this first: Ok for an admin, a
/// 403 for anyone else.
#[server]
pub async fn admin_only() -> Result<(), crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    if user.map(|u| u.role) != Some(Role::Admin) {
        return Err(forbidden());
    }
    Ok(())
}
