//! The moderators' POST handlers; each checks the role on the server.
use super::reports::{handle_report, report_problem};
use super::service::{decide_organisation, Decision};
use crate::accounts::act::act;
use crate::http::form_post::{FormRefusal, FormValues};
use crate::i18n::Locale;
use crate::kinds::review;
use crate::listing::form::{listing_page, new_in_city};
use crate::listing::freshness::ConfirmedBy;
use crate::listing::review::Review;
use crate::listing::ListingKind;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    let mut csv = Router::new();
    for &l in <Locale as leptos_i18n::Locale>::get_all() {
        let path = format!("/{}/moderation/audit.csv", leptos_i18n::Locale::as_str(l));
        let get = axum::routing::get(
            move |axum::extract::State(s): axum::extract::State<AppState>,
                  se: Session,
                  axum::extract::RawQuery(q): axum::extract::RawQuery| {
                super::audit::read::csv(s, se, l, q)
            },
        );
        csv = csv.route(&path, get);
        let path = format!("/{}/moderation/statistics.csv", leptos_i18n::Locale::as_str(l));
        let get = axum::routing::get(
            |axum::extract::State(s): axum::extract::State<AppState>,
             se: Session,
             axum::extract::RawQuery(q): axum::extract::RawQuery| {
                super::statistics::read::csv(s, se, q)
            },
        );
        csv = csv.route(&path, get);
    }
    csv.merge(forms())
}

fn forms() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("moderation/organisations/verify", organisation, Decision::Verify),
        form_route!("moderation/organisations/suspend", organisation, Decision::Suspend),
        form_route!("places/report", report, limited shown_at listing_page),
        form_route!("moderation/reports/handle", handle),
        form_route!("moderation/events/edit", edit_other, ListingKind::Event),
        form_route!("moderation/opportunities/edit", edit_other, ListingKind::Opportunity),
        form_route!("moderation/listings/unpublish", unpublish_other),
        form_route!("moderation/listings/assign", assign_other),
        form_route!("dashboard/places/confirm", confirm),
        form_route!("dashboard/listings/confirm", confirm),
        form_route!("moderation/listings/verify", verify),
        form_route!("moderation/changes/accept", change, Review::Accept),
        form_route!("moderation/changes/reject", change, Review::Reject),
        form_route!("moderation/changes/send-back", change, Review::SendBack),
        form_route!("moderation/changes/by-field", change, Review::ByField),
    ])
}

async fn report(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = listing_page(&v);
    let done = format!("{page}?reported=1#report");
    act(
        l,
        s,
        se,
        p,
        v,
        page,
        done,
        |st, _, v| async move { report_problem(&st.db, &v, st.now()).await },
    )
    .await
}

/// Back to the queue, which says what became of the item (see
/// pages::moderation::outcome).
fn decided(what: &str, v: &FormValues) -> String {
    match crate::http::form_post::id_field(v, what) {
        Some(id) => format!("/moderation?decided={what}-{id}"),
        None => "/moderation".into(),
    }
}

async fn handle(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let (page, done) = ("/moderation".to_string(), "/moderation".to_string());
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        handle_report(&st.db, u.as_ref(), &v, st.now()).await
    })
    .await
}

/// A member confirms from the dashboard that a listing (or the group's
/// profile) is still right. The places' form names the place in `place`;
/// the others send `kind` and `id`.
async fn confirm(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let (page, done) = ("/dashboard".to_string(), "/dashboard?confirmed=1".to_string());
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let (kind, id) = match crate::http::form_post::id_field(&v, "place") {
            Some(place) => (Some("place"), Some(place)),
            None => (v.get("kind").map(String::as_str), crate::http::form_post::id_field(&v, "id")),
        };
        crate::kinds::freshness::confirm(
            &st.db,
            u.as_ref(),
            kind,
            id,
            ConfirmedBy::Member,
            st.now(),
        )
        .await
    })
    .await
}

