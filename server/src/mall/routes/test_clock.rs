//! Test-only: pinning the mall's clock.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::extract::ApiJson;
use crate::state::AppState;

/// Test-only (with `--enable-faults`): `PUT /api/_test/clock` pins the mall's clock.
pub const CLOCK_PATH: &str = "/api/_test/clock";

#[derive(Debug, Deserialize)]
pub struct PinClock {
    pub now: DateTime<Utc>,
}

/// `PUT /api/_test/clock` {"now": RFC 3339}: the mall's clock stands at `now`.
pub async fn pin_clock(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<PinClock>,
) -> StatusCode {
    state.config.clock.set(req.now);
    tracing::warn!(now = %req.now, "mall clock pinned");
    StatusCode::NO_CONTENT
}

/// `DELETE /api/_test/clock`: back to real time.
pub async fn reset_clock(State(state): State<AppState>) -> StatusCode {
    state.config.clock.reset();
    StatusCode::NO_CONTENT
}
