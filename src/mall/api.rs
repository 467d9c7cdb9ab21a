//! The mall's backend calls.

use care_contract::mall::{
    CheckInResult, LedgerKind, LedgerPage, MallItem, MallSummary, RedemptionReceipt,
    RedemptionRequest, SavedAddress,
};

use crate::api::client;
use crate::api::ApiError;

/// Ledger entries per page: a phone screen or two.
pub const LEDGER_PAGE_SIZE: u32 = 20;

/// The signed-in subscriber's balance, tier, expiry and check-in.
pub const SUMMARY_PATH: &str = "/mall/summary";

pub async fn fetch_summary() -> Result<MallSummary, ApiError> {
    client::get(SUMMARY_PATH).await
}

pub async fn check_in() -> Result<CheckInResult, ApiError> {
    client::post("/mall/check-in", &()).await
}

pub fn item_path(id: i64) -> String {
    format!("/mall/items/{id}")
}

pub async fn fetch_item(id: i64) -> Result<MallItem, ApiError> {
    client::get(&item_path(id)).await
}

/// Exactly once per `request.idempotency_key`: safe to send again after a lost answer.
pub async fn redeem(request: RedemptionRequest) -> Result<RedemptionReceipt, ApiError> {
    client::post("/mall/redemptions", &request).await
}

pub async fn fetch_saved_address() -> Result<SavedAddress, ApiError> {
    client::get("/mall/address").await
}

pub async fn fetch_ledger(kind: Option<LedgerKind>, page: u32) -> Result<LedgerPage, ApiError> {
    client::get(&ledger_path(kind, page)).await
}

/// `kind` names are fixed ASCII words, so the query needs no escaping.
pub fn ledger_path(kind: Option<LedgerKind>, page: u32) -> String {
    let mut path = format!("/mall/ledger?page={page}&per_page={LEDGER_PAGE_SIZE}");
    if let Some(kind) = kind {
        path.push_str("&kind=");
        path.push_str(kind.as_str());
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_queries_carry_the_page_and_the_filter() {
        assert_eq!(ledger_path(None, 1), "/mall/ledger?page=1&per_page=20");
        assert_eq!(
            ledger_path(Some(LedgerKind::CheckIn), 3),
            "/mall/ledger?page=3&per_page=20&kind=check_in"
        );
    }
}
