//! The place forms' POST handlers: an organisation proposes a place, a
//! moderator edits or adds one (taking down is the listings' form), and
//! both can look up an address. Each runs through the listing core, which checks who may.
use crate::accounts::act::{act, act_to};
use crate::http::form_post::FormValues;
use crate::i18n::Locale;
use crate::listing::form::{listing_page, new_in_city};
use crate::listing::ListingKind;
use crate::places::draft::PlaceDraft;
use crate::state::AppState;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![
        form_route!("moderation/places/edit", edit),
        form_route!("dashboard/places/submit", submit),
    ])
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
    if v.contains_key("check_hours") {
        return check_hours(l, s, se, p, v, page).await;
    }
    if new_in_city(&v, ListingKind::Place).is_some() {
        return act_to(l, s, se, p, v, page, |st, u, v| async move {
            crate::listing::edit::create::<PlaceDraft>(&st.db, &st.geo, u.as_ref(), &v, st.now())
                .await
        })
        .await;
    }
    let done = format!("{}?edited=1", listing_page(&v));
    let base = crate::state::base_url_from(&s, &p.headers);
    act(l, s, se, p, v, page, done, |st, u, v| async move {
        crate::listing::edit::edit::<PlaceDraft>(&st.db, &st.geo, u.as_ref(), &v, &base, st.now())
            .await
    })
    .await
}

async fn submit(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    let page = format!("/dashboard/places/new{}", crate::http::form_post::id_query(&v, "place"));
    if v.contains_key("locate") {
        return locate(l, s, se, p, v, page).await;
    }
    if v.contains_key("check_hours") {
        return check_hours(l, s, se, p, v, page).await;
    }
    crate::listing::propose::submit::<PlaceDraft>(l, s, se, p, v).await
}

/// The opening-hours editor's "check" button: shows the form again with the
/// week read back in words and any problem with the hours (nothing is
/// saved), the same with and without JavaScript.
async fn check_hours(
    locale: Locale,
    state: AppState,
    session: Session,
    mut parts: Parts,
    values: FormValues,
    page: String,
) -> Response {
    if !signed_in(&session, &state).await {
        return axum::http::StatusCode::FORBIDDEN.into_response();
    }
    let (shown, errors) = crate::places::submission::check_hours(&values);
    let feedback = crate::forms::FormFeedback::new(&shown, &errors, None);
    crate::http::form_post::shown_at(&mut parts, locale, &page);
    crate::http::form_post::show_again(&state, parts, feedback).await
}

/// The form steps that save nothing are for signed-in people only.
async fn signed_in(session: &Session, state: &AppState) -> bool {
    matches!(crate::accounts::session::current_user(session, &state.db).await, Ok(Some(_)))
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
    if !signed_in(&session, &state).await {
        return axum::http::StatusCode::FORBIDDEN.into_response();
    }
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
