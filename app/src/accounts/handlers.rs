//! The account forms' POST handlers (see `form_post` for how forms are
//! posted, refused and shown again).
use super::act::act;
use super::service;
use super::session::{self, current_user};
use crate::http::form_post::{refused, to, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_sessions::Session;

/// POST routes of the account forms, for every UI language.
pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("account/register", register, limited),
        form_route!("account/login", login, limited),
        form_route!("account/logout", logout),
        form_route!("account/verify", verify),
        form_route!("account/reset", reset, limited),
        form_route!("account/reset/confirm", reset_confirm),
        form_route!("dashboard/members/add", add_member, limited shown_at dashboard),
        form_route!("dashboard/members/remove", remove_member),
        form_route!("admin/people/invite", super::staff::invite::handler),
    ])
}

async fn register(l: Locale, s: AppState, _se: Session, p: Parts, v: FormValues) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    match service::register(&s.db, &v, l, &base, s.now()).await {
        Ok(_) => to(l, "/account/registered"),
        Err(r) => refused(&s, p, &v, r).await,
    }
}

async fn login(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    match service::sign_in(&s.db, &v).await {
        Ok(user) => match session::sign_in(&se, user.id, user.session_epoch).await {
            Ok(()) => to(l, "/dashboard"),
            Err(e) => e.into_response(),
        },
        Err(r) => refused(&s, p, &v, r).await,
    }
}

/// `everywhere=1` ends every session of the user, not only this one.
async fn logout(locale: Locale, state: AppState, s: Session, _p: Parts, v: FormValues) -> Response {
    if v.get("everywhere").is_some_and(|x| x == "1") {
        if let Ok(Some(user)) = current_user(&s, &state.db).await {
            if let Err(e) = state.db.bump_session_epoch(user.id).await {
                return crate::error::AppError::from(e).into_response();
            }
        }
    }
    match session::sign_out(&s).await {
        Ok(()) => to(locale, "/"),
        Err(e) => e.into_response(),
    }
}

async fn verify(l: Locale, s: AppState, _se: Session, p: Parts, v: FormValues) -> Response {
    let token = v.get("token").cloned().unwrap_or_default();
    match service::verify_email(&s.db, &token, s.now()).await {
        Ok(_) => to(l, "/account/login?verified=1"),
        Err(r) => refused(&s, p, &v, r).await,
    }
}

async fn reset(l: Locale, s: AppState, _se: Session, p: Parts, v: FormValues) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    match service::request_reset(&s.db, &v, &base, s.now()).await {
        Ok(()) => to(l, "/account/reset?sent=1"),
        Err(r) => refused(&s, p, &v, r).await,
    }
}

async fn reset_confirm(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    match service::finish_reset(&s.db, &v, s.now()).await {
        Ok(_) => match session::sign_out(&se).await {
            Ok(()) => to(l, "/account/login?reset=1"),
            Err(e) => e.into_response(),
        },
        Err(r) => refused(&s, p, &v, r).await,
    }
}

/// Adding sends e-mail, so it is rate-limited like registration.
/// The page the members' forms sit on.
fn dashboard(_: &FormValues) -> String {
    "/dashboard".into()
}

async fn add_member(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    let done = members_done(&v);
    let page = dashboard(&v);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        super::members::add_member(&st.db, u.as_ref(), &v, &base, st.now()).await
    })
    .await
}

async fn remove_member(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let done = members_done(&v);
    let page = dashboard(&v);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        super::members::remove_member(&st.db, u.as_ref(), &v, st.now()).await
    })
    .await
}

/// Back to the dashboard, at the organisation's members.
fn members_done(v: &FormValues) -> String {
    let org = crate::http::form_post::id_field(v, "organisation").unwrap_or_default();
    format!("/dashboard?members=1#members-{org}")
}
