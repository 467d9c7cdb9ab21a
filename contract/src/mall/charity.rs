//! Charity projects and donations of points.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A charity project that takes points of any amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CharityProject {
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    /// Points donated by everyone so far.
    pub raised_points: i64,
    pub donors: i64,
    /// Points the signed-in user has donated to it.
    pub my_points: i64,
}

/// `POST /api/mall/donations`: exactly once per key, like a redemption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationRequest {
    #[serde(deserialize_with = "crate::integer::whole")]
    pub project_id: i64,
    /// Any positive amount up to the balance.
    #[serde(deserialize_with = "crate::integer::whole")]
    pub points: i64,
    pub idempotency_key: String,
}

/// 201 when made now, 200 with `replayed: true` for a key already used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationReceipt {
    pub id: i64,
    pub project_id: i64,
    pub points: i64,
    pub at: DateTime<Utc>,
    pub balance: i64,
    pub replayed: bool,
}
