//! Orders: reading them, cancelling with a refund, and the staff's shipping steps.

use care_contract::mall::{DeliveryAddress, ItemCategory, LedgerKind, Order, OrderStatus};
use care_contract::points;
use care_contract::time::china_date;
use care_contract::ErrorCode;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::account::signed_in_account;
use super::catalogue::parse_delivery;
use super::ledger::{insert_entry, NewEntry};
use super::points::{add_lot, balance, materialize_expiry};
use super::{bad_text, offset};
use crate::mall::clock::from_ms;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

const ORDER_SELECT: &str = "SELECT o.id, o.item_id, i.name_zh, i.name_en, i.category, i.delivery, \
    o.quantity, o.points_list, o.discount_points, o.points_paid, o.cash_fen, o.status, \
    o.tracking_number, o.ship_name, o.ship_phone, o.ship_region, o.ship_detail, o.created_at, \
    o.shipped_at, o.delivered_at, o.cancelled_at \
    FROM mall_orders o JOIN mall_items i ON i.id = o.item_id";

fn order_row(r: &Row<'_>) -> rusqlite::Result<Order> {
    let category: String = r.get(4)?;
    let delivery: String = r.get(5)?;
    let status: String = r.get(11)?;
    let status = status
        .parse::<OrderStatus>()
        .map_err(|_| bad_text(11, &status))?;
    let name: Option<String> = r.get(13)?;
    let address = match name {
        Some(name) => Some(DeliveryAddress {
            name,
            phone: r.get(14)?,
            region: r.get(15)?,
            detail: r.get(16)?,
        }),
        None => None,
    };
    Ok(Order {
        id: r.get(0)?,
        item_id: r.get(1)?,
        item_name_zh: r.get(2)?,
        item_name_en: r.get(3)?,
        category: category
            .parse::<ItemCategory>()
            .map_err(|_| bad_text(4, &category))?,
        delivery: parse_delivery(&delivery).ok_or_else(|| bad_text(5, &delivery))?,
        quantity: r.get(6)?,
        points_list: r.get(7)?,
        discount_points: r.get(8)?,
        points_paid: r.get(9)?,
        cash_fen: r.get(10)?,
        can_cancel: status == OrderStatus::AwaitingShipment,
        status,
        tracking_number: r.get(12)?,
        address,
        created_at: from_ms(r.get(17)?),
        shipped_at: r.get::<_, Option<i64>>(18)?.map(from_ms),
        delivered_at: r.get::<_, Option<i64>>(19)?.map(from_ms),
        cancelled_at: r.get::<_, Option<i64>>(20)?.map(from_ms),
    })
}

/// The order if it is this subscriber's (`None` for anyone else's).
pub fn order_of(
    conn: &Connection,
    subscriber_id: i64,
    order_id: i64,
) -> rusqlite::Result<Option<Order>> {
    conn.query_row(
        &format!("{ORDER_SELECT} WHERE o.id = ?1 AND o.subscriber_id = ?2"),
        params![order_id, subscriber_id],
        order_row,
    )
    .optional()
}

/// One of this subscriber's orders; `not_found` for anyone else's (or none).
pub fn my_order(conn: &Connection, subscriber_id: i64, order_id: i64) -> Result<Order, StoreError> {
    order_of(conn, subscriber_id, order_id)?.ok_or_else(StoreError::not_found)
}

pub fn order_any(conn: &Connection, order_id: i64) -> rusqlite::Result<Option<Order>> {
    conn.query_row(
        &format!("{ORDER_SELECT} WHERE o.id = ?1"),
        [order_id],
        order_row,
    )
    .optional()
}

