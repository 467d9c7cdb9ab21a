//! `GET /api/me`: the signed-in subscriber as the app shows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub id: i64,
    /// Always masked (138****8000): the full number never leaves the backend in a profile.
    pub phone_masked: String,
    pub nickname: String,
    /// The day the subscriber joined the network (for anniversaries and tenure).
    pub joined_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<NaiveDate>,
    /// Operator star level, 1 to 7.
    pub star_level: u8,
    /// Operator staff answer in the community with an official badge.
    pub is_staff: bool,
    /// Family or emergency contacts (亲情号), for one-tap calls.
    #[serde(default)]
    pub family_contacts: Vec<FamilyContact>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyContact {
    /// Its id, for editing and deleting (`/api/me/family-contacts/{id}`).
    pub id: i64,
    /// What the subscriber calls them: 女儿, "my son".
    pub name: String,
    /// Full number, for the subscriber's own tel: link only; display `phone_masked`.
    pub phone: String,
    pub phone_masked: String,
}
