//! Staff's callback list: the open requests by when they are due, and marking one called.

use axum::extract::State;
use axum::Json;
use care_contract::me::{Callback, StaffCallbackList};
use care_contract::ApiError;

use super::{read, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiPath;
use crate::me::store::callbacks;
use crate::state::AppState;

/// The open callback requests, by day, then window (any time, morning, afternoon,
/// evening), then the order they came in.
#[utoipa::path(
    get,
    operation_id = "staff_callbacks",
    path = "/api/staff/callbacks",
    tag = "me",
    security(("session" = [])),
    responses(
        (status = 200, description = "The open requests", body = StaffCallbackList),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
    )
)]
pub async fn open(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<StaffCallbackList>, AppError> {
    let callbacks = read(&state, user.subscriber_id, callbacks::open_for_staff).await?;
    Ok(Json(StaffCallbackList { callbacks }))
}

/// Staff called: the request is closed as called.
#[utoipa::path(
    post,
    operation_id = "staff_callback_done",
    path = "/api/staff/callbacks/{id}/done",
    tag = "me",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Callback request id")),
    responses(
        (status = 200, description = "Marked called", body = Callback),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: called or cancelled already", body = ApiError),
    )
)]
pub async fn done(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Callback>, AppError> {
    let callback = write(&state, user.subscriber_id, move |conn, ctx| {
        callbacks::done(conn, ctx, id)
    })
    .await?;
    Ok(Json(callback))
}
