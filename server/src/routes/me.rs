//! `GET /api/me`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use care_contract::profile::Profile;
use care_contract::ApiError;

use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;
use crate::subscribers;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/me", get(me))
}

/// The signed-in subscriber's profile (phone masked).
#[utoipa::path(
    get,
    path = "/api/me",
    tag = "profile",
    security(("session" = [])),
    responses(
        (status = 200, description = "The signed-in subscriber", body = Profile),
        (status = 401, description = "`unauthenticated`: no live session", body = ApiError),
    )
)]
pub async fn me(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Profile>, AppError> {
    let profile = state
        .db
        .read(move |conn| subscribers::profile(conn, user.subscriber_id).map_err(StoreError::from))
        .await?;
    // A session whose subscriber is gone is no session.
    profile.map(Json).ok_or_else(AppError::unauthenticated)
}
