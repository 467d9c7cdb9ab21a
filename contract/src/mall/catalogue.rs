//! The catalogue: items, what may block a redemption, sorting and paging.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::ErrorCode;

named_enum! {
    pub enum ItemCategory {
        /// 话费
        PhoneCredit,
        /// 流量
        Data,
        /// Video, music and reading memberships.
        Membership,
        /// Accessories, smart hardware, small appliances.
        Physical,
        /// Rural-support produce (助农).
        Rural,
        /// Charity donation of points: the projects are at `GET /api/mall/charity`, not in
        /// the item list.
        Charity,
    }
}

/// How an item reaches the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryKind {
    /// Credited at once (phone credit, data, memberships): the order is `completed`.
    Instant,
    /// Shipped to a delivery address: `awaiting_shipment` → `shipped` → `delivered`.
    Physical,
}

/// Why the signed-in user cannot redeem an item (or anything). Each has an `ErrorCode` of
/// the same name that a redemption attempt answers, except `limit_reached` (a redemption
/// over the limit answers `limit_exceeded`) and `sign_in_required` (`unauthenticated`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BlockedReason {
    /// Not signed in (catalogue browsing is public).
    SignInRequired,
    /// The account is younger than the operator's minimum (6 months).
    AccountTooNew,
    /// Not real-name verified.
    NotVerified,
    /// The phone bill is overdue.
    InArrears,
    /// Only for members of `min_star_level` and above.
    TierRequired,
    /// A time-limited or flash exchange that has not opened yet (see `starts_at`).
    NotStarted,
    /// The exchange window has closed.
    WindowClosed,
    OutOfStock,
    /// The customer has taken the per-customer limit already.
    LimitReached,
    InsufficientPoints,
}

impl BlockedReason {
    /// Every variant, in declaration order.
    pub const ALL: &'static [BlockedReason] = <BlockedReason as strum::VariantArray>::VARIANTS;

    /// The error code a refused redemption answers for this reason.
    pub const fn error_code(self) -> ErrorCode {
        match self {
            BlockedReason::SignInRequired => ErrorCode::Unauthenticated,
            BlockedReason::AccountTooNew => ErrorCode::AccountTooNew,
            BlockedReason::NotVerified => ErrorCode::NotVerified,
            BlockedReason::InArrears => ErrorCode::InArrears,
            BlockedReason::TierRequired => ErrorCode::TierRequired,
            BlockedReason::NotStarted => ErrorCode::NotStarted,
            BlockedReason::WindowClosed => ErrorCode::WindowClosed,
            BlockedReason::OutOfStock => ErrorCode::OutOfStock,
            BlockedReason::LimitReached => ErrorCode::LimitExceeded,
            BlockedReason::InsufficientPoints => ErrorCode::InsufficientPoints,
        }
    }

    /// The reason behind a refusal, if its code is one of [`BlockedReason::error_code`]'s.
    pub fn from_error_code(code: ErrorCode) -> Option<BlockedReason> {
        Self::ALL.iter().copied().find(|r| r.error_code() == code)
    }

    /// Reasons about the account, not the item: they block every exchange and donation.
    pub const fn is_about_the_account(self) -> bool {
        matches!(
            self,
            BlockedReason::AccountTooNew | BlockedReason::NotVerified | BlockedReason::InArrears
        )
    }
}

/// One catalogue item, with what the signed-in user may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MallItem {
    pub id: i64,
    pub category: ItemCategory,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    /// Points per unit.
    pub points: i64,
    /// Cash per unit in fen (分) for points-plus-cash items, charged to the phone bill;
    /// 0 when the item is points only.
    pub cash_fen: i64,
    /// Units left; absent when unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<i64>,
    /// Most units one customer may take (over all their orders not cancelled).
    pub per_customer_limit: u32,
    /// Lowest star level that may redeem (1 = everyone).
    pub min_star_level: u8,
    /// True when `min_star_level` is above 1 (会员专享).
    pub tier_only: bool,
    /// The exchange opens at this instant (time-limited and flash items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<DateTime<Utc>>,
    /// The exchange closes at this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<DateTime<Utc>>,
    /// A flash exchange (秒兑): small stock from `starts_at`.
    pub flash: bool,
    pub delivery: DeliveryKind,
    pub created_at: DateTime<Utc>,
    /// Units redeemed by everyone (for "popular").
    pub redemption_count: i64,
    /// Units the signed-in user holds in orders not cancelled (0 when signed out).
    pub redeemed_by_me: u32,
    /// The signed-in user could redeem one unit now.
    pub can_redeem: bool,
    /// Why not, when `can_redeem` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_reason: Option<BlockedReason>,
    /// Points for one unit after the first-exchange discount, when the user's next
    /// redemption would be their first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_exchange_points: Option<i64>,
}

named_enum! {
    /// Catalogue order.
    #[derive(Default)]
    pub enum ItemSort {
        /// Most redeemed first (the default).
        #[default]
        Popular,
        PriceAsc,
        PriceDesc,
        Newest,
    }
}

/// `GET /api/mall/items` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ItemQuery {
    /// Only this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ItemCategory>,
    /// Words to find in the Chinese or English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ItemSort>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemPage {
    pub items: Vec<MallItem>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}
