//! The subscriber's callback requests: ask (exactly once per key), list, cancel.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::me::{
    callback_note, Callback, CallbackCreated, CallbackList, NewCallbackRequest,
};
use care_contract::ApiError;
use serde_json::json;

use super::{phone, read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::idempotency::check_key;
use crate::me::store::callbacks::{self, NewCallback};
use crate::state::AppState;

/// Asks an agent to call back on a day (today or one of the next six, China time) in a
/// window, at a number (the subscriber's own by default), exactly once per key. One
/// request may be open at a time.
#[utoipa::path(
    post,
    operation_id = "request_callback",
    path = "/api/me/callbacks",
    tag = "me",
    security(("session" = [])),
    request_body = NewCallbackRequest,
    responses(
        (status = 201, description = "Requested now", body = CallbackCreated),
        (status = 200, description = "This key had requested it (`replayed: true`): the request as it is now", body = CallbackCreated),
        (status = 400, description = "`invalid_contact` (`details.field`: phone, note), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 409, description = "`callback_already_open`, `callback_day_out_of_range` or `idempotency_conflict`", body = ApiError),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<NewCallbackRequest>,
) -> Result<(StatusCode, Json<CallbackCreated>), AppError> {
    check_key(&req.idempotency_key)?;
    let number = req.phone.as_deref().map(phone).transpose()?;
    let note = text("note", callback_note(req.note.as_deref()))?;
    let new = NewCallback {
        fingerprint: json!({
            "day": req.day, "window": req.window, "phone": number, "note": note,
        })
        .to_string(),
        day: req.day,
        window: req.window,
        phone: number,
        note,
        key: req.idempotency_key,
    };
    let (callback, replayed) = write(&state, user.subscriber_id, move |conn, ctx| {
        callbacks::create(conn, ctx, &new)
    })
    .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(CallbackCreated { callback, replayed })))
}

/// The subscriber's callback requests, newest first.
#[utoipa::path(
    get,
    operation_id = "my_callbacks",
    path = "/api/me/callbacks",
    tag = "me",
    security(("session" = [])),
    responses((status = 200, description = "The requests", body = CallbackList))
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<CallbackList>, AppError> {
    let callbacks = read(&state, user.subscriber_id, |conn, ctx| {
        callbacks::mine(conn, ctx.subscriber_id)
    })
    .await?;
    Ok(Json(CallbackList { callbacks }))
}

/// Cancels the subscriber's open request.
#[utoipa::path(
    post,
    operation_id = "cancel_callback",
    path = "/api/me/callbacks/{id}/cancel",
    tag = "me",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Callback request id")),
    responses(
        (status = 200, description = "Cancelled", body = Callback),
        (status = 404, description = "`not_found`: no such request of this subscriber", body = ApiError),
        (status = 409, description = "`invalid_status`: called or cancelled already", body = ApiError),
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Callback>, AppError> {
    let callback = write(&state, user.subscriber_id, move |conn, ctx| {
        callbacks::cancel(conn, ctx, id)
    })
    .await?;
    Ok(Json(callback))
}
