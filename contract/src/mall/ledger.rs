//! The points ledger.

use crate::names::named_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

named_enum! {
    /// Why points came or went.
    pub enum LedgerKind {
        /// Points from the monthly bill (about 1 per yuan, times the tier multiplier).
        MonthlySpending,
        /// Years on the network.
        Tenure,
        /// Consecutive active months.
        ActivityBonus,
        CheckIn,
        BirthdayGift,
        HolidayDouble,
        /// A suggestion the operator adopted (创意征集).
        AdoptedSuggestion,
        Redemption,
        /// Points back from a cancelled order.
        Refund,
        /// Points that reached their expiry date unspent.
        Expiry,
        Donation,
    }
}

/// One line of the points ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerEntry {
    pub id: i64,
    pub kind: LedgerKind,
    /// Signed: positive when earned or refunded, negative when spent, donated or expired.
    pub points: i64,
    pub at: DateTime<Utc>,
    /// The day in China (UTC+8).
    pub date: NaiveDate,
    /// The reason in words (e.g. "2025年5月话费消费 ¥128 × 1.5").
    pub title_zh: String,
    pub title_en: String,
    /// For earnings: the last day these points can be spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<NaiveDate>,
    /// For redemptions and refunds: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<i64>,
}

/// A page of the ledger, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerPage {
    pub entries: Vec<LedgerEntry>,
    pub page: u32,
    pub per_page: u32,
    /// Entries matching the filter, on all pages.
    pub total: u64,
}

/// `GET /api/mall/ledger` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LedgerQuery {
    /// Only entries of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<LedgerKind>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Entries per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}
