//! `GET /api/me/tier`.

use axum::extract::State;
use axum::Json;
use care_contract::me::TierStatus;
use care_contract::ApiError;

use super::read;
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::me::store;
use crate::state::AppState;

/// The subscriber's star level, value score and band, the next level and the score it
/// takes, and every level's benefits (keys the app words).
#[utoipa::path(
    get,
    operation_id = "my_tier",
    path = "/api/me/tier",
    tag = "me",
    security(("session" = [])),
    responses(
        (status = 200, description = "The subscriber's tier", body = TierStatus),
        (status = 401, description = "`unauthenticated`: no live session", body = ApiError),
    )
)]
pub async fn tier(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<TierStatus>, AppError> {
    let status = read(&state, user.subscriber_id, |conn, ctx| {
        store::tier::status(conn, ctx.subscriber_id)
    })
    .await?;
    Ok(Json(status))
}
