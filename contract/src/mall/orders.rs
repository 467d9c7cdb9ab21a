//! Redemption and orders.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{DeliveryAddress, DeliveryKind, ItemCategory};
use crate::names::named_enum;

/// `POST /api/mall/redemptions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionRequest {
    #[serde(deserialize_with = "crate::integer::whole")]
    pub item_id: i64,
    /// 1 up to what the per-customer limit leaves.
    #[serde(deserialize_with = "crate::integer::whole")]
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

named_enum! {
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

/// `GET /api/mall/orders` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Orders per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}
