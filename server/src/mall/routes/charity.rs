//! Charity projects (public) and donations of points.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::mall::{CharityProject, DonationReceipt, DonationRequest};
use care_contract::{ApiError, ErrorCode};

use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::idempotency::check_key;
use crate::mall::store;
use crate::state::AppState;

/// Charity projects that take points (public; `my_points` for a signed-in user).
#[utoipa::path(
    get,
    path = "/api/mall/charity",
    tag = "mall",
    security((), ("session" = [])),
    responses(
        (status = 200, description = "The projects", body = Vec<CharityProject>),
    )
)]
pub async fn charity(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Json<Vec<CharityProject>>, AppError> {
    let user = user.map(|u| u.subscriber_id);
    let projects = state
        .db
        .read(move |conn| store::donations::projects(conn, user))
        .await?;
    Ok(Json(projects))
}

/// Donates points to a charity project, exactly once per idempotency key; the donation
/// shows in the ledger as `donation`.
#[utoipa::path(
    post,
    path = "/api/mall/donations",
    tag = "mall",
    security(("session" = [])),
    request_body = DonationRequest,
    responses(
        (status = 201, description = "Donated now", body = DonationReceipt),
        (status = 200, description = "This key had already donated (`replayed: true`)", body = DonationReceipt),
        (status = 400, description = "`invalid_amount`, `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`account_too_new`, `not_verified` or `in_arrears`", body = ApiError),
        (status = 404, description = "`not_found`: no such project", body = ApiError),
        (status = 409, description = "`idempotency_conflict` or `insufficient_points`", body = ApiError),
    )
)]
pub async fn donate(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<DonationRequest>,
) -> Result<(StatusCode, Json<DonationReceipt>), AppError> {
    check_key(&req.idempotency_key)?;
    if req.points <= 0 {
        return Err(AppError::new(
            ErrorCode::InvalidAmount,
            "points must be positive",
        ));
    }
    let config = state.config.clone();
    let done = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::donations::donate(
                tx,
                user.subscriber_id,
                req.project_id,
                req.points,
                &req.idempotency_key,
                now,
                &config.mall,
            )
        })
        .await?;
    let status = if done.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(DonationReceipt {
            id: done.id,
            project_id: done.project_id,
            points: done.points,
            at: crate::mall::clock::from_ms(done.at_ms),
            balance: done.balance,
            replayed: done.replayed,
        }),
    ))
}
