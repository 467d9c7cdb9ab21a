//! Summary, tier, check-in: the mall's front page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::BlockedReason;

/// `GET /api/mall/summary`: what the mall's front page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MallSummary {
    /// Spendable points today (expired points never count).
    pub balance: i64,
    pub tier: TierInfo,
    /// The next date on which points expire, and how many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_expiry: Option<PointsExpiry>,
    /// Points expiring within `expiry_reminder_days` (the reminder banner), with the
    /// earliest of those dates; absent when nothing expires that soon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiring_soon: Option<PointsExpiry>,
    pub expiry_reminder_days: u32,
    pub check_in: CheckInStatus,
    /// Why this account cannot redeem at all (`account_too_new`, `not_verified`,
    /// `in_arrears`); absent when it can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_blocked: Option<BlockedReason>,
    /// The discount the next redemption gets as the customer's first exchange; absent once
    /// used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_exchange_percent_off: Option<u32>,
    /// "Today" for expiry and check-in: the date in China (UTC+8).
    pub today: NaiveDate,
}

/// Points that expire on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointsExpiry {
    pub points: i64,
    /// The last day these points can be spent.
    pub date: NaiveDate,
}

/// The member tier that follows from the operator star level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierInfo {
    /// Operator star level, 1 to 7.
    pub star_level: u8,
    pub name_zh: String,
    pub name_en: String,
    /// Earning multiplier in percent (150 = ×1.5) on points from spending.
    pub multiplier_percent: u32,
    pub benefits: Vec<Benefit>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Benefit {
    pub zh: String,
    pub en: String,
}

/// Where the daily check-in stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInStatus {
    pub checked_in_today: bool,
    /// Consecutive days up to today (or up to yesterday when not yet checked in today and
    /// the streak is still alive); 0 when broken.
    pub streak: u32,
    /// Points from check-ins this calendar month, the ones the monthly cap counts (holiday
    /// double points not included).
    pub month_total: i64,
    pub month_cap: i64,
    /// What the next check-in earns: today's if not yet done, else tomorrow's if the streak
    /// continues (0 once the monthly cap is reached), doubled on a double points holiday
    /// (Spring Festival, National Day).
    pub next_reward: i64,
}

/// `POST /api/mall/check-in`. Idempotent per day: a second call the same day changes
/// nothing and answers the same result with `already_checked_in: true` (still 200).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInResult {
    pub day: NaiveDate,
    pub streak: u32,
    /// Points this day's check-in earned in all (0 when the monthly cap was already
    /// reached): on a double points holiday twice the check-in points, written to the
    /// ledger as a `check_in` and a `holiday_double` entry.
    pub reward: i64,
    /// Check-in points this calendar month, the ones the monthly cap counts (holiday
    /// double points not included).
    pub month_total: i64,
    pub balance: i64,
    pub already_checked_in: bool,
}
