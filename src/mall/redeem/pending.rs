//! A redemption sent but not yet answered, kept in sessionStorage until its answer comes.
//! If the page reloads (or the phone kills the tab's page) in between, the item page finds
//! it and asks again with the same key: the backend answers with the order it made, or
//! makes it once. Nothing is ever deducted twice, and nothing the user confirmed is lost.

use care_contract::mall::{RedemptionReceipt, RedemptionRequest};

use super::address_form::AddressFields;
use crate::api::ApiError;
use crate::drafts::SessionDraft;
use crate::mall::api;

const PENDING: SessionDraft = SessionDraft::new("care.mall.pending-redemption.v1");

/// The unanswered redemption for this item, if any.
pub fn pending_for(item_id: i64) -> Option<RedemptionRequest> {
    PENDING
        .load_json::<RedemptionRequest>()
        .filter(|r| r.item_id == item_id)
}

/// Sends `request`, kept as pending until its answer is definite: an order (the typed
/// address is then kept by the backend, so its draft goes too) or a refusal. A lost
/// answer leaves it pending for the same key to be sent again.
pub async fn redeem(request: RedemptionRequest) -> Result<RedemptionReceipt, ApiError> {
    PENDING.save_json(&request);
    let result = api::redeem(request).await;
    match &result {
        Err(error) if error.outcome_unknown() => {}
        Ok(_) => {
            PENDING.clear();
            AddressFields::forget_draft();
        }
        Err(_) => PENDING.clear(),
    }
    result
}
