//! The points mall (积分商城), under `/api/mall`: balance and tier, the points ledger, daily
//! check-in, the catalogue, exactly-once redemption, orders, the delivery address and
//! charity donations.
//!
//! Exactly once: every redemption and donation carries an `idempotency_key` the app makes
//! when the confirmation opens (16-64 of `A-Z a-z 0-9 - _`). Sending the same key again
//! with the same body answers the original result (200, `replayed: true`) and never
//! deducts twice; the same key with a different body is 409 `idempotency_conflict`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::phone::normalize_phone;

/// Shortest idempotency key.
pub const IDEMPOTENCY_KEY_MIN: usize = 16;
/// Longest idempotency key.
pub const IDEMPOTENCY_KEY_MAX: usize = 64;
/// Most items in one redemption (the per-customer limit may be lower).
pub const MAX_QUANTITY: u32 = 99;
/// Longest recipient name, in characters.
pub const ADDRESS_NAME_MAX_CHARS: usize = 20;
/// Longest region (province / city / district), in characters.
pub const ADDRESS_REGION_MAX_CHARS: usize = 50;
/// Shortest and longest street address, in characters.
pub const ADDRESS_DETAIL_MIN_CHARS: usize = 4;
pub const ADDRESS_DETAIL_MAX_CHARS: usize = 100;
/// Longest catalogue search, in characters.
pub const SEARCH_MAX_CHARS: usize = 50;
/// Page size when none is asked for, and the largest allowed.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
/// Longest tracking number a staff member may enter.
pub const TRACKING_NUMBER_MAX_CHARS: usize = 40;

/// A key the app may send as `idempotency_key`.
pub fn is_valid_idempotency_key(key: &str) -> bool {
    (IDEMPOTENCY_KEY_MIN..=IDEMPOTENCY_KEY_MAX).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

// ---------------------------------------------------------------------------------------
// Summary, tier, check-in

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
    /// Points from check-ins this calendar month.
    pub month_total: i64,
    pub month_cap: i64,
    /// What the next check-in earns: today's if not yet done, else tomorrow's if the streak
    /// continues (0 once the monthly cap is reached).
    pub next_reward: i64,
}

/// `POST /api/mall/check-in`. Idempotent per day: a second call the same day changes
/// nothing and answers the same result with `already_checked_in: true` (still 200).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInResult {
    pub day: NaiveDate,
    pub streak: u32,
    /// Points this day's check-in earned (0 when the monthly cap was already reached).
    pub reward: i64,
    pub month_total: i64,
    pub balance: i64,
    pub already_checked_in: bool,
}

// ---------------------------------------------------------------------------------------
// Ledger

/// Why points came or went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
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

impl LedgerKind {
    pub const ALL: [LedgerKind; 11] = [
        LedgerKind::MonthlySpending,
        LedgerKind::Tenure,
        LedgerKind::ActivityBonus,
        LedgerKind::CheckIn,
        LedgerKind::BirthdayGift,
        LedgerKind::HolidayDouble,
        LedgerKind::AdoptedSuggestion,
        LedgerKind::Redemption,
        LedgerKind::Refund,
        LedgerKind::Expiry,
        LedgerKind::Donation,
    ];

