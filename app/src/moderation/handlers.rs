//! The moderators' POST handlers; each checks the role on the server.
use super::service::{decide_organisation, Decision};
use crate::accounts::session::current_user;
use crate::form_post::{refused, shown_at, to, FormRoute, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Router;
use chrono::Utc;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::form_post::routes(vec![
        FormRoute {
            path: "moderation/organisations/verify",
            handler: |l, s, se, p, v| Box::pin(organisation(l, s, se, p, v, Decision::Verify)),
            limited: false,
        },
        FormRoute {
            path: "moderation/organisations/suspend",
            handler: |l, s, se, p, v| Box::pin(organisation(l, s, se, p, v, Decision::Suspend)),
            limited: false,
        },
    ])
}

async fn organisation(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
    decision: Decision,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match decide_organisation(&state.db, user.as_ref(), &values, decision, Utc::now()).await {
        Ok(_) => to(locale, "/moderation"),
        Err(r) => {
            shown_at(&mut parts, locale, "/moderation");
            refused(&state, parts, &values, r).await
        }
    }
}
