//! The moderators' POST handlers; each checks the role on the server.
use super::reports::{handle_report, report_problem};
use super::service::{decide_organisation, Decision};
use crate::accounts::act::act;
use crate::http::form_post::{FormRefusal, FormRoute, FormValues};
use crate::i18n::Locale;
use crate::kinds::review;
use crate::listing::freshness::{confirm as confirm_as, ConfirmedBy};
use crate::listing::review::Review;
use crate::listing::ListingKind;
use crate::places::draft::PlaceDraft;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
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
            path: "moderation/places/edit",
            handler: |l, s, se, p, v| Box::pin(edit(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "moderation/events/edit",
            handler: |l, s, se, p, v| Box::pin(edit_other(l, s, se, p, v, ListingKind::Event)),
            limited: false,
        },
        FormRoute {
            path: "moderation/opportunities/edit",
            handler: |l, s, se, p, v| {
                Box::pin(edit_other(l, s, se, p, v, ListingKind::Opportunity))
            },
            limited: false,
        },
        FormRoute {
            path: "moderation/listings/unpublish",
            handler: |l, s, se, p, v| Box::pin(unpublish_other(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "dashboard/places/confirm",
            handler: |l, s, se, p, v| Box::pin(confirm(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "dashboard/listings/confirm",
            handler: |l, s, se, p, v| Box::pin(confirm(l, s, se, p, v)),
            limited: false,
        },
        FormRoute {
            path: "moderation/listings/verify",
            handler: |l, s, se, p, v| Box::pin(verify(l, s, se, p, v)),
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
fn listing_page(values: &FormValues) -> String {
    let part = |k: &str| {
        values
            .get(k)
            .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .cloned()
    };
    let listing = values.get("listing").map(String::as_str);
    let section = listing
        .and_then(ListingKind::parse)
        .unwrap_or(ListingKind::Place)
        .section();
    match (part("city"), part("slug")) {
        // Groups are listed together on the city's communities page.
        (Some(c), _) if listing == Some("group") => format!("/{c}/communities"),
        (Some(c), Some(s)) => format!("/{c}/{section}/{s}"),
        _ => "/".into(),
    }
}

async fn report(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = listing_page(&v);
    let done = format!("{page}?reported=1#report");
    act(l, s, se, p, v, page, done, |st, _, v| async move {
        report_problem(&st.db, &v, st.now()).await
    })
    .await
}

async fn handle(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let (page, done) = ("/moderation".to_string(), "/moderation".to_string());
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        handle_report(&st.db, u.as_ref(), &v, st.now()).await
    })
    .await
}

async fn unpublish(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = listing_page(&v);
    let done = "/moderation?unpublished=1".to_string();
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let id = crate::http::form_post::id_field(&v, "place");
        crate::listing::edit::take_down::<PlaceDraft>(&st.db, u.as_ref(), id, &v, st.now()).await
    })
    .await
}

async fn edit(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let id = crate::http::form_post::id_field(&v, "place").unwrap_or_default();
    let page = match new_in_city(&v, ListingKind::Place) {
        Some(city) => format!("/moderation/places/edit?city={city}"),
        None => format!("/moderation/places/edit?place={id}"),
    };
    if v.contains_key("locate") {
        return locate(l, s, se, p, v, page).await;
    }
    if new_in_city(&v, ListingKind::Place).is_some() {
        return create(l, s, se, p, v, page, ListingKind::Place).await;
    }
    let done = format!("{}?edited=1", listing_page(&v));
    let base = crate::state::base_url_from(&s, &p.headers);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        crate::listing::edit::edit::<PlaceDraft>(&st.db, &st.geo, u.as_ref(), &v, &base, st.now())
            .await
    })
    .await
}

/// Confirms the listing or community group profile of `kind` and `id`.
async fn confirm_named(
    st: &AppState,
    user: Option<&crate::accounts::session::CurrentUser>,
    kind: Option<&str>,
    id: Option<i64>,
    by: ConfirmedBy,
) -> Result<(), FormRefusal> {
    let now = st.now();
    match kind {
        Some("group") => crate::groups::freshness::confirm(&st.db, user, id, by, now).await,
        Some(k) => match ListingKind::parse(k) {
            Some(kind) => crate::with_listing_kind!(kind, |D| {
                confirm_as::<D>(&st.db, user, id, by, now).await
            }),
            None => Err(FormRefusal::Forbidden),
        },
        None => Err(FormRefusal::Forbidden),
    }
}

