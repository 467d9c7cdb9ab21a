//! Test-only routes under `/api/_test/` (faults, the mall's clock, test subscribers,
//! ending sessions, the community's numbers and ageing a post), mounted with
//! `--enable-faults` only and never themselves faulted. Not part of the API contract: they
//! are not in the OpenAPI document.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::delete;
use axum::Router;
use care_contract::phone::normalize_phone;
use care_contract::ErrorCode;
use serde::Deserialize;

use crate::auth::sessions;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::state::AppState;
use crate::store::StoreError;
use crate::{community, faults, feedback, mall, subscribers};

/// `DELETE /api/_test/sessions[?phone=…]`.
pub const SESSIONS_PATH: &str = "/api/_test/sessions";

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(faults::router())
        .merge(mall::routes::test_router())
        .merge(community::routes::test_router())
        .merge(feedback::routes::test_router())
        .route(SESSIONS_PATH, delete(end_sessions))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndSessions {
    /// Whose sessions; without it, everyone's.
    pub phone: Option<String>,
}

/// `DELETE /api/_test/sessions?phone=13800138000`: the server forgets every session of
/// that subscriber (of everyone without `phone`), as when sessions expire or are revoked;
/// their cookies then count as signed out. 204, also when there was nothing to end.
pub async fn end_sessions(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EndSessions>,
) -> Result<StatusCode, AppError> {
    let phone = match query.phone.as_deref() {
        Some(phone) => Some(
            normalize_phone(phone)
                .map_err(|e| AppError::new(ErrorCode::InvalidPhone, e.to_string()))?,
        ),
        None => None,
    };
    let ended = state
        .db
        .write(move |tx| -> Result<usize, StoreError> {
            let subscriber = match &phone {
                Some(phone) => match subscribers::id_by_phone(tx, phone)? {
                    Some(id) => Some(id),
                    None => return Ok(0),
                },
                None => None,
            };
            Ok(sessions::delete_all(tx, subscriber)?)
        })
        .await?;
    tracing::warn!(ended, "test hook ended sessions");
    Ok(StatusCode::NO_CONTENT)
}
