//! Redemptions and orders: redeem, list, one order, cancel, and the staff's advance.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::mall::{
    tracking_number, AdvanceOrderRequest, CancelResult, Order, OrderPage, PageQuery,
    RedemptionReceipt, RedemptionRequest, MAX_QUANTITY, TRACKING_NUMBER_MAX_CHARS,
};
use care_contract::{ApiError, ErrorCode};

use super::paging;
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::idempotency::check_key;
use crate::mall::store::{self, redeem::Redemption};
use crate::state::AppState;

/// Redeems an item exactly once per idempotency key. Every check (window, stock, limit,
/// tier, account, balance with expired points excluded) and the deduction (oldest-expiring
/// points first), stock, order and ledger entry happen in one transaction; any error
/// changes nothing. A customer's first redemption gets the configured discount.
#[utoipa::path(
    post,
    path = "/api/mall/redemptions",
    tag = "mall",
    security(("session" = [])),
    request_body = RedemptionRequest,
    responses(
        (status = 201, description = "Redeemed now", body = RedemptionReceipt),
        (status = 200, description = "This key had already redeemed: the original order (`replayed: true`), nothing deducted again", body = RedemptionReceipt),
        (status = 400, description = "`invalid_quantity`, `invalid_address` (`details.field`), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`account_too_new`, `not_verified`, `in_arrears`, or `tier_required` (`details.min_star_level`)", body = ApiError),
        (status = 404, description = "`not_found`: no such item (charity takes donations instead)", body = ApiError),
        (status = 409, description = "`idempotency_conflict`, `not_started` (`details.opens_at`), `window_closed`, `out_of_stock`, `limit_exceeded` (`details.limit`, `details.remaining`), `address_required` (a physical item and no `address`), or `insufficient_points` (`details.balance`, `details.needed`)", body = ApiError),
    )
)]
pub async fn redeem(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<RedemptionRequest>,
) -> Result<(StatusCode, Json<RedemptionReceipt>), AppError> {
    check_key(&req.idempotency_key)?;
    if req.quantity == 0 || req.quantity > MAX_QUANTITY {
        return Err(AppError::new(
            ErrorCode::InvalidQuantity,
            format!("quantity must be 1 to {MAX_QUANTITY}"),
        ));
    }
    let fingerprint = format!(
        "item={};quantity={};address={}",
        req.item_id,
        req.quantity,
        serde_json::to_string(&req.address).map_err(|_| AppError::internal())?
    );
    let redemption = Redemption {
        item_id: req.item_id,
        quantity: req.quantity,
        key: req.idempotency_key,
        address: req.address,
        fingerprint,
    };
    let config = state.config.clone();
    let receipt = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::redeem::redeem(tx, user.subscriber_id, &redemption, now, &config.mall)
        })
        .await?;
    let status = if receipt.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(receipt)))
}

/// The signed-in user's orders, newest first.
#[utoipa::path(
    get,
    path = "/api/mall/orders",
    tag = "mall",
    security(("session" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "A page of orders", body = OrderPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn orders(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<OrderPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let (orders, total) = state
        .db
        .read(move |conn| store::orders::orders_page(conn, user.subscriber_id, page, per_page))
        .await?;
    Ok(Json(OrderPage {
        orders,
        page,
        per_page,
        total,
    }))
}

/// One of the signed-in user's orders (anyone else's is 404).
#[utoipa::path(
    get,
    path = "/api/mall/orders/{id}",
    tag = "mall",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Order id")),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such order of yours", body = ApiError),
    )
)]
pub async fn order(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Order>, AppError> {
    let order = state
        .db
        .read(move |conn| store::orders::my_order(conn, user.subscriber_id, id))
        .await?;
    Ok(Json(order))
}

/// Cancels an order awaiting shipment; its points come back as a `refund` ledger entry.
#[utoipa::path(
    post,
    path = "/api/mall/orders/{id}/cancel",
    tag = "mall",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Order id")),
    responses(
        (status = 200, description = "Cancelled and refunded", body = CancelResult),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such order of yours", body = ApiError),
        (status = 409, description = "`invalid_status`: not awaiting shipment (instant, shipped, delivered or already cancelled)", body = ApiError),
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CancelResult>, AppError> {
    let config = state.config.clone();
    let (order, refunded_points, balance) = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::orders::cancel(tx, user.subscriber_id, id, now, &config.mall)
        })
        .await?;
    Ok(Json(CancelResult {
        order,
        refunded_points,
        balance,
    }))
}

/// Staff only (demo and tests): moves a physical order one step, awaiting shipment →
/// shipped (with a tracking number) → delivered.
#[utoipa::path(
    post,
    path = "/api/mall/staff/orders/{id}/advance",
    tag = "mall",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Order id")),
    request_body = AdvanceOrderRequest,
    responses(
        (status = 200, description = "The order after the step", body = Order),
        (status = 400, description = "`bad_request`: the tracking number is too long or has a control character, or the id does not parse", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: nothing left to advance", body = ApiError),
    )
)]
pub async fn advance(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<AdvanceOrderRequest>,
) -> Result<Json<Order>, AppError> {
    let tracking = tracking_number(req.tracking_number.as_deref()).map_err(|_| {
        AppError::bad_request(format!(
            "tracking_number is at most {TRACKING_NUMBER_MAX_CHARS} characters, none a control character"
        ))
    })?;
    let config = state.config.clone();
    let order = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::orders::advance(tx, user.subscriber_id, id, tracking.as_deref(), now)
        })
        .await?;
    Ok(Json(order))
}
