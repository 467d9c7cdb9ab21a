//! The charity screens' backend calls.

use care_contract::mall::{CharityProject, DonationReceipt, DonationRequest};

use crate::api::client;
use crate::api::ApiError;

/// Every project, with what the signed-in user gave to each.
pub const PROJECTS_PATH: &str = "/mall/charity";

pub async fn fetch_projects() -> Result<Vec<CharityProject>, ApiError> {
    client::get(PROJECTS_PATH).await
}

/// Exactly once per `idempotency_key`: the same key answers the first receipt again.
pub async fn donate(request: DonationRequest) -> Result<DonationReceipt, ApiError> {
    client::post("/mall/donations", &request).await
}
