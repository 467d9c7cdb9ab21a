//! Test-only (with `--enable-faults`): the feedback numbers (service levels, photo
//! limits). Not part of the API contract: not in the OpenAPI document, and without the
//! flag a 404. Time comes from the mall's clock (`/api/_test/clock`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::feedback::{ServiceLevels, PHOTO_MAX_BYTES};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::extract::ApiJson;
use crate::feedback::FeedbackConfig;
use crate::state::AppState;

/// `PUT` (change some numbers) and `DELETE` (back to the defaults).
pub const CONFIG_PATH: &str = "/api/_test/feedback/config";

/// The numbers to change; absent ones stay.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigChange {
    pub respond_within_hours: Option<u32>,
    pub resolve_within_hours: Option<u32>,
    pub high_risk_within_hours: Option<u32>,
    pub follow_up_within_hours: Option<u32>,
    pub appeal_after_days: Option<u32>,
    pub photo_max_bytes: Option<usize>,
    pub photo_max_pixels: Option<u64>,
    pub photo_max_side: Option<u32>,
}

/// The numbers now.
#[derive(Debug, Serialize, Deserialize)]
pub struct ConfigNow {
    pub levels: ServiceLevels,
    pub photo_max_bytes: usize,
    pub photo_max_pixels: u64,
    pub photo_max_side: u32,
}

impl From<FeedbackConfig> for ConfigNow {
    fn from(c: FeedbackConfig) -> Self {
        Self {
            levels: c.levels,
            photo_max_bytes: c.photo_max_bytes,
            photo_max_pixels: c.photo_max_pixels,
            photo_max_side: c.photo_max_side,
        }
    }
}

/// `PUT /api/_test/feedback/config` `{"high_risk_within_hours": 1}`: changes the given
/// numbers and answers all of them.
pub async fn set_config(
    State(state): State<AppState>,
    ApiJson(change): ApiJson<ConfigChange>,
) -> Result<Json<ConfigNow>, AppError> {
    let hours = [
        change.respond_within_hours,
        change.resolve_within_hours,
        change.high_risk_within_hours,
        change.follow_up_within_hours,
        change.appeal_after_days,
    ];
    if hours.iter().flatten().any(|&h| h == 0 || h > 10_000) {
        return Err(AppError::bad_request("hours and days must be 1 to 10000"));
    }
    if change
        .photo_max_bytes
        .is_some_and(|b| b == 0 || b > PHOTO_MAX_BYTES)
    {
        return Err(AppError::bad_request(format!(
            "photo_max_bytes must be 1 to {PHOTO_MAX_BYTES}"
        )));
    }
    if change.photo_max_pixels == Some(0) || change.photo_max_side == Some(0) {
        return Err(AppError::bad_request("photo limits must be positive"));
    }
    state.config.feedback.update(|c| {
        let l = &mut c.levels;
        let set = |target: &mut u32, value: Option<u32>| {
            if let Some(v) = value {
                *target = v;
            }
        };
        set(&mut l.respond_within_hours, change.respond_within_hours);
        set(&mut l.resolve_within_hours, change.resolve_within_hours);
        set(&mut l.high_risk_within_hours, change.high_risk_within_hours);
        set(&mut l.follow_up_within_hours, change.follow_up_within_hours);
        set(&mut l.appeal_after_days, change.appeal_after_days);
        set(&mut c.photo_max_side, change.photo_max_side);
        if let Some(b) = change.photo_max_bytes {
            c.photo_max_bytes = b;
        }
        if let Some(p) = change.photo_max_pixels {
            c.photo_max_pixels = p;
        }
    });
    let now = state.config.feedback.get();
    tracing::warn!(config = ?now, "feedback config changed by a test");
    Ok(Json(now.into()))
}

/// `DELETE /api/_test/feedback/config`: the operator's defaults again.
pub async fn reset_config(State(state): State<AppState>) -> StatusCode {
    state.config.feedback.set(FeedbackConfig::default());
    StatusCode::NO_CONTENT
}