    /// The snake_case name used in JSON, query strings and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerKind::MonthlySpending => "monthly_spending",
            LedgerKind::Tenure => "tenure",
            LedgerKind::ActivityBonus => "activity_bonus",
            LedgerKind::CheckIn => "check_in",
            LedgerKind::BirthdayGift => "birthday_gift",
            LedgerKind::HolidayDouble => "holiday_double",
            LedgerKind::AdoptedSuggestion => "adopted_suggestion",
            LedgerKind::Redemption => "redemption",
            LedgerKind::Refund => "refund",
            LedgerKind::Expiry => "expiry",
            LedgerKind::Donation => "donation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
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

// ---------------------------------------------------------------------------------------
// Catalogue

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
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

impl ItemCategory {
    pub const ALL: [ItemCategory; 6] = [
        ItemCategory::PhoneCredit,
        ItemCategory::Data,
        ItemCategory::Membership,
        ItemCategory::Physical,
        ItemCategory::Rural,
        ItemCategory::Charity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemCategory::PhoneCredit => "phone_credit",
            ItemCategory::Data => "data",
            ItemCategory::Membership => "membership",
            ItemCategory::Physical => "physical",
            ItemCategory::Rural => "rural",
            ItemCategory::Charity => "charity",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// Catalogue order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemSort {
    /// Most redeemed first (the default).
    #[default]
    Popular,
    PriceAsc,
    PriceDesc,
    Newest,
}

/// `GET /api/mall/items` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ItemQuery {
    /// Only this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ItemCategory>,
    /// Words to find in the Chinese or English name (at most 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ItemSort>,
    /// 1-based page (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Items per page (default 20, at most 50).
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

/// `GET /api/mall/ledger` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LedgerQuery {
    /// Only entries of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<LedgerKind>,
    /// 1-based page (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Entries per page (default 20, at most 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// `GET /api/mall/orders` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// 1-based page (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Per page (default 20, at most 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

// ---------------------------------------------------------------------------------------
// Delivery address

/// Where a physical item goes. Kept per subscriber for next time; shown in full only to
/// its owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryAddress {
    /// Recipient, 1-20 characters.
    pub name: String,
    /// Recipient's mainland mobile number (spaces, dashes and +86 allowed on input).
    pub phone: String,
    /// Province / city / district, 1-50 characters (e.g. 广东省 广州市 天河区).
    pub region: String,
    /// Street and house number, 4-100 characters.
    pub detail: String,
}

/// The address field a problem is in (`details.field` of `invalid_address`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AddressField {
    Name,
    Phone,
    Region,
    Detail,
}

impl AddressField {
    pub fn as_str(self) -> &'static str {
        match self {
            AddressField::Name => "name",
            AddressField::Phone => "phone",
            AddressField::Region => "region",
            AddressField::Detail => "detail",
        }
    }
}

/// Checks and tidies an address: trims every field and normalizes the phone. The first
/// field in error is returned.
pub fn validate_address(address: &DeliveryAddress) -> Result<DeliveryAddress, AddressField> {
    fn text(
        value: &str,
        min: usize,
        max: usize,
        field: AddressField,
    ) -> Result<String, AddressField> {
        let trimmed = value.trim();
        let n = trimmed.chars().count();
        if n < min || n > max || trimmed.chars().any(char::is_control) {
            return Err(field);
        }
        Ok(trimmed.to_owned())
    }
    Ok(DeliveryAddress {
        name: text(&address.name, 1, ADDRESS_NAME_MAX_CHARS, AddressField::Name)?,
        phone: normalize_phone(&address.phone).map_err(|_| AddressField::Phone)?,
        region: text(
            &address.region,
            1,
            ADDRESS_REGION_MAX_CHARS,
            AddressField::Region,
        )?,
        detail: text(
            &address.detail,
            ADDRESS_DETAIL_MIN_CHARS,
            ADDRESS_DETAIL_MAX_CHARS,
            AddressField::Detail,
        )?,
    })
}

/// `GET /api/mall/address`: the kept address, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
}

// ---------------------------------------------------------------------------------------
// Redemption and orders

/// `POST /api/mall/redemptions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionRequest {
    pub item_id: i64,
    /// 1 up to what the per-customer limit leaves.
    pub quantity: u32,
    /// Made by the app when the confirmation opens; the same key never redeems twice.
    pub idempotency_key: String,
    /// Required for physical items (kept for next time); ignored for instant ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
}

