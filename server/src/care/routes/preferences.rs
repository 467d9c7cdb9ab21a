//! The subscriber's care preferences: each topic on or off, and its weekly cap.

use axum::extract::State;
use axum::Json;
use care_contract::care::{check_preferences, Preferences, MAX_PER_WEEK_LIMIT};
use care_contract::ApiError;

use super::write;
use crate::auth::sessions::CurrentUser;
use crate::care::store::preferences;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// Every topic's preference (offers are off until the subscriber opts in).
#[utoipa::path(
    get,
    operation_id = "care_preferences",
    path = "/api/care/preferences",
    tag = "care",
    security(("session" = [])),
    responses(
        (status = 200, description = "Every topic, in order", body = Preferences),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn get_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Preferences>, AppError> {
    let who = user.subscriber_id;
    let topics = write(&state, move |conn, _, _| preferences::all(conn, who)).await?;
    Ok(Json(Preferences { topics }))
}

/// Changes the topics listed (the others stay; a topic listed twice: the last counts);
/// answers every topic's preference.
#[utoipa::path(
    put,
    operation_id = "set_care_preferences",
    path = "/api/care/preferences",
    tag = "care",
    security(("session" = [])),
    request_body = Preferences,
    responses(
        (status = 200, description = "Every topic, in order, after the change", body = Preferences),
        (status = 400, description = "`bad_request`: a cap outside 1-20", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn put_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<Preferences>,
) -> Result<Json<Preferences>, AppError> {
    check_preferences(&req).map_err(|topic| {
        AppError::bad_request(format!(
            "max_per_week of {} must be 1 to {MAX_PER_WEEK_LIMIT}",
            topic.as_str()
        ))
    })?;
    let who = user.subscriber_id;
    let topics = write(&state, move |conn, _, _| {
        preferences::set(conn, who, &req.topics)?;
        preferences::all(conn, who)
    })
    .await?;
    Ok(Json(Preferences { topics }))
}
