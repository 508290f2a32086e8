//! Server functions of the communities page, the group profile form and
//! the moderators' list of proposals. Each checks who is asking.
use super::model::{CommunitiesView, GroupProfileForm, GroupProfileStatus, ProposalItem};
use leptos::prelude::*;

/// The public page: verified community groups of `city` with an approved
/// profile, by language (`lang_used` narrows it to one). `lang` is the
/// page's language, for the share link.
#[server]
pub async fn communities(
    city: String,
    lang_used: String,
    lang: String,
) -> Result<CommunitiesView, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let lang = crate::locale::code(crate::locale::parse(&lang).unwrap_or_default());
    let share = format!("{}/{lang}/{city}/communities", crate::state::base_url(&state));
    let mut view = crate::page_error::from_service(
        super::service::communities(&state.db, &city, &lang_used, lang, share).await,
    )?;
    if let Some(l) = &view.lang_used {
        view.share_url.push_str(&format!("?lang_used={l}"));
    }
    Ok(view)
}

/// What the profile form starts from; the group's members only.
#[server]
pub async fn profile_form_data(
    organisation: i64,
) -> Result<GroupProfileForm, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?.ok_or_else(forbidden)?;
    let org =
        super::service::own_group(&state.db, &user, organisation).await?.ok_or_else(forbidden)?;
    Ok(super::service::form(&state.db, &org).await?)
}

/// Where the group's profile stands; the group's members only (a
/// suspended group's members too: they see why nothing is public).
#[server]
pub async fn profile_status(
    organisation: i64,
) -> Result<GroupProfileStatus, crate::page_error::PageError> {
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?.ok_or_else(forbidden)?;
    let org = state
        .db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .find(|o| o.id == organisation && o.kind == super::model::KIND_COMMUNITY_GROUP)
        .ok_or_else(forbidden)?;
    Ok(super::service::status(&state.db, &org).await?)
}

/// Proposals waiting for review, for moderators (of their city) and
/// admins (of `city`, or every city when empty).
#[server]
pub async fn pending_group_profiles(
    city: String,
) -> Result<Vec<ProposalItem>, crate::page_error::PageError> {
    use crate::accounts::model::Role;
    let state = crate::state::AppState::from_context()?;
    let user = crate::accounts::session::request_user(&state.db).await?;
    let Some(user) = user.filter(|u| u.role != Role::Member) else {
        return Err(forbidden());
    };
    let city = match user.moderated_city() {
        Some(own) => Some(own.to_string()),
        None => Some(city).filter(|c| !c.is_empty()),
    };
    Ok(super::service::pending(&state.db, city.as_deref()).await?)
}

#[cfg(feature = "ssr")]
use crate::page_error::forbidden;
