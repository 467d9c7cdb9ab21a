//! A redemption sent but not yet answered, kept in sessionStorage until its answer comes.
//! If the page reloads (or the phone kills the tab's page) in between, the item page finds
//! it and asks again with the same key: the backend answers with the order it made, or
//! makes it once. Nothing is ever deducted twice, and nothing the user confirmed is lost.

use care_contract::mall::{RedemptionReceipt, RedemptionRequest};

use super::address_form::AddressFields;
use crate::api::submit_once::PendingRequest;
use crate::api::ApiError;
use crate::mall::api;

const PENDING: PendingRequest<RedemptionRequest> =
    PendingRequest::new("care.mall.pending-redemption.v1");

/// The unanswered redemption for this item, if any.
pub fn pending_for(item_id: i64) -> Option<RedemptionRequest> {
    PENDING.load().filter(|r| r.item_id == item_id)
}

/// Sends `request`, kept as pending until its answer is definite. Once an order is made
/// the backend keeps its address, so the typed draft goes.
pub async fn redeem(request: RedemptionRequest) -> Result<RedemptionReceipt, ApiError> {
    let result = PENDING.send(request, api::redeem).await;
    if result.is_ok() {
        AddressFields::forget_draft();
    }
    result
}
