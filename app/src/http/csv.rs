//! A download as CSV: the header row first, private to the one who asked.
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// `rows` (the first one the header) as a CSV attachment named `filename`.
pub fn attachment<R, F>(filename: &str, rows: R) -> Response
where
    R: IntoIterator<Item = Vec<F>>,
    F: AsRef<[u8]>,
{
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        if out.write_record(&row).is_err() {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let Ok(body) = out.into_inner() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}
