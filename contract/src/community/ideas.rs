//! Idea calls (创意征集): staff adopt a suggestion, its author earns points.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Reply;

/// A suggestion the operator adopted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Adoption {
    /// Points credited to its author (an `adopted_suggestion` earning in the ledger).
    pub points: i64,
    pub at: DateTime<Utc>,
}

/// `POST /api/community/replies/{id}/adopt` (staff): a suggestion in an idea call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptRequest {
    /// For the moderation log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The adopted suggestion and what its author received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptionResult {
    pub reply: Reply,
    pub points: i64,
    /// The author's ledger entry for them.
    pub ledger_entry_id: i64,
}
