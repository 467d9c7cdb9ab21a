//! Facts about the backend needed before sign-in (demo mode, hotline).

use care_contract::meta::ServerInfo;

use super::{client, ApiError};

pub async fn fetch_server_info() -> Result<ServerInfo, ApiError> {
    client::get("/meta").await
}
