//! Security headers on every response and the checks forms rely on.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;

/// Whether responses carry `Strict-Transport-Security`: when cookies are marked `Secure`,
/// Accord is served over HTTPS, and browsers should never reach it over plain HTTP again.
#[derive(Clone, Copy)]
pub struct Hsts(pub bool);

/// A year, this host and its subdomains.
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub async fn headers(State(Hsts(hsts)): State<Hsts>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    if hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

/// Refuses unsafe requests that a browser marks as coming from another site: the second
/// line of CSRF defence behind the per-session token.
pub fn is_cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let sites: Vec<_> = headers.get_all("sec-fetch-site").iter().collect();
    if !sites.is_empty() {
        // Every value must say same-origin: a request carrying several is suspect.
        return !sites
            .iter()
            .all(|v| matches!(v.to_str(), Ok("same-origin" | "none")));
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split("://").nth(1).unwrap_or(origin);
            origin == "null" || origin_host != host
        }
        _ => false,
    }
}

/// Compares secrets without revealing through timing how much of them matched.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_posts_are_recognized() {
        assert!(is_cross_site(
            &Method::POST,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(is_cross_site(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-site")])
        ));
        assert!(!is_cross_site(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-origin")])
        ));
        assert!(is_cross_site(
            &Method::POST,
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "accord.example")
            ])
        ));
        assert!(!is_cross_site(
            &Method::POST,
            &headers(&[
                ("origin", "https://accord.example"),
                ("host", "accord.example")
            ])
        ));
        assert!(is_cross_site(
            &Method::POST,
            &headers(&[("origin", "null"), ("host", "accord.example")])
        ));
        assert!(!is_cross_site(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(!is_cross_site(&Method::POST, &headers(&[])));
    }

    #[test]
    fn a_repeated_header_cannot_hide_a_cross_site_request() {
        let mut h = headers(&[("sec-fetch-site", "same-origin")]);
        h.append("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(is_cross_site(&Method::POST, &h));
    }

    #[test]
    fn secrets_compare() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
