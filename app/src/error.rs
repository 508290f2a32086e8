//! The server-side error type: one enum, mapped to an HTTP status and a
//! message that is safe to show.
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid parameter `{param}`: {message}")]
    BadParam { param: String, message: String },
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("search index: {0}")]
    Search(#[from] tantivy::TantivyError),
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadParam { .. } => StatusCode::BAD_REQUEST,
            AppError::Db(_) | AppError::Search(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

fn tracing_error(e: &AppError) {
    leptos::logging::error!("{e}");
}

/// JSON error body for the read API: `{"error": "...", "parameter": "..."}`.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            AppError::BadParam { param, message } => {
                serde_json::json!({ "error": message, "parameter": param })
            }
            AppError::NotFound => serde_json::json!({ "error": "not found" }),
            other => {
                tracing_error(other);
                serde_json::json!({ "error": "internal error" })
            }
        };
        (status, axum::Json(body)).into_response()
    }
}
