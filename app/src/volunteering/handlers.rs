//! POST routes: sending interest (rate-limited, no account) and withdrawing
//! it; an organisation's opportunity form.
use super::draft::OpportunityDraft;
use crate::http::form_post::{refused, shown_at, to, FormValues};
use crate::i18n::Locale;
use crate::listing::propose::submit;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("volunteering/interest", interest, limited shown_at interest_form),
        form_route!("dashboard/opportunities/submit", submit::<OpportunityDraft>),
        form_route!("volunteering/withdraw", withdraw, limited shown_at withdraw_form),
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

/// Where the interest form is shown again when refused.
fn interest_form(v: &FormValues) -> String {
    format!("{}#interest", opportunity_page(v))
}

fn withdraw_form(_: &FormValues) -> String {
    "/volunteering/withdraw".into()
}

async fn interest(l: Locale, s: AppState, _se: Session, mut p: Parts, v: FormValues) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    let days = s.config.interest_retention_days;
    match super::interest::send(&s.db, &v, l, &base, days, s.now()).await {
        Ok(token) => to(l, &format!("/volunteering/withdraw?token={token}&sent=1")),
        Err(r) => {
            shown_at(&mut p, l, &interest_form(&v));
            refused(&s, p, &v, r).await
        }
    }
}

async fn withdraw(l: Locale, s: AppState, _se: Session, mut p: Parts, v: FormValues) -> Response {
    match super::interest::withdraw(&s.db, &v).await {
        Ok(()) => to(l, "/volunteering/withdraw?done=1"),
        Err(r) => {
            shown_at(&mut p, l, &withdraw_form(&v));
            refused(&s, p, &v, r).await
        }
    }
}
