//! Posting a form to a plain handler: the body is read (size-limited) into
//! name → value pairs, rate limits apply where asked, a refused form is
//! rendered again by the same page with what was typed and its messages
//! (422, or 429 when limited), and success redirects (303). Works the same
//! with JavaScript off. Handlers check who is asking themselves.
use crate::error::AppError;
use crate::forms::{FieldError, FieldErrors, FormError, FormFeedback};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, request::Parts, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_i18n::Locale as _;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use tower_sessions::Session;

/// A form as typed (all strings, nothing trusted yet).
pub type FormValues = BTreeMap<String, String>;

/// Form bodies are small; anything bigger is refused before parsing.
const MAX_FORM_BYTES: usize = 64 * 1024;

pub type HandlerFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Response> + Send>>;
pub type Handler = fn(Locale, AppState, Session, Parts, FormValues) -> HandlerFuture;

/// Why a form was refused.
#[derive(Debug)]
pub enum FormRefusal {
    /// Show the form again with these messages.
    Fields(FieldErrors),
    /// Show the form again with one message above it.
    Form(FormError),
    /// The signed-in person (or nobody) may not do this: 403, nothing changed.
    Forbidden,
    Internal(AppError),
}

impl From<AppError> for FormRefusal {
    fn from(e: AppError) -> Self {
        FormRefusal::Internal(e)
    }
}

impl From<sqlx::Error> for FormRefusal {
    fn from(e: sqlx::Error) -> Self {
        FormRefusal::Internal(e.into())
    }
}

/// One form: its path after the language prefix, its handler, and whether
/// it is rate-limited (forms that guess passwords or send e-mail).
pub struct FormRoute {
    pub path: &'static str,
    pub handler: Handler,
    pub limited: bool,
    /// For a form posted to an address of its own: the page (an app path)
    /// that shows it, so a refusal before the handler shows that page.
    pub page: Option<fn(&FormValues) -> String>,
}

