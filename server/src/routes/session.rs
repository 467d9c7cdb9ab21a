//! `GET /api/session`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use care_contract::auth::SessionInfo;

use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;
use crate::subscribers;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/session", get(session))
}

/// Who is signed in, if anyone: 200 either way (the app asks this at every start).
#[utoipa::path(
    get,
    path = "/api/session",
    tag = "auth",
    security((), ("session" = [])),
    responses(
        (status = 200, description = "The signed-in subscriber, or `profile: null`", body = SessionInfo),
    )
)]
pub async fn session(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Json<SessionInfo>, AppError> {
    let Some(user) = user else {
        return Ok(Json(SessionInfo { profile: None }));
    };
    let profile = state
        .db
        .read(move |conn| subscribers::profile(conn, user.subscriber_id).map_err(StoreError::from))
        .await?;
    Ok(Json(SessionInfo { profile }))
}