/// A redemption's result: 201 when it was made now, 200 with `replayed: true` when the key
/// had already redeemed (nothing was deducted again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionReceipt {
    pub order: Order,
    /// The balance after this redemption (now, for a replay).
    pub balance: i64,
    pub replayed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Instant items: credited.
    Completed,
    AwaitingShipment,
    /// On its way; `tracking_number` is set.
    Shipped,
    Delivered,
    /// Cancelled while awaiting shipment; the points came back as a `refund`.
    Cancelled,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Completed => "completed",
            OrderStatus::AwaitingShipment => "awaiting_shipment",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            OrderStatus::Completed,
            OrderStatus::AwaitingShipment,
            OrderStatus::Shipped,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    pub id: i64,
    pub item_id: i64,
    pub item_name_zh: String,
    pub item_name_en: String,
    pub category: ItemCategory,
    pub delivery: DeliveryKind,
    pub quantity: u32,
    /// Points before the first-exchange discount.
    pub points_list: i64,
    /// The first-exchange discount, 0 when none.
    pub discount_points: i64,
    /// Points deducted (`points_list - discount_points`).
    pub points_paid: i64,
    /// Cash part in fen, charged to the phone bill (0 for points-only items).
    pub cash_fen: i64,
    pub status: OrderStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Physical items: where it goes (the owner sees it in full).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The customer may still cancel (awaiting shipment).
    pub can_cancel: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderPage {
    pub orders: Vec<Order>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// `POST /api/mall/orders/{id}/cancel`: the cancelled order and the balance after refund.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancelResult {
    pub order: Order,
    pub refunded_points: i64,
    pub balance: i64,
}

/// `POST /api/mall/staff/orders/{id}/advance` (staff only): moves a physical order one step
/// (awaiting shipment → shipped → delivered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdvanceOrderRequest {
    /// For shipping; one is made up when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Charity

/// A charity project that takes points of any amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CharityProject {
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    /// Points donated by everyone so far.
    pub raised_points: i64,
    pub donors: i64,
    /// Points the signed-in user has donated to it.
    pub my_points: i64,
}

/// `POST /api/mall/donations`: exactly once per key, like a redemption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationRequest {
    pub project_id: i64,
    /// Any positive amount up to the balance.
    pub points: i64,
    pub idempotency_key: String,
}

/// 201 when made now, 200 with `replayed: true` for a key already used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationReceipt {
    pub id: i64,
    pub project_id: i64,
    pub points: i64,
    pub at: DateTime<Utc>,
    pub balance: i64,
    pub replayed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> DeliveryAddress {
        DeliveryAddress {
            name: " 张小明 ".into(),
            phone: "138 0013 8000".into(),
            region: "广东省 广州市 天河区".into(),
            detail: "天河路 385 号 1201 室".into(),
        }
    }

    #[test]
    fn idempotency_keys_are_16_to_64_safe_characters() {
        assert!(is_valid_idempotency_key("0123456789abcdef"));
        assert!(is_valid_idempotency_key(&"a-_Z".repeat(16)));
        assert!(!is_valid_idempotency_key("0123456789abcde"));
        assert!(!is_valid_idempotency_key(&"a".repeat(65)));
        assert!(!is_valid_idempotency_key("0123456789abcde!"));
        assert!(!is_valid_idempotency_key("0123456789abcdé"));
    }

    #[test]
    fn a_good_address_is_tidied() {
        let a = validate_address(&address()).unwrap();
        assert_eq!(a.name, "张小明");
        assert_eq!(a.phone, "13800138000");
    }

    #[test]
    fn the_first_bad_field_is_named() {
        let mut a = address();
        a.name = "  ".into();
        assert_eq!(validate_address(&a), Err(AddressField::Name));
        let mut a = address();
        a.name = "名".repeat(21);
        assert_eq!(validate_address(&a), Err(AddressField::Name));
        let mut a = address();
        a.phone = "12345".into();
        assert_eq!(validate_address(&a), Err(AddressField::Phone));
        let mut a = address();
        a.region = String::new();
        assert_eq!(validate_address(&a), Err(AddressField::Region));
        let mut a = address();
        a.detail = "1号".into();
        assert_eq!(validate_address(&a), Err(AddressField::Detail));
        let mut a = address();
        a.detail = "天河路\n385 号".into();
        assert_eq!(validate_address(&a), Err(AddressField::Detail));
    }

    #[test]
    fn enums_travel_as_snake_case_and_parse_back() {
        for kind in LedgerKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(LedgerKind::parse(kind.as_str()), Some(kind));
        }
        for c in ItemCategory::ALL {
            assert_eq!(ItemCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(
            serde_json::to_string(&BlockedReason::InsufficientPoints).unwrap(),
            "\"insufficient_points\""
        );
        assert_eq!(
            serde_json::to_string(&OrderStatus::AwaitingShipment).unwrap(),
            "\"awaiting_shipment\""
        );
        assert_eq!(OrderStatus::parse("shipped"), Some(OrderStatus::Shipped));
    }
}