/// A page of this subscriber's orders, newest first, and the count of all of them.
pub fn orders_page(
    conn: &Connection,
    subscriber_id: i64,
    page: u32,
    per_page: u32,
) -> Result<(Vec<Order>, u64), StoreError> {
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM mall_orders WHERE subscriber_id = ?1",
        [subscriber_id],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "{ORDER_SELECT} WHERE o.subscriber_id = ?1 ORDER BY o.created_at DESC, o.id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let orders = stmt
        .query_map(
            params![subscriber_id, per_page, offset(page, per_page)],
            order_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok((orders, total as u64))
}

fn invalid_status(message: &str) -> StoreError {
    StoreError::refused(ErrorCode::InvalidStatus, message)
}

/// Cancels an order awaiting shipment and refunds its points: back into the lots they
/// came from while those still count, and as new points (expiring by the usual rule) for
/// any part whose lot has expired meanwhile.
pub fn cancel(
    conn: &Connection,
    subscriber_id: i64,
    order_id: i64,
    now_ms: i64,
    cfg: &MallConfig,
) -> Result<(Order, i64, i64), StoreError> {
    let today = china_date(from_ms(now_ms));
    let order = my_order(conn, subscriber_id, order_id)?;
    if order.status != OrderStatus::AwaitingShipment {
        return Err(invalid_status(
            "only an order awaiting shipment can be cancelled",
        ));
    }
    materialize_expiry(conn, subscriber_id, today)?;
    let taken: Vec<(i64, i64, NaiveDate, bool)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT l.id, ol.points, l.expires_on, l.expired FROM mall_order_lots ol
             JOIN point_lots l ON l.id = ol.lot_id WHERE ol.order_id = ?1",
        )?;
        let rows = stmt
            .query_map([order_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    let mut fresh = 0;
    for (lot_id, points, expires_on, expired) in taken {
        if !expired && expires_on >= today {
            conn.execute(
                "UPDATE point_lots SET remaining = remaining + ?2 WHERE id = ?1",
                params![lot_id, points],
            )?;
        } else {
            fresh += points;
        }
    }
    let zh = format!(
        "退回：{} × {}（订单已取消）",
        order.item_name_zh, order.quantity
    );
    let en = format!(
        "Refund: {} × {} (order cancelled)",
        order.item_name_en, order.quantity
    );
    let refund_expiry = points::expiry_for(today, cfg.points_expire_years_after);
    let ledger_id = insert_entry(
        conn,
        subscriber_id,
        &NewEntry {
            order_id: Some(order_id),
            expires_on: (fresh > 0).then_some(refund_expiry),
            ..NewEntry::new(LedgerKind::Refund, order.points_paid, now_ms, &zh, &en)
        },
    )?;
    if fresh > 0 {
        add_lot(conn, subscriber_id, Some(ledger_id), fresh, refund_expiry)?;
    }
    conn.execute(
        "UPDATE mall_items SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock + ?2 END,
             redemption_count = max(redemption_count - ?2, 0)
         WHERE id = ?1",
        params![order.item_id, order.quantity],
    )?;
    conn.execute(
        "UPDATE mall_orders SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
        params![order_id, now_ms],
    )?;
    let order_after = order_of(conn, subscriber_id, order_id)?
        .ok_or(StoreError::Broken("a cancelled order is gone"))?;
    Ok((
        order_after,
        order.points_paid,
        balance(conn, subscriber_id, today)?,
    ))
}

/// Staff: one step along awaiting shipment → shipped → delivered. `forbidden` unless
/// `staff_id` is staff.
pub fn advance(
    conn: &Connection,
    staff_id: i64,
    order_id: i64,
    tracking: Option<&str>,
    now_ms: i64,
) -> Result<Order, StoreError> {
    if !signed_in_account(conn, staff_id)?.is_staff {
        return Err(StoreError::refused(ErrorCode::Forbidden, "staff only"));
    }
    let order = order_any(conn, order_id)?.ok_or_else(StoreError::not_found)?;
    match order.status {
        OrderStatus::AwaitingShipment => {
            let tracking = tracking.map(str::to_owned).unwrap_or_else(|| {
                format!(
                    "SF{:010}{:04}",
                    now_ms / 1000 % 10_000_000_000,
                    order_id % 10_000
                )
            });
            conn.execute(
                "UPDATE mall_orders SET status = 'shipped', tracking_number = ?2, shipped_at = ?3 WHERE id = ?1",
                params![order_id, tracking, now_ms],
            )?;
        }
        OrderStatus::Shipped => {
            conn.execute(
                "UPDATE mall_orders SET status = 'delivered', delivered_at = ?2 WHERE id = ?1",
                params![order_id, now_ms],
            )?;
        }
        _ => {
            return Err(invalid_status(
                "only physical orders on their way can move on",
            ))
        }
    }
    order_any(conn, order_id)?.ok_or(StoreError::Broken("an advanced order is gone"))
}
