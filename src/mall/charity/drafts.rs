//! What the donate page keeps over a reload: the half-typed amount, and a donation sent but
//! not yet answered (the page opens its confirmation again, and `SubmitOnce` asks again with
//! the same key: the backend answers the first result or donates once; never twice).

use care_contract::mall::{DonationReceipt, DonationRequest};

use super::api;
use crate::api::submit_once::SubmitOnce;
use crate::api::ApiError;
use crate::drafts::Draft;

const AMOUNT: Draft = Draft::for_the_tab("care.draft.donation-amount.v1");

/// Where an unanswered donation is kept (sessionStorage).
pub const PENDING_DONATION: &str = "care.mall.pending-donation.v1";

/// The amount typed for this project, kept as `project:text` so another project starts
/// empty.
pub fn amount_for(project_id: i64) -> String {
    let kept = AMOUNT.load();
    match kept.split_once(':') {
        Some((id, text)) if id == project_id.to_string() => text.to_owned(),
        _ => String::new(),
    }
}

pub fn keep_amount(project_id: i64, text: &str) {
    AMOUNT.save(&format!("{project_id}:{text}"));
}

/// The unanswered donation to this project, if a reload interrupted one.
pub fn interrupted(project_id: i64) -> Option<DonationRequest> {
    SubmitOnce::<DonationRequest, DonationReceipt>::interrupted(PENDING_DONATION, |r| {
        r.project_id == project_id
    })
}

/// One attempt; a donation made clears the typed amount.
pub async fn donate(request: DonationRequest) -> Result<DonationReceipt, ApiError> {
    let result = api::donate(request).await;
    if result.is_ok() {
        AMOUNT.clear();
    }
    result
}
