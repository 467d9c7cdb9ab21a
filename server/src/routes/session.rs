//! `GET /api/session`.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use care_contract::auth::SessionInfo;

use crate::auth::sessions::{subscriber_for, token_from_headers};
use crate::db::now_ms;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::subscribers;

/// Who is signed in, if anyone: 200 either way (the app asks this at every start).
#[utoipa::path(
    get,
    path = "/api/session",
    tag = "auth",
    responses(
        (status = 200, description = "The signed-in subscriber, or `profile: null`", body = SessionInfo),
    )
)]
pub async fn session(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> AppResult<Json<SessionInfo>> {
    let Some(token) = token_from_headers(&headers) else {
        return Ok(Json(SessionInfo { profile: None }));
    };
    let now = now_ms();
    let profile = state
        .db
        .read(move |conn| -> AppResult<_> {
            let Some(id) = subscriber_for(conn, &token, now).map_err(AppError::from)? else {
                return Ok(None);
            };
            subscribers::profile(conn, id).map_err(AppError::from)
        })
        .await?;
    Ok(Json(SessionInfo { profile }))
}
