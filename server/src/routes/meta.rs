//! `GET /api/meta`.

use axum::extract::State;
use axum::Json;
use care_contract::meta::ServerInfo;

use crate::state::AppState;

/// The operator's customer-service hotline.
pub const HOTLINE: &str = "10000";

/// Facts about this backend the app needs before anyone signs in.
#[utoipa::path(
    get,
    path = "/api/meta",
    tag = "meta",
    responses((status = 200, description = "About this backend", body = ServerInfo))
)]
pub async fn meta(State(state): State<AppState>) -> Json<ServerInfo> {
    Json(ServerInfo {
        demo_mode: state.config.demo,
        demo_code: state.config.demo.then(|| state.config.demo_code.clone()),
        hotline: HOTLINE.to_owned(),
    })
}
