//! Searching threads.

use serde::{Deserialize, Serialize};

/// `GET /api/community/search` query. Answers a `ThreadPage`, best matches first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SearchQuery {
    /// Words to find in titles and bodies, all of them (Chinese included: any part of a
    /// word matches).
    pub q: String,
    /// Only this board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_id: Option<i64>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Threads per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}
