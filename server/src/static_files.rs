//! Serving the built app: precompressed files (`.br`, `.gz` siblings), long caching for
//! content-hashed names, `no-cache` for the rest, index.html (with its CSP) for every
//! other GET so deep links survive a reload, and security headers on every response.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::csp;
use crate::state::AppState;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

/// The built app as read at start.
pub struct StaticSite {
    /// The directory, when it exists.
    pub dir: Option<PathBuf>,
    /// index.html, when it exists.
    pub index: Option<String>,
    /// The policy for HTML responses, with the hashes of index.html's inline scripts.
    pub csp: String,
}

impl StaticSite {
    pub fn load(dir: &Path) -> Self {
        if !dir.is_dir() {
            tracing::warn!(dir = %dir.display(), "static directory not found: serving /api only");
            return Self {
                dir: None,
                index: None,
                csp: csp::content_security_policy(&[]),
            };
        }
        let index = match std::fs::read_to_string(dir.join("index.html")) {
            Ok(html) => Some(html),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "no index.html: the app is not built");
                None
            }
        };
        let hashes = index
            .as_deref()
            .map(csp::inline_script_hashes)
            .unwrap_or_default();
        tracing::info!(dir = %dir.display(), inline_scripts = hashes.len(), "serving the app");
        Self {
            dir: Some(dir.to_owned()),
            index,
            csp: csp::content_security_policy(&hashes),
        }
    }
}

/// Trunk writes its content hashes as unpadded lower-case hex (`{:x}` of a u64), so a
/// hash has up to 16 digits and, rarely, fewer; 12 or more is taken as a hash.
const MIN_HASH_DIGITS: usize = 12;
const MAX_HASH_DIGITS: usize = 16;

/// True for names carrying a Trunk content hash: a `-` and the hex hash right before the
/// extension or a `_bg`-style suffix (`care-app-8f3a2b1c9d0e4f5a_bg.wasm`,
/// `style-8f3a2b1c9d0e4f5a.css`), or the hash and a `-` in front (`8f3a2b1c9d0e4f5a-x.js`).
pub fn is_content_hashed(file_name: &str) -> bool {
    let Some((stem, _extension)) = file_name.split_once('.') else {
        return false;
    };
    let hex_run = |s: &str| {
        s.bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count()
    };
    let is_hash_len = |n: usize| (MIN_HASH_DIGITS..=MAX_HASH_DIGITS).contains(&n);
    let suffix = stem.match_indices('-').any(|(i, _)| {
        let rest = &stem[i + 1..];
        let n = hex_run(rest);
        is_hash_len(n) && matches!(rest.as_bytes().get(n), None | Some(b'_'))
    });
    let prefix = {
        let n = hex_run(stem);
        is_hash_len(n) && stem.as_bytes().get(n) == Some(&b'-')
    };
    suffix || prefix
}

fn cache_control_for(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or("");
    if is_content_hashed(name) {
        IMMUTABLE
    } else {
        NO_CACHE
    }
}

/// Every request that is not an API route: a file of the app, or index.html.
pub async fn serve_app(State(state): State<AppState>, req: Request) -> Response {
    let site = state.site.clone();
    let (Some(dir), Some(_)) = (&site.dir, &site.index) else {
        return not_built();
    };
    let is_read = matches!(*req.method(), Method::GET | Method::HEAD);
    let path = req.uri().path().to_owned();
    if is_read && (path == "/" || path == "/index.html") {
        return index_response(&site);
    }
    let served = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .oneshot(req)
        .await;
    let mut response = match served {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    match response.status() {
        // A missing asset (an old build's hashed file) must be a 404, not index.html:
        // a browser would otherwise run HTML as a script and fail its integrity check.
        StatusCode::NOT_FOUND if is_read && !looks_like_file(&path) => index_response(&site),
        StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED => {
            let headers = response.headers_mut();
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control_for(&path)),
            );
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            response
        }
        _ => response,
    }
}

/// Whether a path names a file (its last segment has an extension) rather than an app
/// route such as `/mall/orders` or `/forum/thread/42`.
fn looks_like_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .and_then(|segment| segment.rsplit_once('.'))
        .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
}

fn index_response(site: &StaticSite) -> Response {
    let html = site.index.clone().unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, NO_CACHE),
        ],
        html,
    )
        .into_response()
}

fn not_built() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not built</title>\
         <p>The app is not built: run the build, then restart the server. The API is at /api.</p></html>",
    )
        .into_response()
}

/// `nosniff` and `Referrer-Policy` on every response, the CSP on HTML, `no-store` on API
/// answers (they are personal).
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let mut response = next.run(req).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if is_html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(csp) = HeaderValue::from_str(&state.site.csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
    }
    if is_api && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_files_from_app_routes() {
        assert!(looks_like_file("/care-app-0123456789abcdef.js"));
        assert!(looks_like_file("/static/old_bg.wasm"));
        assert!(!looks_like_file("/mall/orders"));
        assert!(!looks_like_file("/forum/thread/42"));
        assert!(!looks_like_file("/me/.hidden"));
        assert!(!looks_like_file("/"));
    }

    #[test]
    fn detects_trunk_content_hashes() {
        assert!(is_content_hashed("care-app-8f3a2b1c9d0e4f5a_bg.wasm"));
        assert!(is_content_hashed("care-app-8f3a2b1c9d0e4f5a.js"));
        assert!(is_content_hashed("style-0123456789abcdef.css"));
        assert!(is_content_hashed("style-0123456789abcdef.css.br"));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("app-config.json"));
        assert!(!is_content_hashed("manifest.webmanifest"));
        assert!(
            is_content_hashed("style-123456789abcdef.css"),
            "unpadded: 15 digits"
        );
        assert!(
            is_content_hashed("0123456789abcdef-snippet.js"),
            "hash in front"
        );
        assert!(!is_content_hashed("icon-192.png"));
        assert!(!is_content_hashed("style-0123456789a.css"), "11 digits");
        assert!(
            !is_content_hashed("style-0123456789ABCDEF.css"),
            "upper case"
        );
        assert!(
            !is_content_hashed("style-0123456789abcdefa.css"),
            "17 digits"
        );
        assert!(!is_content_hashed("icon-0123456789abcdef"), "no extension");
    }

    #[test]
    fn cache_control_follows_the_file_name() {
        assert_eq!(
            cache_control_for("/care-app-8f3a2b1c9d0e4f5a_bg.wasm"),
            IMMUTABLE
        );
        assert_eq!(cache_control_for("/icons/icon-192.png"), NO_CACHE);
        assert_eq!(cache_control_for("/app-config.json"), NO_CACHE);
    }
}
