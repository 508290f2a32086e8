//! POST routes of organisations' event forms: proposing an event or a
//! change (reviewed), and calling off dates or the series (at once).
use super::draft::EventDraft;
use super::manage::{change_status, StatusChange};
use crate::accounts::act::act;
use crate::http::form_post::FormValues;
use crate::i18n::Locale;
use crate::listing::propose::submit;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("dashboard/events/submit", submit::<EventDraft>),
        form_route!("dashboard/events/cancel", status, StatusChange::Cancel),
        form_route!("dashboard/events/restore", status, StatusChange::Restore),
        form_route!("moderation/events/cancel", status_on_page, StatusChange::Cancel),
        form_route!("moderation/events/restore", status_on_page, StatusChange::Restore),
    ])
}

async fn status(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    change: StatusChange,
) -> Response {
    let id = crate::http::form_post::id_field(&v, "event").unwrap_or_default();
    let page = "/dashboard".to_string();
    let done = format!("/dashboard?event_changed={id}#event-{id}");
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        change_status(&st.db, u.as_ref(), &v, change, st.now()).await
    })
    .await
}

/// The moderators' forms on an event's page: the same change, back to the
/// page (`city` and `slug` name it).
async fn status_on_page(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    mut v: FormValues,
    change: StatusChange,
) -> Response {
    v.insert("listing".into(), "event".into());
    let page = crate::listing::form::listing_page(&v);
    let done = format!("{page}?called_off=1#call-off");
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        change_status(&st.db, u.as_ref(), &v, change, st.now()).await
    })
    .await
}
