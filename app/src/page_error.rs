//! The error of the server functions pages call, as the page needs to know
//! it. Made on the server, each sets the response's status (404, 403, 400,
//! 500), so the page showing it answers with that status; a database
//! failure is a 500 error page, never "not allowed".
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid: {0}")]
    Invalid(String),
    #[error("internal error")]
    Internal,
}

impl FromServerFnError for PageError {
    type Encoder = JsonEncoding;

    /// The call itself failed (the request, or reading its answer).
    fn from_server_fn_error(e: ServerFnErrorErr) -> Self {
        PageError::internal(e)
    }
}

impl PageError {
    pub fn not_found() -> Self {
        set_status(404);
        PageError::NotFound
    }

    pub fn forbidden() -> Self {
        set_status(403);
        PageError::Forbidden
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        set_status(400);
        PageError::Invalid(message.into())
    }

    /// Logged with its cause; the page shows only that something failed.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        leptos::logging::error!("{cause}");
        set_status(500);
        PageError::Internal
    }
}

#[cfg(feature = "ssr")]
fn set_status(code: u16) {
    use leptos::prelude::use_context;
    if let (Some(resp), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        resp.set_status(status);
    }
}

#[cfg(not(feature = "ssr"))]
fn set_status(_code: u16) {}

#[cfg(feature = "ssr")]
impl From<crate::error::AppError> for PageError {
    fn from(e: crate::error::AppError) -> Self {
        use crate::error::AppError;
        match e {
            AppError::NotFound => PageError::not_found(),
            AppError::BadParam { param, message } => {
                PageError::invalid(format!("{param}: {message}"))
            }
            other => PageError::internal(other),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for PageError {
    fn from(e: sqlx::Error) -> Self {
        PageError::internal(e)
    }
}

impl From<leptos::prelude::ServerFnError> for PageError {
    fn from(e: leptos::prelude::ServerFnError) -> Self {
        PageError::internal(e)
    }
}

/// Refuses a server function with 403. The page that called it then
/// answers with that status too, not with 200 and a "not allowed" text.
pub fn forbidden() -> PageError {
    PageError::forbidden()
}

/// A service result as a page error: 404 for a missing city or listing,
/// 400 for a bad parameter, 500 for a failure (the status set on the page).
#[cfg(feature = "ssr")]
pub fn from_service<T>(r: Result<T, crate::error::AppError>) -> Result<T, PageError> {
    r.map_err(PageError::from)
}
