//! The moderators' POST handlers; each checks the role on the server.
use super::listings::{review, submit_place, Review};
use super::reports::{handle_report, report_problem};
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
        FormRoute {
            path: "places/report",
            handler: |l, s, se, p, v| Box::pin(report(l, s, se, p, v)),
            limited: true,
        },
        FormRoute {
            path: "moderation/reports/handle",
            handler: |l, s, se, p, v| Box::pin(handle(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "moderation/places/unpublish",
            handler: |l, s, se, p, v| Box::pin(unpublish(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "dashboard/places/confirm",
            handler: |l, s, se, p, v| Box::pin(confirm_place(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "dashboard/places/submit",
            handler: |l, s, se, p, v| Box::pin(submit(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "moderation/changes/accept",
            handler: |l, s, se, p, v| Box::pin(change(l, s, se, p, v, Review::Accept)),
            limited: false,
        },
        FormRoute {
            path: "moderation/changes/reject",
            handler: |l, s, se, p, v| Box::pin(change(l, s, se, p, v, Review::Reject)),
            limited: false,
        },
        FormRoute {
            path: "moderation/changes/send-back",
            handler: |l, s, se, p, v| Box::pin(change(l, s, se, p, v, Review::SendBack)),
            limited: false,
        },
    ])
}

/// The place page the report form sits on, from the form's own fields
/// (checked to be a plain path).
fn place_page(values: &FormValues) -> String {
    let part = |k: &str| {
        values
            .get(k)
            .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .cloned()
    };
    match (part("city"), part("slug")) {
        (Some(c), Some(s)) => format!("/{c}/places/{s}"),
        _ => "/".into(),
    }
}

async fn report(
    locale: Locale,
    state: AppState,
    _session: Session,
    mut parts: Parts,
    values: FormValues,
) -> Response {
    let page = place_page(&values);
    match report_problem(&state.db, &values, Utc::now()).await {
        Ok(()) => to(locale, &format!("{page}?reported=1#report")),
        Err(r) => {
            shown_at(&mut parts, locale, &page);
            refused(&state, parts, &values, r).await
        }
    }
}

async fn handle(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match handle_report(&state.db, user.as_ref(), &values, Utc::now()).await {
        Ok(()) => to(locale, "/moderation"),
        Err(r) => {
            shown_at(&mut parts, locale, "/moderation");
            refused(&state, parts, &values, r).await
        }
    }
}

async fn unpublish(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let page = place_page(&values);
    match super::freshness::unpublish(&state.db, user.as_ref(), &values, Utc::now()).await {
        Ok(()) => to(locale, "/moderation?unpublished=1"),
        Err(r) => {
            shown_at(&mut parts, locale, &page);
            refused(&state, parts, &values, r).await
        }
    }
}

async fn confirm_place(
    locale: Locale,
    state: AppState,
    session: Session,
    parts: Parts,
    values: FormValues,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match super::freshness::confirm(&state.db, user.as_ref(), &values, Utc::now()).await {
        Ok(()) => to(locale, "/dashboard?confirmed=1"),
        Err(r) => refused(&state, parts, &values, r).await,
    }
}

async fn submit(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match submit_place(&state.db, user.as_ref(), &values, Utc::now()).await {
        Ok(_) => to(locale, "/dashboard?submitted=1"),
        Err(r) => {
            let page = match values
                .get("place")
                .filter(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
            {
                Some(p) => format!("/dashboard/places/new?place={p}"),
                None => "/dashboard/places/new".to_string(),
            };
            shown_at(&mut parts, locale, &page);
            refused(&state, parts, &values, r).await
        }
    }
}

async fn change(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
    decision: Review,
) -> Response {
    let user = match current_user(&session, &state.db).await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let base = crate::state::base_url_from(&state, &parts.headers);
    match review(
        &state.db,
        user.as_ref(),
        &values,
        decision,
        &base,
        Utc::now(),
    )
    .await
    {
        Ok(()) => to(locale, "/moderation"),
        Err(r) => {
            shown_at(&mut parts, locale, "/moderation");
            refused(&state, parts, &values, r).await
        }
    }
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
