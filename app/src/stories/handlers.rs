//! The story editor's POST handlers (see `form_post`): a moderator sends a
//! draft; someone else who moderates the city publishes it or sends it
//! back. Each checks who is asking.
use super::editor::{publish, reject, submit};
use crate::accounts::act::{act, act_to};
use crate::http::form_post::{id_field, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("moderation/stories/submit", send),
        form_route!("moderation/stories/publish", review, true),
        form_route!("moderation/stories/reject", review, false),
    ])
}

/// The editor's page for the form's city and story.
fn editor_page(v: &FormValues) -> String {
    let city: String = v
        .get("city")
        .map(|c| c.chars().filter(|x| x.is_ascii_lowercase() || *x == '-').collect())
        .unwrap_or_default();
    match id_field(v, "story") {
        Some(id) => format!("/moderation/stories/edit?city={city}&story={id}"),
        None => format!("/moderation/stories/edit?city={city}"),
    }
}

async fn send(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = editor_page(&v);
    act_to(l, s, se, p, v, page, |st, u, v| async move {
        submit(&st.db, u.as_ref(), &v, st.now()).await
    })
    .await
}

async fn review(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    accept: bool,
) -> Response {
    // A refusal is shown again on the moderation page, at its draft.
    let page = "/moderation".to_string();
    if accept {
        act_to(l, s, se, p, v, page, |st, u, v| async move {
            publish(&st.db, u.as_ref(), &v, st.now()).await
        })
        .await
    } else {
        let done = "/moderation#story-drafts".to_string();
        act(l, s, se, p, v, page, done, |st, u, v| async move {
            reject(&st.db, u.as_ref(), &v, st.now()).await
        })
        .await
    }
}
