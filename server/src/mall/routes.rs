//! The mall's handlers under `/api/mall`. Browsing the catalogue and charity projects is
//! public (items then say `sign_in_required`); everything else needs a session.

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use care_contract::mall::{
    is_valid_idempotency_key, validate_address, AdvanceOrderRequest, CancelResult, CharityProject,
    CheckInResult, DeliveryAddress, DonationReceipt, DonationRequest, ItemPage, ItemQuery,
    ItemSort, LedgerPage, LedgerQuery, MallItem, MallSummary, Order, OrderPage, PageQuery,
    RedemptionReceipt, RedemptionRequest, SavedAddress, DEFAULT_PER_PAGE, MAX_PER_PAGE,
    MAX_QUANTITY, SEARCH_MAX_CHARS, TRACKING_NUMBER_MAX_CHARS,
};
use care_contract::{ApiError, ErrorCode};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::clock::china_date;
use super::store::{self, Redemption};
use crate::auth::sessions::{subscriber_for, token_from_headers, CurrentUser};
use crate::db::now_ms;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::state::AppState;

/// A query-string extractor whose rejections are `ApiError` bodies (400 `bad_request`).
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(AppError::bad_request(rejection.body_text())),
        }
    }
}

/// The signed-in subscriber, if the request has a live session.
async fn optional_user(state: &AppState, headers: &HeaderMap) -> AppResult<Option<i64>> {
    let Some(token) = token_from_headers(headers) else {
        return Ok(None);
    };
    let now = now_ms();
    state
        .db
        .read(move |conn| subscriber_for(conn, &token, now).map_err(AppError::from))
        .await
}

fn paging(page: Option<u32>, per_page: Option<u32>) -> AppResult<(u32, u32)> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if page == 0 {
        return Err(AppError::bad_request("page starts at 1"));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(AppError::bad_request(format!(
            "per_page must be 1 to {MAX_PER_PAGE}"
        )));
    }
    Ok((page, per_page))
}

fn check_key(key: &str) -> AppResult<()> {
    if is_valid_idempotency_key(key) {
        Ok(())
    } else {
        Err(AppError::invalid(
            ErrorCode::InvalidIdempotencyKey,
            "idempotency_key must be 16-64 characters of A-Z a-z 0-9 - _",
        ))
    }
}

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
) -> AppResult<Json<MallSummary>> {
    let config = state.config.clone();
    let summary = state
        .db
        .write(move |tx| {
            let today = config.clock.today();
            let account = store::account_or_401(tx, user.subscriber_id)?;
            store::materialize_expiry(tx, account.id, today)?;
            Ok::<_, AppError>(store::summary(tx, &account, today, &config.mall)?)
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
) -> AppResult<Json<LedgerPage>> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let today = state.config.clock.today();
    let (entries, total) = state
        .db
        .write(move |tx| {
            store::materialize_expiry(tx, user.subscriber_id, today)?;
            Ok::<_, AppError>(store::ledger_page(
                tx,
                user.subscriber_id,
                query.kind,
                page,
                per_page,
            )?)
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
) -> AppResult<Json<CheckInResult>> {
    let config = state.config.clone();
    let now = config.clock.now_ms();
    let result = state
        .db
        .write(move |tx| {
            Ok::<_, AppError>(store::check_in(tx, user.subscriber_id, now, &config.mall)?)
        })
        .await?;
    Ok(Json(result))
}

/// The catalogue: filter by category, search the Chinese and English names, sort, page.
/// Public; for a signed-in user each item says whether they can redeem it and why not.
#[utoipa::path(
    get,
    path = "/api/mall/items",
    tag = "mall",
    params(ItemQuery),
    responses(
        (status = 200, description = "A page of items", body = ItemPage),
        (status = 400, description = "`bad_request`: unknown category or sort, bad paging, search too long", body = ApiError),
    )
)]
pub async fn items(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<ItemQuery>,
) -> AppResult<Json<ItemPage>> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let q = query
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_owned);
    if q.as_ref()
        .is_some_and(|q| q.chars().count() > SEARCH_MAX_CHARS)
    {
        return Err(AppError::bad_request(format!(
            "search is at most {SEARCH_MAX_CHARS} characters"
        )));
    }
    let pattern = q.map(|q| {
        let escaped = q
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let order = match query.sort.unwrap_or_default() {
        ItemSort::Popular => "redemption_count DESC, id",
        ItemSort::PriceAsc => "points ASC, id",
        ItemSort::PriceDesc => "points DESC, id",
        ItemSort::Newest => "created_at DESC, id DESC",
    };
    let user = optional_user(&state, &headers).await?;
    let config = state.config.clone();
    let category = query.category.map(|c| c.as_str());
    let (items, total) = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            let today = china_date(config.clock.now());
            let filter =
                "(?1 IS NULL OR category = ?1) AND (?2 IS NULL OR name_zh LIKE ?2 ESCAPE '\\' \
                          OR name_en LIKE ?2 ESCAPE '\\')";
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) FROM mall_items WHERE {filter}"),
                rusqlite::params![category, pattern],
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare(&format!(
                "SELECT {} FROM mall_items WHERE {filter} ORDER BY {order} LIMIT ?3 OFFSET ?4",
                store::ITEM_COLUMNS
            ))?;
            let rows = stmt
                .query_map(
                    rusqlite::params![category, pattern, per_page, store::offset(page, per_page)],
                    store::item_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let viewer = match user {
                Some(id) => store::viewer(conn, id, today, &config.mall)?,
                None => None,
            };
            let items: Vec<MallItem> = rows
                .into_iter()
                .map(|row| store::item_view(row, viewer.as_ref(), now, &config.mall))
                .collect();
            Ok::<_, AppError>((items, total as u64))
        })
        .await?;
    Ok(Json(ItemPage {
        items,
        page,
        per_page,
        total,
    }))
}

