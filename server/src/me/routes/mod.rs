//! "Me"'s handlers: the tier, family contacts, callback requests and the privacy centre
//! under `/api/me/…`, staff's callback list under `/api/staff/callbacks`.

use axum::routing::{get, post, put};
use axum::Router;
use care_contract::community::TextProblem;
use care_contract::ErrorCode;
use rusqlite::Connection;

use super::store::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;

pub mod callbacks;
pub mod family;
pub mod privacy;
pub mod staff;
pub mod tier;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/me/tier", get(tier::tier))
        .route(
            "/api/me/family-contacts",
            get(family::list).post(family::add),
        )
        .route(
            "/api/me/family-contacts/{id}",
            put(family::edit).delete(family::delete),
        )
        .route(
            "/api/me/callbacks",
            get(callbacks::list).post(callbacks::create),
        )
        .route("/api/me/callbacks/{id}/cancel", post(callbacks::cancel))
        .route("/api/staff/callbacks", get(staff::open))
        .route("/api/staff/callbacks/{id}/done", post(staff::done))
        .route("/api/me/privacy", get(privacy::overview))
        .route("/api/me/export", get(privacy::export))
        .route(
            "/api/me/deletion-request",
            post(privacy::request).delete(privacy::withdraw),
        )
}

/// 400 `invalid_contact` naming the field.
pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError::invalid_field(ErrorCode::InvalidContact, field, message)
}

/// A text field's check as the API answers it.
fn text<T>(field: &str, checked: Result<T, TextProblem>) -> Result<T, AppError> {
    checked.map_err(|problem| AppError::invalid_text(ErrorCode::InvalidContact, field, problem))
}

/// A number typed for a contact or a callback, as digits.
fn phone(raw: &str) -> Result<String, AppError> {
    care_contract::me::contact_phone(raw).map_err(|e| invalid("phone", e.to_string()))
}

/// Runs `f` for the signed-in subscriber inside a read transaction (one consistent view).
async fn read<T, F>(state: &AppState, user: i64, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Ctx) -> Result<T, StoreError> + Send + 'static,
{
    let now_ms = state.config.clock.now_ms();
    let cfg = state.config.me;
    Ok(state
        .db
        .read(move |conn| {
            let tx = conn.transaction()?;
            let ctx = Ctx::load(&tx, user, now_ms, cfg)?;
            let value = f(&tx, &ctx)?;
            tx.commit()?;
            Ok::<_, StoreError>(value)
        })
        .await?)
}

/// Runs `f` for the signed-in subscriber inside a write transaction (`BEGIN IMMEDIATE`):
/// any refusal rolls back everything it wrote.
async fn write<T, F>(state: &AppState, user: i64, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Ctx) -> Result<T, StoreError> + Send + 'static,
{
    let now_ms = state.config.clock.now_ms();
    let cfg = state.config.me;
    Ok(state
        .db
        .write(move |tx| {
            let ctx = Ctx::load(tx, user, now_ms, cfg)?;
            f(tx, &ctx)
        })
        .await?)
}
