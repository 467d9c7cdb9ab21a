//! The "me" capability's calls: family contacts (亲情号), the tier, callback requests and the
//! privacy centre.

use care_contract::me::{
    Callback, CallbackCreated, CallbackList, DeletionRecorded, DeletionRequestBody,
    FamilyContactCreated, FamilyContactEdit, FamilyContactList, NewCallbackRequest,
    NewFamilyContact, PrivacyOverview, TierStatus,
};
use care_contract::profile::FamilyContact;

use crate::api::client;
use crate::api::ApiError;

pub const FAMILY_PATH: &str = "/me/family-contacts";

fn contact_path(id: i64) -> String {
    format!("{FAMILY_PATH}/{id}")
}

pub async fn fetch_family() -> Result<FamilyContactList, ApiError> {
    client::get(FAMILY_PATH).await
}

/// Sent exactly once per key (`SubmitOnce`).
pub async fn add_contact(request: NewFamilyContact) -> Result<FamilyContactCreated, ApiError> {
    client::post(FAMILY_PATH, &request).await
}

/// Setting the name and number to what they are now: safe to send again.
pub async fn edit_contact(id: i64, edit: FamilyContactEdit) -> Result<FamilyContact, ApiError> {
    client::put(&contact_path(id), &edit).await
}

pub async fn remove_contact(id: i64) -> Result<(), ApiError> {
    client::delete_no_content(&contact_path(id)).await
}

pub const TIER_PATH: &str = "/me/tier";
pub const CALLBACKS_PATH: &str = "/me/callbacks";
pub const PRIVACY_PATH: &str = "/me/privacy";
const EXPORT_PATH: &str = "/me/export";
const DELETION_PATH: &str = "/me/deletion-request";

pub async fn fetch_tier() -> Result<TierStatus, ApiError> {
    client::get(TIER_PATH).await
}

pub async fn fetch_callbacks() -> Result<CallbackList, ApiError> {
    client::get(CALLBACKS_PATH).await
}

/// Sent exactly once per key (`SubmitOnce`).
pub async fn request_callback(request: NewCallbackRequest) -> Result<CallbackCreated, ApiError> {
    client::post(CALLBACKS_PATH, &request).await
}

pub async fn cancel_callback(id: i64) -> Result<Callback, ApiError> {
    client::post(&format!("{CALLBACKS_PATH}/{id}/cancel"), &()).await
}

pub async fn fetch_privacy() -> Result<PrivacyOverview, ApiError> {
    client::get(PRIVACY_PATH).await
}

/// Everything kept about the subscriber, as the backend wrote it (kept as JSON values so
/// the file holds every field, those this build does not know included).
pub async fn fetch_export() -> Result<serde_json::Value, ApiError> {
    client::get(EXPORT_PATH).await
}

/// A second request answers the pending one: safe to send again.
pub async fn request_deletion(body: DeletionRequestBody) -> Result<DeletionRecorded, ApiError> {
    client::post(DELETION_PATH, &body).await
}

pub async fn withdraw_deletion() -> Result<(), ApiError> {
    client::delete_no_content(DELETION_PATH).await
}
