//! Balance and tier, the points ledger and the daily check-in.

use axum::extract::State;
use axum::Json;
use care_contract::mall::{CheckInResult, LedgerPage, LedgerQuery, MallSummary};
use care_contract::ApiError;

use super::paging;
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::mall::store;
use crate::state::AppState;

/// Balance, tier, what expires next, the reminder banner and the check-in state.
#[utoipa::path(
    get,
    path = "/api/mall/summary",
    tag = "mall",
    security(("session" = [])),
    responses(
        (status = 200, description = "The mall front page for the signed-in user", body = MallSummary),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<MallSummary>, AppError> {
    let config = state.config.clone();
    let summary = state
        .db
        .write(move |tx| {
            let today = config.clock.today();
            store::account::summary(tx, user.subscriber_id, today, &config.mall, &config.care)
        })
        .await?;
    Ok(Json(summary))
}

/// The points ledger, newest first; expired points show as `expiry` entries.
#[utoipa::path(
    get,
    path = "/api/mall/ledger",
    tag = "mall",
    security(("session" = [])),
    params(LedgerQuery),
    responses(
        (status = 200, description = "A page of the ledger", body = LedgerPage),
        (status = 400, description = "`bad_request`: unknown kind or bad paging", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn ledger(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<LedgerQuery>,
) -> Result<Json<LedgerPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let today = state.config.clock.today();
    let (entries, total) = state
        .db
        .write(move |tx| {
            store::ledger::ledger_page(tx, user.subscriber_id, query.kind, page, per_page, today)
        })
        .await?;
    Ok(Json(LedgerPage {
        entries,
        page,
        per_page,
        total,
    }))
}

/// Today's check-in (day in China, UTC+8). Idempotent per day: a second call the same day
/// changes nothing and answers the same result with `already_checked_in: true`.
#[utoipa::path(
    post,
    path = "/api/mall/check-in",
    tag = "mall",
    security(("session" = [])),
    responses(
        (status = 200, description = "Checked in (now or earlier today)", body = CheckInResult),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn check_in(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<CheckInResult>, AppError> {
    let config = state.config.clone();
    let now = config.clock.now_ms();
    let result = state
        .db
        .write(move |tx| {
            store::check_in::check_in(tx, user.subscriber_id, now, &config.mall, &config.care)
        })
        .await?;
    Ok(Json(result))
}