/// One item (public), with `can_redeem` and `blocked_reason` for a signed-in user.
#[utoipa::path(
    get,
    path = "/api/mall/items/{id}",
    tag = "mall",
    params(("id" = i64, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item", body = MallItem),
        (status = 404, description = "`not_found`", body = ApiError),
    )
)]
pub async fn item(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> AppResult<Json<MallItem>> {
    let user = optional_user(&state, &headers).await?;
    let config = state.config.clone();
    let item = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            let row = store::item(conn, id)?.ok_or_else(AppError::not_found)?;
            let viewer = match user {
                Some(id) => store::viewer(conn, id, config.clock.today(), &config.mall)?,
                None => None,
            };
            Ok::<_, AppError>(store::item_view(row, viewer.as_ref(), now, &config.mall))
        })
        .await?;
    Ok(Json(item))
}

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
        (status = 400, description = "`invalid_quantity`, `limit_exceeded` (`details.limit`, `details.remaining`), `invalid_address` (`details.field`), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`account_too_new`, `not_verified`, `in_arrears`, or `tier_required` (`details.min_star_level`)", body = ApiError),
        (status = 404, description = "`not_found`: no such item", body = ApiError),
        (status = 409, description = "`idempotency_conflict`, `not_started` (`details.opens_at`), `window_closed`, `out_of_stock`, or `insufficient_points` (`details.balance`, `details.needed`)", body = ApiError),
    )
)]
pub async fn redeem(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<RedemptionRequest>,
) -> AppResult<(StatusCode, Json<RedemptionReceipt>)> {
    check_key(&req.idempotency_key)?;
    if req.quantity == 0 || req.quantity > MAX_QUANTITY {
        return Err(AppError::invalid(
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
            store::redeem(tx, user.subscriber_id, &redemption, now, &config.mall)
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
) -> AppResult<Json<OrderPage>> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let (orders, total) = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(store::orders_page(
                conn,
                user.subscriber_id,
                page,
                per_page,
            )?)
        })
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
    Path(id): Path<i64>,
) -> AppResult<Json<Order>> {
    let order = state
        .db
        .read(move |conn| Ok::<_, AppError>(store::order_of(conn, user.subscriber_id, id)?))
        .await?;
    order.map(Json).ok_or_else(AppError::not_found)
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
    Path(id): Path<i64>,
) -> AppResult<Json<CancelResult>> {
    let config = state.config.clone();
    let (order, refunded_points, balance) = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::cancel(tx, user.subscriber_id, id, now, &config.mall)
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
        (status = 400, description = "`bad_request`: tracking number too long", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: nothing left to advance", body = ApiError),
    )
)]
pub async fn advance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(req): ApiJson<AdvanceOrderRequest>,
) -> AppResult<Json<Order>> {
    let tracking = req
        .tracking_number
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    if tracking.as_ref().is_some_and(|t| {
        t.chars().count() > TRACKING_NUMBER_MAX_CHARS || t.chars().any(char::is_control)
    }) {
        return Err(AppError::bad_request("tracking_number is too long"));
    }
    let config = state.config.clone();
    let order = state
        .db
        .write(move |tx| {
            if !store::account_or_401(tx, user.subscriber_id)?.is_staff {
                return Err(AppError::forbidden("staff only"));
            }
            store::advance(tx, id, tracking.as_deref(), config.clock.now_ms())
        })
        .await?;
    Ok(Json(order))
}