/// A moderator marks a listing verified from its page, or a group's profile
/// from the queue.
async fn verify(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = match v.get("listing").map(String::as_str) {
        Some("group") => "/moderation".to_string(),
        _ => listing_page(&v),
    };
    let done = format!("{page}?verified=1");
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let kind = v.get("listing").map(String::as_str);
        let id = crate::http::form_post::id_field(&v, "id");
        crate::kinds::freshness::confirm(
            &st.db,
            u.as_ref(),
            kind,
            id,
            ConfirmedBy::Moderator,
            st.now(),
        )
        .await
    })
    .await
}

async fn change(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    decision: Review,
) -> Response {
    let base = crate::state::base_url_from(&s, &p.headers);
    let (page, done) = ("/moderation".to_string(), decided("change", &v));
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        review(&st.db, &st.geo, u.as_ref(), &v, decision, &base, st.now()).await
    })
    .await
}

async fn organisation(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    decision: Decision,
) -> Response {
    let (page, done) = ("/moderation".to_string(), decided("organisation", &v));
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        decide_organisation(&st.db, u.as_ref(), &v, decision, st.now()).await.map(|_| ())
    })
    .await
}

/// A moderator's direct edit of an event or an opportunity.
async fn edit_other(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    kind: ListingKind,
) -> Response {
    // The moderators' edit pages: /moderation/events/edit?event=…,
    // /moderation/opportunities/edit?opportunity=….
    let key = kind.as_str();
    let section = kind.plural();
    if let Some(city) = new_in_city(&v, kind) {
        let page = format!("/moderation/{section}/edit?city={city}");
        return create(l, s, se, p, v, page, kind).await;
    }
    let id = crate::http::form_post::id_field(&v, key).unwrap_or_default();
    let page = format!("/moderation/{section}/edit?{key}={id}");
    let done = format!("/moderation/audit?kind={kind}&id={id}");
    let base = crate::state::base_url_from(&s, &p.headers);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        crate::with_listing_kind!(kind, |D| {
            crate::listing::edit::edit::<D>(&st.db, &st.geo, u.as_ref(), &v, &base, st.now()).await
        })
    })
    .await
}

/// A moderator adds a listing of `kind` directly; then its public page.
async fn create(
    l: Locale,
    s: AppState,
    se: Session,
    p: Parts,
    v: FormValues,
    page: String,
    kind: ListingKind,
) -> Response {
    crate::accounts::act::act_to(l, s, se, p, v, page, |st, u, v| async move {
        crate::with_listing_kind!(kind, |D| {
            crate::listing::edit::create::<D>(&st.db, &st.geo, u.as_ref(), &v, st.now()).await
        })
    })
    .await
}

/// Takes an event or opportunity off the site; the form sits on its page.
async fn unpublish_other(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let part = |k: &str| {
        v.get(k)
            .filter(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .cloned()
            .unwrap_or_default()
    };
    let kind = ListingKind::parse(&part("kind"));
    let section = kind.unwrap_or(ListingKind::Opportunity).section();
    let page = format!("/{}/{section}/{}", part("city"), part("slug"));
    let id = part("id");
    let done = format!("/moderation/audit?kind={}&id={id}", part("kind"));
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let id = crate::http::form_post::id_field(&v, "id");
        let (user, now) = (u.as_ref(), st.now());
        match kind {
            Some(kind) => crate::with_listing_kind!(kind, |D| {
                crate::listing::edit::take_down::<D>(&st.db, user, id, &v, now).await
            }),
            None => Err(FormRefusal::Forbidden),
        }
    })
    .await
}

/// A moderator gives a listing to an organisation, back to its page.
async fn assign_other(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = listing_page(&v);
    let done = format!("{page}?assigned=1#moderation");
    let base = crate::state::base_url_from(&s, &p.headers);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let kind = v.get("listing").and_then(|k| ListingKind::parse(k));
        let id = crate::http::form_post::id_field(&v, "id");
        let (user, now) = (u.as_ref(), st.now());
        match kind {
            Some(kind) => crate::with_listing_kind!(kind, |D| {
                crate::listing::assign::assign::<D>(&st.db, user, id, &v, &base, now).await
            }),
            None => Err(FormRefusal::Forbidden),
        }
    })
    .await
}