/// POST routes for `forms`, under every UI language's prefix.
pub fn routes(forms: Vec<FormRoute>) -> Router<AppState> {
    let mut router = Router::new();
    for &locale in Locale::get_all() {
        for f in &forms {
            let (handler, limited, page) = (f.handler, f.limited, f.page);
            router = router.route(
                &format!("/{}/{}", locale.as_str(), f.path),
                post(
                    move |State(state): State<AppState>,
                          ConnectInfo(peer): ConnectInfo<SocketAddr>,
                          session: Session,
                          req: Request| async move {
                        let (mut parts, body) = req.into_parts();
                        let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
                            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
                        };
                        let values = parse_form(&bytes);
                        let wait = match limited {
                            true => state.form_limiter.check(peer.ip()).err(),
                            false => None,
                        };
                        if let Some(seconds) = wait {
                            if let Some(page) = page {
                                shown_at(&mut parts, locale, &page(&values));
                            }
                            let refusal = FormRefusal::Form(FormError::TooManyAttempts);
                            let mut resp = refused(&state, parts, &values, refusal).await;
                            *resp.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                            resp.headers_mut().insert(header::RETRY_AFTER, seconds.into());
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

/// Name → value; a name sent several times (ticked checkboxes) gets its
/// values joined with commas.
pub fn parse_form(body: &[u8]) -> FormValues {
    let mut values = FormValues::new();
    for (k, v) in form_urlencoded::parse(body).into_owned() {
        values
            .entry(k)
            .and_modify(|old: &mut String| {
                old.push(',');
                old.push_str(&v);
            })
            .or_insert(v);
    }
    values
}

/// A field's value, trimmed ("" when absent).
pub fn text<'a>(v: &'a FormValues, k: &str) -> &'a str {
    v.get(k).map(|s| s.trim()).unwrap_or("")
}

/// An optional text of at most `max` characters.
pub fn optional_text(s: &str, max: usize) -> Result<Option<String>, FieldError> {
    match s.trim() {
        "" => Ok(None),
        s if s.chars().count() > max => Err(FieldError::TooLong),
        s => Ok(Some(s.to_string())),
    }
}

/// The value, or None with the field's problem noted in `errors`.
pub fn take(
    errors: &mut FieldErrors,
    name: &'static str,
    r: Result<Option<String>, FieldError>,
) -> Option<String> {
    r.map_err(|e| errors.insert(name, e)).ok().flatten()
}

/// A form from name/value pairs, as tests type one.
#[cfg(test)]
pub fn form_of(pairs: &[(&str, &str)]) -> FormValues {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A numeric id from a form field (hidden fields name the record acted on).
pub fn id_field(values: &FormValues, key: &str) -> Option<i64> {
    values.get(key).and_then(|v| v.trim().parse().ok())
}

/// `?{key}={id}` when the form names a listing by a plain number.
pub fn id_query(v: &FormValues, key: &str) -> String {
    match v.get(key).filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        Some(id) => format!("?{key}={id}"),
        None => String::new(),
    }
}

/// 303 to an app path in `locale`.
pub fn to(locale: Locale, path: &str) -> Response {
    Redirect::to(&crate::locale::localized_path(locale, path)).into_response()
}

/// For forms posted to their own address rather than their page's: the page
/// (an app path in `locale`) to render when the form is refused.
pub fn shown_at(parts: &mut Parts, locale: Locale, page: &str) {
    if let Ok(uri) = crate::locale::localized_path(locale, page).parse() {
        parts.uri = uri;
    }
}

/// Renders the page of this URL again, with the form's feedback (422).
pub async fn rerender(state: &AppState, parts: Parts, feedback: FormFeedback) -> Response {
    let mut resp = show_again(state, parts, feedback).await;
    if resp.status() == StatusCode::OK {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    resp
}

/// Renders the page of this URL with `feedback`, keeping the page's status
/// (for a form step that is not a refusal, like an address lookup).
pub async fn show_again(state: &AppState, mut parts: Parts, feedback: FormFeedback) -> Response {
    parts.method = Method::GET;
    let st = state.clone();
    let st_shell = state.shell;
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(st.clone());
            provide_context(feedback.clone());
        },
        move || (st_shell)(options.clone()),
    );
    render(Request::from_parts(parts, Body::empty())).await
}

pub async fn refused(
    state: &AppState,
    parts: Parts,
    values: &FormValues,
    r: FormRefusal,
) -> Response {
    let feedback = match r {
        FormRefusal::Fields(errors) => FormFeedback::new(values, &errors, None),
        FormRefusal::Form(e) => FormFeedback::new(values, &FieldErrors::new(), Some(e)),
        FormRefusal::Forbidden => return StatusCode::FORBIDDEN.into_response(),
        FormRefusal::Internal(e) => return e.into_response(),
    };
    rerender(state, parts, feedback).await
}

/// The translations of a listing's description a form carries
/// (`translation_<lang>`, one per interface language except the city's own,
/// which has its own field); each at most `max` characters.
pub fn translations(
    v: &FormValues,
    local: &str,
    max: usize,
    errors: &mut FieldErrors,
) -> std::collections::BTreeMap<String, String> {
    translated(v, local, &crate::locale::content::TRANSLATION_FIELDS, max, errors)
}

/// The translations of a listing's title (`title_<lang>`), like the
/// description's; a title is one line, its spaces tidied.
pub fn title_translations(
    v: &FormValues,
    local: &str,
    errors: &mut FieldErrors,
) -> std::collections::BTreeMap<String, String> {
    let mut out = translated(v, local, &crate::locale::content::TITLE_FIELDS, 200, errors);
    for t in out.values_mut() {
        *t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

fn translated(
    v: &FormValues,
    local: &str,
    fields: &[&'static str; 6],
    max: usize,
    errors: &mut FieldErrors,
) -> std::collections::BTreeMap<String, String> {
    use crate::locale::content::TRANSLATION_LANGS;
    let mut out = std::collections::BTreeMap::new();
    for (lang, field) in TRANSLATION_LANGS.iter().zip(fields) {
        if *lang == local {
            continue;
        }
        if let Some(t) = take(errors, field, optional_text(text(v, field), max)) {
            out.insert(lang.to_string(), t);
        }
    }
    out
}
