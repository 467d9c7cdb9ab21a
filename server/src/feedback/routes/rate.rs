//! The one-tap quick rating: no sign-in, only the link's token, and nothing about the
//! ticket or the subscriber in any answer.

use axum::extract::State;
use axum::Json;
use care_contract::feedback::{comment, QuickRatingRequest, QuickRatingState, QuickRatingStatus};
use care_contract::ApiError;

use super::{read, text, write};
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::feedback::store::rating;
use crate::state::AppState;

/// Whether the link can still rate.
#[utoipa::path(
    get,
    operation_id = "quick_rating",
    path = "/api/rate/{token}",
    tag = "feedback",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "`open` or `already_rated`", body = QuickRatingStatus),
        (status = 400, description = "`bad_request`: not a token's shape", body = ApiError),
        (status = 404, description = "`not_found`: no such link", body = ApiError),
    )
)]
pub async fn status(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<QuickRatingStatus>, AppError> {
    let status = read(&state, None, move |conn, _| {
        rating::quick_state(conn, &token)
    })
    .await?;
    Ok(Json(QuickRatingStatus { status }))
}

/// Rates the link's ticket, once: satisfied closes it, not satisfied reopens it as a
/// follow-up (as a low rating in the app does).
#[utoipa::path(
    post,
    operation_id = "quick_rate",
    path = "/api/rate/{token}",
    tag = "feedback",
    params(("token" = String, Path, description = "The link's token")),
    request_body = QuickRatingRequest,
    responses(
        (status = 200, description = "Rated (`already_rated` from now on)", body = QuickRatingStatus),
        (status = 400, description = "`invalid_ticket` (`details.field`: comment) or `bad_request` (not a token's shape)", body = ApiError),
        (status = 404, description = "`not_found`: no such link", body = ApiError),
        (status = 409, description = "`already_rated`", body = ApiError),
    )
)]
pub async fn rate(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    ApiJson(req): ApiJson<QuickRatingRequest>,
) -> Result<Json<QuickRatingStatus>, AppError> {
    let comment = text("comment", comment(req.comment.as_deref()))?;
    write(&state, None, move |conn, ctx| {
        rating::quick_rate(conn, ctx, &token, req.satisfied, comment)
    })
    .await?;
    Ok(Json(QuickRatingStatus {
        status: QuickRatingState::AlreadyRated,
    }))
}
