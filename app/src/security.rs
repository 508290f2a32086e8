//! The Content-Security-Policy of server-rendered pages. Scripts run only from
//! this site or with the page's one-time nonce (Leptos' hydration script), so
//! injected markup cannot run code; map tiles may come from the configured
//! tile server only.
use crate::state::AppState;
use leptos::prelude::*;

/// The policy of responses that are not pages: nothing may load or frame them.
pub const NON_PAGE_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The policy for one page; `nonce` is the page's script nonce.
pub fn content_security_policy(nonce: &str, tile_url: &str) -> String {
    let tiles = tile_origin(tile_url).map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; \
         img-src 'self' data:{tiles}; \
         connect-src 'self'; \
         object-src 'none'; \
         base-uri 'self'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The origin of a tile URL template: `https://{s}.tile.example.org/{z}/…`
/// becomes `https://*.tile.example.org`. None for anything that is not a
/// plain http(s) URL (the map then shows markers without tiles).
pub fn tile_origin(template: &str) -> Option<String> {
    let (scheme, rest) = template.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split('/').next()?;
    let host = host.replace("{s}", "*");
    let valid = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'));
    valid.then(|| format!("{scheme}://{host}"))
}

/// Sets the policy header on the current page response.
pub fn set_page_policy() {
    use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    let (Some(nonce), Some(resp), Some(state)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
        use_context::<AppState>(),
    ) else {
        return;
    };
    let policy = content_security_policy(&nonce.to_string(), &state.config.tile_url);
    if let Ok(v) = HeaderValue::from_str(&policy) {
        resp.insert_header(CONTENT_SECURITY_POLICY, v);
    }
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site (cross-site request forgery). Follows the rule Go's
/// `http.CrossOriginProtection` uses: safe methods pass; `Sec-Fetch-Site`
/// decides when present; otherwise `Origin` must match `Host`; requests with
/// neither header are not from a browser and pass.
pub async fn same_origin_writes(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if is_cross_site_write(req.method(), req.headers()) {
        return (axum::http::StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(req).await
}

pub fn is_cross_site_write(method: &axum::http::Method, headers: &axum::http::HeaderMap) -> bool {
    use axum::http::Method;
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match (header("origin"), header("host")) {
        (None, _) => false,
        (Some(origin), Some(host)) => {
            origin.split_once("://").map(|(_, h)| h != host).unwrap_or(true)
        }
        (Some(_), None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue, Method};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_writes_are_spotted() {
        let post = Method::POST;
        assert!(!is_cross_site_write(&Method::GET, &headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site_write(&post, &headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site_write(&post, &headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site_write(&post, &headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!is_cross_site_write(
            &post,
            &headers(&[("origin", "http://a.cz"), ("host", "a.cz")])
        ));
        assert!(is_cross_site_write(
            &post,
            &headers(&[("origin", "https://evil.example"), ("host", "a.cz")])
        ));
        assert!(is_cross_site_write(&post, &headers(&[("origin", "null"), ("host", "a.cz")])));
        assert!(!is_cross_site_write(&post, &headers(&[("host", "a.cz")])), "no browser headers");
    }

    #[test]
    fn tile_origins() {
        assert_eq!(
            tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        assert_eq!(
            tile_origin("https://{s}.tiles.example.cz:8443/a/{z}/{x}/{y}.png").as_deref(),
            Some("https://*.tiles.example.cz:8443")
        );
        assert_eq!(tile_origin("javascript:alert(1)"), None);
        assert_eq!(tile_origin("https://evil.org'; script-src *"), None);
        assert_eq!(tile_origin(""), None);
    }

    #[test]
    fn policy_allows_only_own_and_nonced_scripts() {
        let p = content_security_policy("abc123", "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("img-src 'self' data: https://tile.openstreetmap.org;"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
