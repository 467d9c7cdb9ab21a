//! `GET /api/home`: the home page in one small response.

use axum::extract::State;
use axum::Json;
use care_contract::care::HomeSummary;
use care_contract::ApiError;

use super::write;
use crate::auth::sessions::CurrentUser;
use crate::care::store::home;
use crate::error::AppError;
use crate::mall::clock::from_ms;
use crate::state::AppState;

/// The greeting, today's moments (delivered to the inbox once), points and what expires
/// soon, tickets waiting for the subscriber and unread care messages.
#[utoipa::path(
    get,
    operation_id = "home",
    path = "/api/home",
    tag = "care",
    security(("session" = [])),
    responses(
        (status = 200, description = "What the home page shows", body = HomeSummary),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn home(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<HomeSummary>, AppError> {
    let who = user.subscriber_id;
    let summary = write(&state, move |conn, config, now_ms| {
        home::summary(conn, who, from_ms(now_ms), &config.care, &config.mall)
    })
    .await?;
    Ok(Json(summary))
}
