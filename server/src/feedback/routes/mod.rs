//! Feedback's handlers: the subscriber's tickets under `/api/feedback`, staff's queue and
//! actions under `/api/staff/feedback`, and the quick rating under `/api/rate/{token}`
//! (no sign-in).

use std::path::PathBuf;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use axum::Router;
use care_contract::community::TextProblem;
use care_contract::feedback::PHOTO_MAX_BYTES;
use care_contract::ErrorCode;
use rusqlite::Connection;

use super::store::{viewer, Ctx};
use crate::config::Config;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;

pub mod photos;
pub mod rate;
pub mod staff;
pub mod test_hooks;
pub mod tickets;

/// Feedback's API routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/feedback/tickets",
            get(tickets::list).post(tickets::create),
        )
        .route("/api/feedback/tickets/{id}", get(tickets::view))
        .route(
            "/api/feedback/tickets/{id}/messages",
            post(tickets::message),
        )
        .route(
            "/api/feedback/tickets/{id}/withdraw",
            post(tickets::withdraw),
        )
        .route(
            "/api/feedback/tickets/{id}/undo-withdraw",
            post(tickets::undo_withdraw),
        )
        .route("/api/feedback/tickets/{id}/rating", post(tickets::rate))
        .route(
            "/api/feedback/photos",
            post(photos::upload).layer(DefaultBodyLimit::max(PHOTO_MAX_BYTES)),
        )
        .route("/api/feedback/photos/{id}", get(photos::fetch))
        .route("/api/staff/feedback/tickets", get(staff::queue))
        .route(
            "/api/staff/feedback/tickets/{id}/accept",
            post(staff::accept),
        )
        .route("/api/staff/feedback/tickets/{id}/reply", post(staff::reply))
        .route("/api/staff/feedback/tickets/{id}/ask", post(staff::ask))
        .route(
            "/api/staff/feedback/tickets/{id}/resolve",
            post(staff::resolve),
        )
        .route("/api/rate/{token}", get(rate::status).post(rate::rate))
}

/// Feedback's test-only routes (with `--enable-faults`).
pub fn test_router() -> Router<AppState> {
    Router::new().route(
        test_hooks::CONFIG_PATH,
        put(test_hooks::set_config).delete(test_hooks::reset_config),
    )
}

/// 400 `invalid_ticket` naming the field.
pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError::invalid_field(ErrorCode::InvalidTicket, field, message)
}

/// A text field's check as the API answers it.
fn text<T>(field: &str, checked: Result<T, TextProblem>) -> Result<T, AppError> {
    checked.map_err(|problem| AppError::invalid_text(ErrorCode::InvalidTicket, field, problem))
}

/// Photo ids: at most `MAX_PHOTOS`, none twice.
fn photo_ids(ids: &[i64]) -> Result<(), AppError> {
    use care_contract::feedback::MAX_PHOTOS;
    if ids.len() > MAX_PHOTOS {
        return Err(invalid("photo_ids", format!("at most {MAX_PHOTOS} photos")));
    }
    for (i, id) in ids.iter().enumerate() {
        if ids[i + 1..].contains(id) {
            return Err(invalid("photo_ids", format!("photo {id} is listed twice")));
        }
    }
    Ok(())
}

/// Where photos are kept: `photos/` beside the database file (a temporary folder for an
/// in-memory database).
pub fn photos_dir(config: &Config) -> PathBuf {
    let db = &config.db_path;
    let in_memory = db.as_os_str().is_empty()
        || db.as_os_str() == ":memory:"
        || db.to_string_lossy().starts_with("file::memory:");
    if in_memory {
        return std::env::temp_dir().join(format!("care-photos-{}", std::process::id()));
    }
    match db.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("photos"),
        _ => PathBuf::from("photos"),
    }
}

/// Runs `f` with the request's context inside a read transaction (one consistent view).
async fn read<T, F>(state: &AppState, user: Option<i64>, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Ctx<'_>) -> Result<T, StoreError> + Send + 'static,
{
    let config = state.config.clone();
    Ok(state
        .db
        .read(move |conn| {
            let tx = conn.transaction()?;
            let value = with_ctx(&tx, &config, user, f)?;
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
    Ok(state
        .db
        .write(move |tx| with_ctx(tx, &config, user, f))
        .await?)
}

fn with_ctx<T>(
    conn: &Connection,
    config: &Config,
    user: Option<i64>,
    f: impl FnOnce(&Connection, &Ctx<'_>) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let cfg = config.feedback.get();
    let ctx = Ctx {
        viewer: viewer(conn, user)?,
        now_ms: config.clock.now_ms(),
        cfg: &cfg,
    };
    f(conn, &ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_live_beside_the_database() {
        let c = Config::new("/data/care/care.sqlite3");
        assert_eq!(photos_dir(&c), PathBuf::from("/data/care/photos"));
        let c = Config::new("care.sqlite3");
        assert_eq!(photos_dir(&c), PathBuf::from("photos"));
        let c = Config::new(":memory:");
        assert!(photos_dir(&c).starts_with(std::env::temp_dir()));
    }

    #[test]
    fn photo_ids_are_at_most_three_and_each_once() {
        assert!(photo_ids(&[1, 2, 3]).is_ok());
        assert_eq!(
            photo_ids(&[1, 2, 3, 4]).unwrap_err().body.code,
            ErrorCode::InvalidTicket
        );
        assert!(photo_ids(&[1, 1]).is_err());
    }
}
