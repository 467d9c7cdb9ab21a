//! The community's handlers under `/api/community`. Reading (boards, threads, replies,
//! search) is public, with more for a signed-in member; everything else needs a session,
//! and moderation needs staff.

use std::sync::Arc;

use axum::routing::{get, post, put};
use axum::Router;
use care_contract::community::{PostField, TextProblem};
use care_contract::ErrorCode;
use rusqlite::Connection;

use super::store::{Ctx, Viewer};
use crate::config::Config;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;

pub mod boards;
pub mod ideas;
pub mod moderation;
pub mod replies;
pub mod test_hooks;
pub mod threads;
pub mod votes;

/// The community's API routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/community/boards", get(boards::boards))
        .route("/api/community/search", get(boards::search))
        .route(
            "/api/community/threads",
            get(threads::list).post(threads::create),
        )
        .route(
            "/api/community/threads/{id}",
            get(threads::view)
                .put(threads::edit)
                .delete(threads::delete),
        )
        .route(
            "/api/community/threads/{id}/restore",
            post(threads::restore),
        )
        .route(
            "/api/community/threads/{id}/replies",
            get(replies::replies).post(replies::create),
        )
        .route(
            "/api/community/threads/{id}/best-answer",
            put(threads::best_answer),
        )
        .route("/api/community/threads/{id}/vote", put(votes::thread_vote))
        .route(
            "/api/community/threads/{id}/poll/votes",
            post(votes::poll_vote),
        )
        .route(
            "/api/community/replies/{id}",
            put(replies::edit).delete(replies::delete),
        )
        .route(
            "/api/community/replies/{id}/restore",
            post(replies::restore),
        )
        .route("/api/community/replies/{id}/vote", put(votes::reply_vote))
        .route("/api/community/replies/{id}/adopt", post(ideas::adopt))
        .route("/api/community/reports", post(moderation::report))
        .route("/api/community/moderation/queue", get(moderation::queue))
        .route(
            "/api/community/moderation/threads/{id}",
            post(moderation::moderate_thread),
        )
        .route(
            "/api/community/moderation/replies/{id}",
            post(moderation::moderate_reply),
        )
        .route("/api/community/moderation/log", get(moderation::log))
}

/// The community's test-only routes (with `--enable-faults`).
pub fn test_router() -> Router<AppState> {
    Router::new()
        .route(
            test_hooks::CONFIG_PATH,
            put(test_hooks::set_config).delete(test_hooks::reset_config),
        )
        .route(test_hooks::BACKDATE_PATH, post(test_hooks::backdate))
}

/// 400 `invalid_post` naming the field.
fn invalid_post(field: PostField, problem: TextProblem) -> AppError {
    AppError::invalid_text(ErrorCode::InvalidPost, field.as_str(), problem)
}

/// A text field's check as the API answers it.
fn text<T>(field: PostField, checked: Result<T, TextProblem>) -> Result<T, AppError> {
    checked.map_err(|problem| invalid_post(field, problem))
}

/// Runs `f` with the request's context inside a read transaction (one consistent view).
async fn read<T, F>(state: &AppState, user: Option<i64>, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Ctx<'_>) -> Result<T, StoreError> + Send + 'static,
{
    let config = state.config.clone();
    let community = config.community.get();
    Ok(state
        .db
        .read(move |conn| {
            let tx = conn.transaction()?;
            let value = with_ctx(&tx, &config, &community, user, f)?;
            tx.commit()?;
            Ok::<_, StoreError>(value)
        })
        .await?)
}

/// Runs `f` with the request's context inside a write transaction (`BEGIN IMMEDIATE`):
/// any refusal rolls back everything it wrote.
async fn write<T, F>(state: &AppState, user: Option<i64>, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Ctx<'_>) -> Result<T, StoreError> + Send + 'static,
{
    let config = state.config.clone();
    let community = config.community.get();
    Ok(state
        .db
        .write(move |tx| with_ctx(tx, &config, &community, user, f))
        .await?)
}

fn with_ctx<T>(
    conn: &Connection,
    config: &Arc<Config>,
    community: &super::CommunityConfig,
    user: Option<i64>,
    f: impl FnOnce(&Connection, &Ctx<'_>) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let ctx = Ctx {
        viewer: Viewer::load(conn, user)?,
        now_ms: config.clock.now_ms(),
        cfg: community,
        mall: &config.mall,
    };
    f(conn, &ctx)
}
