//! Test-only (with `--enable-faults`): making a subscriber with points.
//!
//! Browser tests in one worker share one database. The few demo subscribers' balances and
//! per-customer limits get used up by whichever test runs first, so a test that redeems
//! or donates makes its own isolated, eligible subscriber here instead (and a test of a
//! care moment, one whose birthday is the mall's today). Not part of the
//! API contract: it is not in the OpenAPI document, and without the flag it is a 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::mall::LedgerKind;
use care_contract::phone::normalize_phone;
use care_contract::points::expiry_for;
use care_contract::ErrorCode;
use chrono::{Months, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::extract::ApiJson;
use crate::mall::store::ledger::NewEntry;
use crate::mall::store::points::{balance, earn};
use crate::state::AppState;
use crate::store::StoreError;
use crate::subscribers::default_nickname;

/// `POST /api/_test/subscribers`.
pub const SUBSCRIBERS_PATH: &str = "/api/_test/subscribers";

/// More points than any test needs, and far from overflowing a balance.
const MAX_POINTS: i64 = 100_000_000;

fn yes() -> bool {
    true
}

fn three() -> u8 {
    3
}

/// The subscriber to make (or update, when the phone exists).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTestSubscriber {
    pub phone: String,
    /// Credited as one earning; 0 credits nothing.
    #[serde(default)]
    pub points: i64,
    #[serde(default = "three")]
    pub star_level: u8,
    /// Default: three years before the mall's today (old enough to redeem).
    #[serde(default)]
    pub joined_on: Option<NaiveDate>,
    /// The birthday (its care moment and gift come from it); absent: none, also when
    /// posting again for an existing phone. Not after the mall's today.
    #[serde(default)]
    pub birthday: Option<NaiveDate>,
    /// The nickname; a new subscriber without one is 用户 and the last four digits.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default = "yes")]
    pub verified: bool,
    #[serde(default)]
    pub in_arrears: bool,
}

#[derive(Debug, Serialize)]
pub struct TestSubscriber {
    pub id: i64,
    pub phone: String,
    /// Spendable points now (mall clock).
    pub balance: i64,
}

/// `POST /api/_test/subscribers`: creates or updates the subscriber, credits `points`
/// (expiring on the normal date for points earned today) and answers 201 with the balance.
pub async fn create_test_subscriber(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<NewTestSubscriber>,
) -> Result<(StatusCode, Json<TestSubscriber>), AppError> {
    let phone = normalize_phone(&req.phone)
        .map_err(|e| AppError::new(ErrorCode::InvalidPhone, e.to_string()))?;
    if !(1..=5).contains(&req.star_level) {
        return Err(AppError::bad_request("star_level must be 1 to 5"));
    }
    if !(0..=MAX_POINTS).contains(&req.points) {
        return Err(AppError::bad_request(format!(
            "points must be 0 to {MAX_POINTS}"
        )));
    }
    let name = req.name.as_deref().map(str::trim);
    if name.is_some_and(str::is_empty) {
        return Err(AppError::bad_request("name must not be blank"));
    }
    let name = name.map(str::to_owned);
    let now = state.config.clock.now();
    let today = state.config.clock.today();
    if req.birthday.is_some_and(|born| born > today) {
        return Err(AppError::bad_request("birthday must not be after today"));
    }
    let joined_on = match req.joined_on {
        Some(day) => day,
        None => today
            .checked_sub_months(Months::new(36))
            .ok_or_else(AppError::internal)?,
    };
    let expires_on = expiry_for(today, state.config.mall.points_expire_years_after);
    let created = state
        .db
        .write(move |tx| {
            let nickname = name.clone().unwrap_or_else(|| default_nickname(&phone));
            let id: i64 = tx.query_row(
                "INSERT INTO subscribers (phone, nickname, joined_on, star_level, is_staff,
                     verified, in_arrears, created_at, value_score, birthday)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?9, ?10)
                 ON CONFLICT (phone) DO UPDATE SET
                     nickname = coalesce(?8, nickname),
                     joined_on = excluded.joined_on,
                     birthday = excluded.birthday,
                     star_level = excluded.star_level,
                     value_score = excluded.value_score,
                     verified = excluded.verified,
                     in_arrears = excluded.in_arrears
                 RETURNING id",
                params![
                    phone,
                    nickname,
                    joined_on,
                    req.star_level,
                    req.verified,
                    req.in_arrears,
                    now.timestamp_millis(),
                    name,
                    // The lowest score of the level, so the tier page agrees with the star.
                    care_contract::me::level(req.star_level).min_score,
                    req.birthday
                ],
                |r| r.get(0),
            )?;
            if req.points > 0 {
                let entry = NewEntry::new(
                    LedgerKind::MonthlySpending,
                    req.points,
                    now.timestamp_millis(),
                    "测试积分",
                    "Test points",
                );
                earn(tx, id, &entry, expires_on)?;
            }
            let balance = balance(tx, id, today)?;
            Ok::<_, StoreError>(TestSubscriber { id, phone, balance })
        })
        .await?;
    tracing::warn!(
        id = created.id,
        points = req.points,
        "test subscriber created or updated"
    );
    Ok((StatusCode::CREATED, Json(created)))
}
