//! The test-only fault switch. With `--enable-faults`, `PUT /api/_test/faults` adds (or
//! replaces) a rule and `DELETE /api/_test/faults` clears them all; a middleware then
//! makes matching requests fail (`error`: 500 `internal`), hang (`stall`: sleep, then
//! answer normally), lose their answer (`stall_after`: do the work at once, then sleep
//! before answering, as when a phone's connection drops after the backend committed) or
//! answer broken JSON (`malformed`: 200 `{"oops": `).
//! Without the flag the routes do not exist (404) and the middleware is not installed.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// Where the fault routes live.
pub const FAULTS_PATH: &str = "/api/_test/faults";
/// Every test-only route (faults, clock, subscribers) is under this prefix, and none is
/// ever subject to faults: a test that breaks `/api/*` can still repair and set up.
pub const TEST_ROUTES_PREFIX: &str = "/api/_test/";
pub const DEFAULT_STALL_MS: u64 = 30_000;
/// The body a `malformed` fault answers with.
pub const MALFORMED_BODY: &str = "{\"oops\": ";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultMode {
    Error,
    Stall,
    StallAfter,
    Malformed,
}

/// One rule. `path` matches the request path exactly, or as a prefix when it ends in `*`
/// (`/api/*`). `method`, when set, must match too (case-insensitive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    pub path: String,
    pub mode: FaultMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stall_ms: Option<u64>,
}

impl FaultRule {
    pub fn matches(&self, method: &Method, path: &str) -> bool {
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()));
        path_ok && method_ok
    }

    /// Same target: a new rule for it replaces the old one.
    fn same_target(&self, other: &FaultRule) -> bool {
        self.path == other.path
            && self.method.as_deref().map(str::to_ascii_uppercase)
                == other.method.as_deref().map(str::to_ascii_uppercase)
    }
}

/// The active rules, shared by the routes and the middleware.
#[derive(Clone, Default)]
pub struct Faults {
    rules: Arc<RwLock<Vec<FaultRule>>>,
}

impl Faults {
    pub fn set(&self, rule: FaultRule) -> Vec<FaultRule> {
        let mut rules = self.rules.write().expect("faults lock");
        rules.retain(|r| !r.same_target(&rule));
        rules.push(rule);
        rules.clone()
    }

    pub fn clear(&self) {
        self.rules.write().expect("faults lock").clear();
    }

    /// The newest rule matching this request.
    pub fn find(&self, method: &Method, path: &str) -> Option<FaultRule> {
        let rules = self.rules.read().expect("faults lock");
        rules
            .iter()
            .rev()
            .find(|r| r.matches(method, path))
            .cloned()
    }
}

/// The fault switch's routes (mounted with `--enable-faults` only).
pub fn router() -> Router<AppState> {
    Router::new().route(FAULTS_PATH, put(put_fault).delete(clear_faults))
}

/// `PUT /api/_test/faults`: adds or replaces a rule; answers with all active rules.
pub async fn put_fault(
    State(state): State<AppState>,
    ApiJson(rule): ApiJson<FaultRule>,
) -> Result<Json<Vec<FaultRule>>, AppError> {
    if !rule.path.starts_with('/') {
        return Err(AppError::bad_request("path must start with /"));
    }
    if let Some(method) = &rule.method {
        Method::from_bytes(method.as_bytes())
            .map_err(|_| AppError::bad_request("method is not an HTTP method"))?;
    }
    tracing::warn!(path = %rule.path, mode = ?rule.mode, "fault rule set");
    Ok(Json(state.faults.set(rule)))
}

/// `DELETE /api/_test/faults`: clears every rule.
pub async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    state.faults.clear();
    tracing::warn!("fault rules cleared");
    StatusCode::NO_CONTENT
}

/// Applies the first matching rule to a request.
pub async fn apply_faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with(TEST_ROUTES_PREFIX) {
        return next.run(req).await;
    }
    let Some(rule) = state.faults.find(req.method(), path) else {
        return next.run(req).await;
    };
    match rule.mode {
        FaultMode::Error => AppError::internal().into_response(),
        FaultMode::Malformed => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(MALFORMED_BODY))
            .expect("static response"),
        FaultMode::Stall => {
            let ms = rule.stall_ms.unwrap_or(DEFAULT_STALL_MS);
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        FaultMode::StallAfter => {
            let ms = rule.stall_ms.unwrap_or(DEFAULT_STALL_MS);
            let response = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(ms)).await;
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(path: &str, method: Option<&str>) -> FaultRule {
        FaultRule {
            path: path.into(),
            mode: FaultMode::Error,
            method: method.map(Into::into),
            stall_ms: None,
        }
    }

    #[test]
    fn matches_exact_paths_prefixes_and_methods() {
        assert!(rule("/api/me", None).matches(&Method::GET, "/api/me"));
        assert!(!rule("/api/me", None).matches(&Method::GET, "/api/meta"));
        assert!(rule("/api/*", None).matches(&Method::POST, "/api/auth/code"));
        assert!(rule("/api/me", Some("get")).matches(&Method::GET, "/api/me"));
        assert!(!rule("/api/me", Some("POST")).matches(&Method::GET, "/api/me"));
    }

    #[test]
    fn a_rule_for_the_same_target_replaces_the_old_one() {
        let faults = Faults::default();
        faults.set(rule("/api/me", Some("GET")));
        let mut stall = rule("/api/me", Some("get"));
        stall.mode = FaultMode::Stall;
        assert_eq!(faults.set(stall).len(), 1);
        assert_eq!(
            faults.find(&Method::GET, "/api/me").unwrap().mode,
            FaultMode::Stall
        );
        faults.clear();
        assert!(faults.find(&Method::GET, "/api/me").is_none());
    }
}
