//! What the redemption keeps over a reload: the redemption sent but not yet answered (the
//! item page opens its confirmation again, and `SubmitOnce` asks again with the same key:
//! the backend answers with the order it made, or makes it once). The half-typed delivery
//! address is kept by the address form itself.

use care_contract::mall::{RedemptionReceipt, RedemptionRequest};

use super::address_form::AddressFields;
use crate::api::submit_once::SubmitOnce;
use crate::api::ApiError;
use crate::mall::api;

/// Where an unanswered redemption is kept (sessionStorage).
pub const PENDING_REDEMPTION: &str = "care.mall.pending-redemption.v1";

/// The unanswered redemption of this item, if a reload interrupted one.
pub fn interrupted(item_id: i64) -> Option<RedemptionRequest> {
    SubmitOnce::<RedemptionRequest, RedemptionReceipt>::interrupted(PENDING_REDEMPTION, |r| {
        r.item_id == item_id
    })
}

/// One attempt. Once an order is made the backend keeps its address, so the typed draft
/// goes.
pub async fn redeem(request: RedemptionRequest) -> Result<RedemptionReceipt, ApiError> {
    let result = api::redeem(request).await;
    if result.is_ok() {
        AddressFields::forget_draft();
    }
    result
}
