//! The mall's handlers under `/api/mall`. Browsing the catalogue and charity projects is
//! public (items then say `sign_in_required`); everything else needs a session.

use axum::routing::{get, post};
use axum::Router;
use care_contract::mall::{DEFAULT_PER_PAGE, MAX_PER_PAGE};

use crate::error::AppError;
use crate::state::AppState;

pub mod address;
pub mod catalogue;
pub mod charity;
pub mod orders;
pub mod points;
pub mod test_clock;
pub mod test_subscribers;

/// The mall's API routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/mall/summary", get(points::summary))
        .route("/api/mall/ledger", get(points::ledger))
        .route("/api/mall/check-in", post(points::check_in))
        .route("/api/mall/items", get(catalogue::items))
        .route("/api/mall/items/{id}", get(catalogue::item))
        .route("/api/mall/redemptions", post(orders::redeem))
        .route("/api/mall/orders", get(orders::orders))
        .route("/api/mall/orders/{id}", get(orders::order))
        .route("/api/mall/orders/{id}/cancel", post(orders::cancel))
        .route("/api/mall/staff/orders/{id}/advance", post(orders::advance))
        .route(
            "/api/mall/address",
            get(address::get_address).put(address::put_address),
        )
        .route("/api/mall/charity", get(charity::charity))
        .route("/api/mall/donations", post(charity::donate))
}

/// The mall's test-only routes (with `--enable-faults`): pinning the clock, making a
/// subscriber with points.
pub fn test_router() -> Router<AppState> {
    Router::new()
        .route(
            test_clock::CLOCK_PATH,
            axum::routing::put(test_clock::pin_clock).delete(test_clock::reset_clock),
        )
        .route(
            test_subscribers::SUBSCRIBERS_PATH,
            post(test_subscribers::create_test_subscriber),
        )
}

/// A mall list's page and page size.
fn paging(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32), AppError> {
    crate::paging::paging(page, per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)
}
