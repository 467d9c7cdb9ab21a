//! Test-only (with `--enable-faults`): the community's numbers, and ageing a post.
//!
//! Browser tests share one server: these let a test set the forbidden words or the rate
//! limits it needs, and make its own post old enough that the edit window has closed,
//! without moving the clock under every other test. Not part of the API contract: not in
//! the OpenAPI document, and without the flag a 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::community::PostKind;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::community::CommunityConfig;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::StoreError;

/// `PUT` (change some numbers) and `DELETE` (back to the defaults).
pub const CONFIG_PATH: &str = "/api/_test/community/config";
/// `POST`: a post made earlier than it was.
pub const BACKDATE_PATH: &str = "/api/_test/community/backdate";

/// The numbers to change; absent ones stay.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigChange {
    pub threads_per_hour: Option<u32>,
    pub replies_per_minute: Option<u32>,
    pub edit_window_minutes: Option<u32>,
    pub forbidden_words: Option<Vec<String>>,
    pub adoption_points: Option<i64>,
}

/// The numbers now.
#[derive(Debug, Serialize, Deserialize)]
pub struct ConfigNow {
    pub threads_per_hour: u32,
    pub replies_per_minute: u32,
    pub edit_window_minutes: u32,
    pub forbidden_words: Vec<String>,
    pub adoption_points: i64,
}

impl From<CommunityConfig> for ConfigNow {
    fn from(c: CommunityConfig) -> Self {
        Self {
            threads_per_hour: c.threads_per_hour,
            replies_per_minute: c.replies_per_minute,
            edit_window_minutes: c.edit_window_minutes,
            forbidden_words: c.forbidden_words,
            adoption_points: c.adoption_points,
        }
    }
}

/// `PUT /api/_test/community/config` `{"forbidden_words": ["违禁词"], "threads_per_hour": 0}`:
/// changes the given numbers (0 turns a rate limit off) and answers all of them.
pub async fn set_config(
    State(state): State<AppState>,
    ApiJson(change): ApiJson<ConfigChange>,
) -> Result<Json<ConfigNow>, AppError> {
    if change
        .adoption_points
        .is_some_and(|p| !(1..=1_000_000).contains(&p))
    {
        return Err(AppError::bad_request(
            "adoption_points must be 1 to 1000000",
        ));
    }
    state.config.community.update(|c| {
        if let Some(n) = change.threads_per_hour {
            c.threads_per_hour = n;
        }
        if let Some(n) = change.replies_per_minute {
            c.replies_per_minute = n;
        }
        if let Some(n) = change.edit_window_minutes {
            c.edit_window_minutes = n;
        }
        if let Some(words) = change.forbidden_words {
            c.forbidden_words = words;
        }
        if let Some(p) = change.adoption_points {
            c.adoption_points = p;
        }
    });
    let now = state.config.community.get();
    tracing::warn!(config = ?now, "community config changed by a test");
    Ok(Json(now.into()))
}

/// `DELETE /api/_test/community/config`: the operator's defaults again.
pub async fn reset_config(State(state): State<AppState>) -> StatusCode {
    state.config.community.set(CommunityConfig::default());
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backdate {
    pub kind: PostKind,
    pub id: i64,
    pub minutes: u32,
}

/// `POST /api/_test/community/backdate` `{"kind": "reply", "id": 42, "minutes": 31}`: the
/// post was made that many minutes earlier (so its edit window may have closed). 204, or
/// 404 for no such post.
pub async fn backdate(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<Backdate>,
) -> Result<StatusCode, AppError> {
    let ms = i64::from(req.minutes) * 60_000;
    let sql = match req.kind {
        PostKind::Thread => {
            "UPDATE community_threads SET created_at = created_at - ?2,
                 last_activity_at = last_activity_at - ?2 WHERE id = ?1"
        }
        PostKind::Reply => {
            "UPDATE community_replies SET created_at = created_at - ?2 WHERE id = ?1"
        }
    };
    let changed = state
        .db
        .write(move |tx| Ok::<_, StoreError>(tx.execute(sql, params![req.id, ms])?))
        .await?;
    if changed == 0 {
        return Err(AppError::not_found());
    }
    tracing::warn!(kind = ?req.kind, id = req.id, minutes = req.minutes, "post backdated by a test");
    Ok(StatusCode::NO_CONTENT)
}