/// A member confirms from the dashboard that a listing (or the group's
/// profile) is still right. The places' form names the place in `place`;
/// the others send `kind` and `id`.
async fn confirm(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let (page, done) = (
        "/dashboard".to_string(),
        "/dashboard?confirmed=1".to_string(),
    );
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        let (kind, id) = match crate::http::form_post::id_field(&v, "place") {
            Some(place) => (Some("place"), Some(place)),
            None => (
                v.get("kind").map(String::as_str),
                crate::http::form_post::id_field(&v, "id"),
            ),
        };
        confirm_named(&st, u.as_ref(), kind, id, ConfirmedBy::Member).await
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
        confirm_named(&st, u.as_ref(), kind, id, ConfirmedBy::Moderator).await
    })
    .await
}

async fn submit(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = match v
        .get("place")
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        Some(p) => format!("/dashboard/places/new?place={p}"),
        None => "/dashboard/places/new".to_string(),
    };
    if v.contains_key("locate") {
        return locate(l, s, se, p, v, page).await;
    }
    let done = "/dashboard?submitted=1".to_string();
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        crate::listing::propose::propose::<PlaceDraft>(&st.db, u.as_ref(), &v, st.now())
            .await
            .map(|_| ())
    })
    .await
}

/// The place form's "find the address" button: fills in coordinates from
/// the address (nothing is saved) and shows the form again with what was
/// found, so it works the same without JavaScript.
async fn locate(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
    page: String,
) -> Response {
    use crate::forms::FormFeedback;
    use crate::geocode::Located;
    use crate::i18n::td_string;
    let Ok(Some(_user)) = crate::accounts::session::current_user(&session, &state.db).await else {
        return axum::http::StatusCode::FORBIDDEN.into_response();
    };
    // The city: the edited place's, else the organisation's.
    let city = match values.get("city").filter(|c| !c.is_empty()) {
        Some(c) => c.clone(),
        None => match crate::http::form_post::id_field(&values, "organisation") {
            Some(org) => match state.db.organisation(org).await {
                Ok(o) => o.map(|o| o.city.into()).unwrap_or_default(),
                Err(e) => return crate::error::AppError::from(e).into_response(),
            },
            None => String::new(),
        },
    };
    let address = values.get("address").cloned().unwrap_or_default();
    let mut shown = values.clone();
    let city = match state.db.city(&city).await {
        Ok(c) => c,
        Err(e) => return crate::error::AppError::from(e).into_response(),
    };
    let found = match &city {
        Some(c) => state.geo.locate(c, &address).await,
        None => Located::Unavailable,
    };
    let notice = match found {
        Located::Found { lat, lon, district } => {
            shown.insert("lat".into(), format!("{lat:.6}"));
            shown.insert("lon".into(), format!("{lon:.6}"));
            let district = district.unwrap_or_default();
            td_string!(locale, locate_found, address = address, district = district).to_string()
        }
        Located::NotFound => td_string!(locale, locate_not_found).to_string(),
        Located::Unavailable => td_string!(locale, locate_unavailable).to_string(),
    };
    let mut feedback = FormFeedback::new(&shown, &Default::default(), None);
    feedback.notice = Some(notice);
    crate::http::form_post::shown_at(&mut parts, locale, &page);
    crate::http::form_post::show_again(&state, parts, feedback).await
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
    let (page, done) = ("/moderation".to_string(), "/moderation".to_string());
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
    let (page, done) = ("/moderation".to_string(), "/moderation".to_string());
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        decide_organisation(&st.db, u.as_ref(), &v, decision, st.now())
            .await
            .map(|_| ())
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

/// The city a moderator's form adds a new listing to: the form names a
/// city (a slug) and no listing.
fn new_in_city(v: &FormValues, kind: ListingKind) -> Option<String> {
    // Only the kind's own id names a listing: an event's `place` is where it
    // is held.
    let listing = crate::http::form_post::id_field(v, kind.as_str()).is_some();
    v.get("city").map(|c| c.trim().to_string()).filter(|c| {
        !listing && !c.is_empty() && c.chars().all(|x| x.is_ascii_lowercase() || x == '-')
    })
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