/// The delivery address kept from last time (in full: it is the owner's).
#[utoipa::path(
    get,
    path = "/api/mall/address",
    tag = "mall",
    security(("session" = [])),
    responses(
        (status = 200, description = "The kept address, if any", body = SavedAddress),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn get_address(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<SavedAddress>> {
    let address = state
        .db
        .read(move |conn| Ok::<_, AppError>(store::saved_address(conn, user.subscriber_id)?))
        .await?;
    Ok(Json(SavedAddress { address }))
}

/// Keeps a delivery address for next time (a physical redemption also keeps its address).
#[utoipa::path(
    put,
    path = "/api/mall/address",
    tag = "mall",
    security(("session" = [])),
    request_body = DeliveryAddress,
    responses(
        (status = 200, description = "Kept (tidied: trimmed, phone normalized)", body = SavedAddress),
        (status = 400, description = "`invalid_address` (`details.field`) or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn put_address(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(address): ApiJson<DeliveryAddress>,
) -> AppResult<Json<SavedAddress>> {
    let address = validate_address(&address).map_err(store::invalid_address)?;
    let config = state.config.clone();
    let saved = address.clone();
    state
        .db
        .write(move |tx| {
            Ok::<_, AppError>(store::save_address(
                tx,
                user.subscriber_id,
                &saved,
                config.clock.now_ms(),
            )?)
        })
        .await?;
    Ok(Json(SavedAddress {
        address: Some(address),
    }))
}

/// Charity projects that take points (public; `my_points` for a signed-in user).
#[utoipa::path(
    get,
    path = "/api/mall/charity",
    tag = "mall",
    responses(
        (status = 200, description = "The projects", body = Vec<CharityProject>),
    )
)]
pub async fn charity(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> AppResult<Json<Vec<CharityProject>>> {
    let user = optional_user(&state, &headers).await?;
    let projects = state
        .db
        .read(move |conn| Ok::<_, AppError>(store::projects(conn, user)?))
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
) -> AppResult<(StatusCode, Json<DonationReceipt>)> {
    check_key(&req.idempotency_key)?;
    if req.points <= 0 {
        return Err(AppError::invalid(
            ErrorCode::InvalidAmount,
            "points must be positive",
        ));
    }
    let config = state.config.clone();
    let done = state
        .db
        .write(move |tx| {
            let now = config.clock.now_ms();
            store::donate(
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
            at: super::clock::from_ms(done.at_ms),
            balance: done.balance,
            replayed: done.replayed,
        }),
    ))
}

/// Test-only (with `--enable-faults`): `PUT /api/_test/clock` pins the mall's clock.
pub const CLOCK_PATH: &str = "/api/_test/clock";

#[derive(Debug, Deserialize)]
pub struct PinClock {
    pub now: DateTime<Utc>,
}

/// `PUT /api/_test/clock` {"now": RFC 3339}: the mall's clock stands at `now`.
pub async fn pin_clock(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<PinClock>,
) -> StatusCode {
    state.config.clock.set(req.now);
    tracing::warn!(now = %req.now, "mall clock pinned");
    StatusCode::NO_CONTENT
}

/// `DELETE /api/_test/clock`: back to real time.
pub async fn reset_clock(State(state): State<AppState>) -> StatusCode {
    state.config.clock.reset();
    StatusCode::NO_CONTENT
}
