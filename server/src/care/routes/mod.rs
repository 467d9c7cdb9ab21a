//! Care's handlers, all for the signed-in subscriber: the inbox and its gifts, the
//! preferences under `/api/care`, the report, and the home summary at `/api/home`.

use axum::routing::{get, post};
use axum::Router;
use rusqlite::Connection;

use crate::config::Config;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;

pub mod home;
pub mod inbox;
pub mod preferences;
pub mod report;

/// Care's API routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/home", get(home::home))
        .route("/api/care/inbox", get(inbox::list))
        .route("/api/care/inbox/read-all", post(inbox::read_all))
        .route("/api/care/inbox/{id}/read", post(inbox::read))
        .route("/api/care/inbox/{id}/claim", post(inbox::claim))
        .route(
            "/api/care/preferences",
            get(preferences::get_preferences).put(preferences::put_preferences),
        )
        .route("/api/care/report", get(report::report))
}

/// Runs `f` with the config and the clock's now (Unix ms) in a write transaction (`BEGIN
/// IMMEDIATE`): reading the inbox delivers today's moments, and a claim must see and mark
/// the gift alone.
async fn write<T, F>(state: &AppState, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Config, i64) -> Result<T, StoreError> + Send + 'static,
{
    let config = state.config.clone();
    Ok(state
        .db
        .write(move |tx| {
            let now_ms = config.clock.now_ms();
            f(tx, &config, now_ms)
        })
        .await?)
}
