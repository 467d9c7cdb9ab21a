//! The delivery address kept for next time.

use axum::extract::State;
use axum::Json;
use care_contract::mall::{validate_address, DeliveryAddress, SavedAddress};
use care_contract::ApiError;

use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::mall::store;
use crate::state::AppState;

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
) -> Result<Json<SavedAddress>, AppError> {
    let address = state
        .db
        .read(move |conn| store::address::saved_address(conn, user.subscriber_id))
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
) -> Result<Json<SavedAddress>, AppError> {
    let address = validate_address(&address).map_err(store::address::invalid_address)?;
    let config = state.config.clone();
    let saved = address.clone();
    state
        .db
        .write(move |tx| {
            store::address::save_address(tx, user.subscriber_id, &saved, config.clock.now_ms())
        })
        .await?;
    Ok(Json(SavedAddress {
        address: Some(address),
    }))
}
