//! Forms that act for whoever is signed in: the action checks what they may
//! do; success redirects, a refusal shows the page again with the form's
//! messages (`http::form_post`).
use super::session::{current_user, CurrentUser};
use crate::http::form_post::{refused, shown_at, to, FormRefusal, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use std::future::Future;
use tower_sessions::Session;

/// Runs one action for whoever is signed in (the action checks what they
/// may do): success redirects to `done`, a refusal shows `page` again with
/// the form's messages.
#[allow(clippy::too_many_arguments)]
pub async fn act<Fut>(
    locale: Locale,
    state: AppState,
    session: Session,
    parts: Parts,
    values: FormValues,
    page: String,
    done: String,
    action: impl FnOnce(AppState, Option<CurrentUser>, FormValues) -> Fut,
) -> Response
where
    Fut: Future<Output = Result<(), FormRefusal>>,
{
    act_to(locale, state, session, parts, values, page, |st, u, v| async move {
        action(st, u, v).await.map(|()| done)
    })
    .await
}

/// Like `act`, for an action that says where it leads (a page made by it).
pub async fn act_to<Fut>(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
    page: String,
    action: impl FnOnce(AppState, Option<CurrentUser>, FormValues) -> Fut,
) -> Response
where
    Fut: Future<Output = Result<String, FormRefusal>>,
{
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match action(state.clone(), user, values.clone()).await {
        Ok(done) => to(locale, &done),
        Err(r) => {
            shown_at(&mut parts, locale, &page);
            refused(&state, parts, &values, r).await
        }
    }
}

/// An admin's "add" form on `/admin/{section}` (cities, categories): anyone
/// else is refused; `action` gets the admin's id; done, the page says added.
pub async fn act_as_admin<Fut>(
    locale: Locale,
    state: AppState,
    session: Session,
    parts: Parts,
    values: FormValues,
    section: &str,
    action: impl FnOnce(AppState, i64, FormValues) -> Fut,
) -> Response
where
    Fut: Future<Output = Result<(), FormRefusal>>,
{
    let page = format!("/admin/{section}");
    let done = format!("{page}?added=1");
    act(locale, state, session, parts, values, page, done, |st, user, v| async move {
        let admin = user.filter(|u| u.role == super::model::Role::Admin);
        action(st, admin.ok_or(FormRefusal::Forbidden)?.id, v).await
    })
    .await
}
