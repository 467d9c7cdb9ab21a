//! `GET /api/meta`: facts about this backend the app needs before anyone signs in.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServerInfo {
    /// A demo backend: seeded data, and sign-in codes are shown instead of texted.
    pub demo_mode: bool,
    /// The code every demo sign-in accepts; absent outside demo mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo_code: Option<String>,
    /// The operator's customer-service hotline (10000), for one-tap calls.
    pub hotline: String,
}
