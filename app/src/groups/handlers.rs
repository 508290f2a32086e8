//! The group profile forms' POST handlers (see `form_post`): members send
//! a proposal; moderators approve or reject it. Each checks who is asking.
use super::service::{review_profile, submit_profile, ProfileDecision};
use crate::accounts::act::act;
use crate::http::form_post::{id_field, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("dashboard/group/submit", submit),
        form_route!("moderation/groups/approve", review, ProfileDecision::Approve),
        form_route!("moderation/groups/reject", review, ProfileDecision::Reject),
    ])
}

async fn submit(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let org = id_field(&v, "organisation").unwrap_or_default();
    let page = format!("/dashboard/group?organisation={org}");
    let done = format!("/dashboard?group={org}#group-{org}");
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        submit_profile(&st.db, u.as_ref(), &v, st.now()).await.map(|_| ())
    })
    .await
}

async fn review(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    decision: ProfileDecision,
) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    // A refusal is shown again on the moderation page, at its proposal.
    let page = "/moderation".to_string();
    let done = "/moderation#group-proposals".to_string();
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        review_profile(&st.db, u.as_ref(), &v, decision, &base, st.now()).await
    })
    .await
}
