//! POST routes: sending interest (rate-limited, no account) and withdrawing it.
use crate::http::form_post::{refused, shown_at, to, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("volunteering/interest", interest, limited),
        form_route!("dashboard/opportunities/submit", submit),
        form_route!("volunteering/withdraw", withdraw, limited),
    ])
}

/// The opportunity page the form sits on, from its own (checked) fields.
fn opportunity_page(v: &FormValues) -> String {
    let part = |k: &str| {
        v.get(k)
            .filter(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .cloned()
    };
    match (part("city"), part("slug")) {
        (Some(c), Some(s)) => format!("/{c}/volunteering/{s}"),
        _ => "/".into(),
    }
}

async fn interest(
    locale: Locale,
    state: AppState,
    _s: Session,
    mut parts: Parts,
    v: FormValues,
) -> Response {
    let base = crate::state::base_url_from(&state, &parts.headers);
    let days = state.config.interest_retention_days;
    match super::interest::send(&state.db, &v, locale, &base, days, state.now()).await {
        Ok(token) => to(locale, &format!("/volunteering/withdraw?token={token}&sent=1")),
        Err(r) => {
            shown_at(&mut parts, locale, &format!("{}#interest", opportunity_page(&v)));
            refused(&state, parts, &v, r).await
        }
    }
}

async fn withdraw(
    locale: Locale,
    state: AppState,
    _s: Session,
    mut parts: Parts,
    v: FormValues,
) -> Response {
    match super::interest::withdraw(&state.db, &v).await {
        Ok(()) => to(locale, "/volunteering/withdraw?done=1"),
        Err(r) => {
            shown_at(&mut parts, locale, "/volunteering/withdraw");
            refused(&state, parts, &v, r).await
        }
    }
}

async fn submit(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = format!(
        "/dashboard/opportunities/new{}",
        crate::http::form_post::id_query(&v, "opportunity")
    );
    let done = "/dashboard?submitted=1".to_string();
    crate::accounts::act::act(l, s, se, p, v, page, done, |st, u, v| async move {
        crate::listing::propose::propose::<super::draft::OpportunityDraft>(
            &st.db,
            u.as_ref(),
            &v,
            st.now(),
        )
        .await
        .map(|_| ())
    })
    .await
}
