//! Exactly-once redemption.

use care_contract::mall::{
    validate_address, DeliveryAddress, DeliveryKind, ItemCategory, LedgerKind, OrderStatus,
    RedemptionReceipt,
};
use care_contract::time::china_date;
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use super::address::{invalid_address, save_address};
use super::catalogue::{block_error, blocked, item, price, viewer};
use super::ledger::{insert_entry, NewEntry};
use super::orders::order_of;
use super::points::{balance, materialize_expiry, spend};
use crate::mall::clock::from_ms;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

/// A checked redemption request.
pub struct Redemption {
    pub item_id: i64,
    pub quantity: u32,
    pub key: String,
    /// As sent (checked only for physical items); `None` when none was sent.
    pub address: Option<DeliveryAddress>,
    /// What makes two requests with one key "the same request".
    pub fingerprint: String,
}

/// Redeems inside the caller's write transaction: the key first (a replay answers the
/// original order), then every rule, then the deduction, stock, order and ledger entry.
pub fn redeem(
    conn: &Connection,
    subscriber_id: i64,
    req: &Redemption,
    now_ms: i64,
    cfg: &MallConfig,
) -> Result<RedemptionReceipt, StoreError> {
    let today = china_date(from_ms(now_ms));
    let earlier: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, fingerprint FROM mall_orders WHERE subscriber_id = ?1 AND idempotency_key = ?2",
            params![subscriber_id, req.key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((order_id, fingerprint)) = earlier {
        if fingerprint != req.fingerprint {
            return Err(crate::idempotency::conflict());
        }
        let order = order_of(conn, subscriber_id, order_id)?
            .ok_or(StoreError::Broken("the order of a used key is gone"))?;
        return Ok(RedemptionReceipt {
            order,
            balance: balance(conn, subscriber_id, today)?,
            replayed: true,
        });
    }
    let item = item(conn, req.item_id)?.ok_or_else(StoreError::not_found)?;
    // Charity takes points as donations; as a redeemable item it does not exist.
    if item.category == ItemCategory::Charity {
        return Err(StoreError::refused(
            ErrorCode::NotFound,
            "no such item to redeem: donate to charity with POST /api/mall/donations",
        ));
    }
    let address = match item.delivery {
        DeliveryKind::Physical => {
            let sent = req.address.as_ref().ok_or_else(|| {
                StoreError::refused(
                    ErrorCode::AddressRequired,
                    "a physical item needs a delivery address",
                )
            })?;
            Some(validate_address(sent).map_err(invalid_address)?)
        }
        DeliveryKind::Instant => None,
    };
    materialize_expiry(conn, subscriber_id, today)?;
    let viewer =
        viewer(conn, subscriber_id, today, cfg)?.ok_or_else(StoreError::unauthenticated)?;
    if let Some(reason) = blocked(&item, &viewer, now_ms, req.quantity, cfg) {
        return Err(block_error(reason, &item, &viewer, req.quantity, cfg));
    }
    let (list, discount, paid) = price(&item, req.quantity, viewer.first_exchange, cfg);
    let plan = if paid > 0 {
        spend(conn, subscriber_id, today, paid)?
    } else {
        Vec::new()
    };
    let qty = i64::from(req.quantity);
    conn.execute(
        "UPDATE mall_items SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - ?2 END,
             redemption_count = redemption_count + ?2
         WHERE id = ?1",
        params![item.id, qty],
    )?;
    let status = match item.delivery {
        DeliveryKind::Instant => OrderStatus::Completed,
        DeliveryKind::Physical => OrderStatus::AwaitingShipment,
    };
    let a = address.as_ref();
    conn.execute(
        "INSERT INTO mall_orders (subscriber_id, item_id, quantity, points_list, discount_points,
             points_paid, cash_fen, status, ship_name, ship_phone, ship_region, ship_detail,
             idempotency_key, fingerprint, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            subscriber_id,
            item.id,
            qty,
            list,
            discount,
            paid,
            item.cash_fen * qty,
            status.as_str(),
            a.map(|a| &a.name),
            a.map(|a| &a.phone),
            a.map(|a| &a.region),
            a.map(|a| &a.detail),
            req.key,
            req.fingerprint,
            now_ms
        ],
    )?;
    let order_id = conn.last_insert_rowid();
    for (lot_id, take) in &plan {
        conn.execute(
            "INSERT INTO mall_order_lots (order_id, lot_id, points) VALUES (?1, ?2, ?3)",
            params![order_id, lot_id, take],
        )?;
    }
    let zh = format!("兑换：{} × {}", item.name_zh, req.quantity);
    let en = format!("Redeemed: {} × {}", item.name_en, req.quantity);
    insert_entry(
        conn,
        subscriber_id,
        &NewEntry {
            order_id: Some(order_id),
            ..NewEntry::new(LedgerKind::Redemption, -paid, now_ms, &zh, &en)
        },
    )?;
    if let Some(a) = &address {
        save_address(conn, subscriber_id, a, now_ms)?;
    }
    let order = order_of(conn, subscriber_id, order_id)?
        .ok_or(StoreError::Broken("a new order is gone"))?;
    Ok(RedemptionReceipt {
        order,
        balance: balance(conn, subscriber_id, today)?,
        replayed: false,
    })
}
