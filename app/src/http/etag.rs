//! Responses with a content-derived ETag: a matching If-None-Match gets
//! 304 Not Modified, so phones on weak connections re-download nothing.
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// JSON response with a content-derived ETag. The hash only has to be stable
/// for one build of the binary (all instances behind a load balancer run the
/// same build), which `DefaultHasher::new()` guarantees.
pub fn json_with_etag(
    headers: &HeaderMap,
    body: &serde_json::Value,
    content_type: &'static str,
) -> Response {
    text_with_etag(headers, body.to_string(), content_type)
}

/// `json_with_etag` for a body already serialized (from typed structs,
/// without building a `serde_json::Value` first).
pub fn text_with_etag(headers: &HeaderMap, bytes: String, content_type: &'static str) -> Response {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    let etag = format!("\"{:016x}\"", h.finish());
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let cache = HeaderValue::from_static("public, max-age=60");
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response()
}
