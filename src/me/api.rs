//! The "me" capability's calls: family contacts (亲情号).

use care_contract::me::{
    FamilyContactCreated, FamilyContactEdit, FamilyContactList, NewFamilyContact,
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
