//! Who is signed in, and their profile.

use care_contract::auth::SessionInfo;
use care_contract::profile::Profile;

use super::{client, ApiError};

/// Asked at every start: 200 whether or not anyone is signed in.
pub async fn fetch_session() -> Result<SessionInfo, ApiError> {
    client::get("/session").await
}

pub const PROFILE_PATH: &str = "/me";

/// The profile page's data; 401 `unauthenticated` when the session has ended.
pub async fn fetch_profile() -> Result<Profile, ApiError> {
    client::get(PROFILE_PATH).await
}
