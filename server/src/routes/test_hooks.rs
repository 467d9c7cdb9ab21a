//! Test-only routes under `/api/_test/` (faults, the mall's clock, test subscribers),
//! mounted with `--enable-faults` only and never themselves faulted. Not part of the API
//! contract: they are not in the OpenAPI document.

use axum::Router;

use crate::state::AppState;
use crate::{faults, mall};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(faults::router())
        .merge(mall::routes::test_router())
}
