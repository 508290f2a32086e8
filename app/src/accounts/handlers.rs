//! The account forms' POST handlers. A form that fails validation is rendered
//! again by the same page with what was typed and a message per field (HTTP
//! 422), so it works the same with JavaScript off; success redirects (303).
use super::forms::FormFeedback;
use super::model::{FieldErrors, FormError};
use super::service::{self, FormRefusal, FormValues};
use super::session::{self, current_user};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{request::Parts, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use chrono::Utc;
use leptos::prelude::provide_context;
use leptos_i18n::Locale as _;
use std::net::SocketAddr;
use tower_sessions::Session;

/// Form bodies are small; anything bigger is refused before parsing.
const MAX_FORM_BYTES: usize = 64 * 1024;

type Handler = fn(Locale, AppState, Session, Parts, FormValues) -> HandlerFuture;
type HandlerFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Response> + Send>>;

/// POST routes of the account forms, for every UI language.
pub fn routes() -> Router<AppState> {
    let forms: [(&str, Handler); 6] = [
        ("account/register", |l, s, se, p, v| {
            Box::pin(register(l, s, se, p, v))
        }),
        ("account/login", |l, s, se, p, v| {
            Box::pin(login(l, s, se, p, v))
        }),
        ("account/logout", |l, s, se, p, v| {
            Box::pin(logout(l, s, se, p, v))
        }),
        ("account/verify", |l, s, se, p, v| {
            Box::pin(verify(l, s, se, p, v))
        }),
        ("account/reset", |l, s, se, p, v| {
            Box::pin(reset(l, s, se, p, v))
        }),
        ("account/reset/confirm", |l, s, se, p, v| {
            Box::pin(reset_confirm(l, s, se, p, v))
        }),
    ];
    let mut router = Router::new();
    for &locale in Locale::get_all() {
        for (path, handler) in forms {
            router = router.route(
                &format!("/{}/{path}", locale.as_str()),
                post(
                    move |State(state): State<AppState>,
                          ConnectInfo(peer): ConnectInfo<SocketAddr>,
                          session: Session,
                          req: Request| async move {
                        let (parts, body) = req.into_parts();
                        let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
                            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
                        };
                        let values: FormValues =
                            form_urlencoded::parse(&bytes).into_owned().collect();
                        if limited(path) && !state.form_limiter.allow(peer.ip()) {
                            let refusal = FormRefusal::Form(FormError::TooManyAttempts);
                            let mut resp = refused(&state, parts, &values, refusal).await;
                            *resp.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                            return resp;
                        }
                        handler(locale, state, session, parts, values).await
                    },
                ),
            );
        }
    }
    router
}

/// Forms that guess passwords or send e-mail are rate-limited.
fn limited(path: &str) -> bool {
    matches!(path, "account/register" | "account/login" | "account/reset")
}

fn to(locale: Locale, path: &str) -> Response {
    Redirect::to(&crate::locale::localized_path(locale, path)).into_response()
}

/// Renders the page of this URL again, with the form's feedback.
pub async fn rerender(state: &AppState, mut parts: Parts, feedback: FormFeedback) -> Response {
    parts.method = Method::GET;
    let st = state.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(st.clone());
            provide_context(feedback.clone());
        },
        move || crate::app::shell(options.clone()),
    );
    let mut resp = render(Request::from_parts(parts, Body::empty())).await;
    if resp.status() == StatusCode::OK {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    resp
}

async fn refused(state: &AppState, parts: Parts, values: &FormValues, r: FormRefusal) -> Response {
    let feedback = match r {
        FormRefusal::Fields(errors) => FormFeedback::new(values, &errors, None),
        FormRefusal::Form(e) => FormFeedback::new(values, &FieldErrors::new(), Some(e)),
        FormRefusal::Internal(e) => return e.into_response(),
    };
    rerender(state, parts, feedback).await
}

async fn register(
    locale: Locale,
    state: AppState,
    _s: Session,
    parts: Parts,
    v: FormValues,
) -> Response {
    let base = crate::state::base_url_from(&state, &parts.headers);
    match service::register(&state.db, &v, locale, &base, Utc::now()).await {
        Ok(_) => to(locale, "/account/registered"),
        Err(r) => refused(&state, parts, &v, r).await,
    }
}

async fn login(
    locale: Locale,
    state: AppState,
    s: Session,
    parts: Parts,
    v: FormValues,
) -> Response {
    match service::sign_in(&state.db, &v).await {
        Ok(user) => match session::sign_in(&s, user.id, user.session_epoch).await {
            Ok(()) => to(locale, "/dashboard"),
            Err(e) => e.into_response(),
        },
        Err(r) => refused(&state, parts, &v, r).await,
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

async fn verify(
    locale: Locale,
    state: AppState,
    _s: Session,
    parts: Parts,
    v: FormValues,
) -> Response {
    let token = v.get("token").cloned().unwrap_or_default();
    match service::verify_email(&state.db, &token, Utc::now()).await {
        Ok(_) => to(locale, "/account/login?verified=1"),
        Err(r) => refused(&state, parts, &v, r).await,
    }
}

async fn reset(
    locale: Locale,
    state: AppState,
    _s: Session,
    parts: Parts,
    v: FormValues,
) -> Response {
    let base = crate::state::base_url_from(&state, &parts.headers);
    match service::request_reset(&state.db, &v, &base, Utc::now()).await {
        Ok(()) => to(locale, "/account/reset?sent=1"),
        Err(r) => refused(&state, parts, &v, r).await,
    }
}

async fn reset_confirm(
    locale: Locale,
    state: AppState,
    s: Session,
    parts: Parts,
    v: FormValues,
) -> Response {
    match service::finish_reset(&state.db, &v, Utc::now()).await {
        Ok(_) => match session::sign_out(&s).await {
            Ok(()) => to(locale, "/account/login?reset=1"),
            Err(e) => e.into_response(),
        },
        Err(r) => refused(&state, parts, &v, r).await,
    }
}
