//! `GET /api/meta` and `GET /api/openapi.json`: what the app and API users learn before
//! anyone signs in.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use care_contract::meta::ServerInfo;

use crate::openapi;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/meta", get(meta))
        .route("/api/openapi.json", get(openapi::serve_openapi))
}

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
