//! Catalogue items, the viewer, why a redemption is blocked, and pricing.

use std::collections::HashMap;

use care_contract::error::ErrorDetails;
use care_contract::mall::{BlockedReason, DeliveryKind, ItemCategory, ItemSort, MallItem};
use care_contract::points::{self, Insufficient};
use care_contract::time::china_date;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::account::{account, account_block, is_first_exchange, Account};
use super::points::{balance, insufficient};
use super::{bad_text, offset};
use crate::mall::clock::from_ms;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

#[derive(Clone, Debug)]
pub struct ItemRow {
    pub id: i64,
    pub category: ItemCategory,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub points: i64,
    pub cash_fen: i64,
    pub stock: Option<i64>,
    pub per_customer_limit: u32,
    pub min_star_level: u8,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub flash: bool,
    pub delivery: DeliveryKind,
    pub created_at: i64,
    pub redemption_count: i64,
}

pub const ITEM_COLUMNS: &str = "id, category, name_zh, name_en, description_zh, description_en, \
    points, cash_fen, stock, per_customer_limit, min_star_level, starts_at, ends_at, flash, \
    delivery, created_at, redemption_count";

pub(super) fn parse_delivery(s: &str) -> Option<DeliveryKind> {
    match s {
        "instant" => Some(DeliveryKind::Instant),
        "physical" => Some(DeliveryKind::Physical),
        _ => None,
    }
}

pub fn delivery_str(d: DeliveryKind) -> &'static str {
    match d {
        DeliveryKind::Instant => "instant",
        DeliveryKind::Physical => "physical",
    }
}

pub fn item_row(r: &Row<'_>) -> rusqlite::Result<ItemRow> {
    let category: String = r.get(1)?;
    let delivery: String = r.get(14)?;
    Ok(ItemRow {
        id: r.get(0)?,
        category: category
            .parse::<ItemCategory>()
            .map_err(|_| bad_text(1, &category))?,
        name_zh: r.get(2)?,
        name_en: r.get(3)?,
        description_zh: r.get(4)?,
        description_en: r.get(5)?,
        points: r.get(6)?,
        cash_fen: r.get(7)?,
        stock: r.get(8)?,
        per_customer_limit: r.get(9)?,
        min_star_level: r.get(10)?,
        starts_at: r.get(11)?,
        ends_at: r.get(12)?,
        flash: r.get(13)?,
        delivery: parse_delivery(&delivery).ok_or_else(|| bad_text(14, &delivery))?,
        created_at: r.get(15)?,
        redemption_count: r.get(16)?,
    })
}

pub fn item(conn: &Connection, id: i64) -> rusqlite::Result<Option<ItemRow>> {
    conn.query_row(
        &format!("SELECT {ITEM_COLUMNS} FROM mall_items WHERE id = ?1"),
        [id],
        item_row,
    )
    .optional()
}

/// What the signed-in user brings to the catalogue.
pub struct Viewer {
    pub account: Account,
    pub block: Option<BlockedReason>,
    pub balance: i64,
    pub first_exchange: bool,
    /// Units per item in orders not cancelled.
    pub redeemed: HashMap<i64, u32>,
}

pub fn viewer(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
    cfg: &MallConfig,
) -> rusqlite::Result<Option<Viewer>> {
    let Some(account) = account(conn, subscriber_id)? else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, sum(quantity) FROM mall_orders
         WHERE subscriber_id = ?1 AND status != 'cancelled' GROUP BY item_id",
    )?;
    let redeemed = stmt
        .query_map([subscriber_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(Viewer {
        block: account_block(&account, today, cfg),
        balance: balance(conn, subscriber_id, today)?,
        first_exchange: is_first_exchange(conn, subscriber_id)?,
        redeemed,
        account,
    }))
}

/// Points for `quantity` units: (list, discount, paid).
pub fn price(
    item: &ItemRow,
    quantity: u32,
    first_exchange: bool,
    cfg: &MallConfig,
) -> (i64, i64, i64) {
    let list = item.points * i64::from(quantity);
    let discount = if first_exchange {
        points::discount_points(list, cfg.first_exchange_percent_off)
    } else {
        0
    };
    (list, discount, list - discount)
}

/// Why `viewer` may not redeem `quantity` units of `item` at `now_ms`, in the order the
/// redemption checks them.
pub fn blocked(
    item: &ItemRow,
    viewer: &Viewer,
    now_ms: i64,
    quantity: u32,
    cfg: &MallConfig,
) -> Option<BlockedReason> {
    if let Some(block) = viewer.block {
        return Some(block);
    }
    if viewer.account.star_level < item.min_star_level {
        return Some(BlockedReason::TierRequired);
    }
    if item.starts_at.is_some_and(|t| now_ms < t) {
        return Some(BlockedReason::NotStarted);
    }
    if item.ends_at.is_some_and(|t| now_ms >= t) {
        return Some(BlockedReason::WindowClosed);
    }
    if item.stock.is_some_and(|s| s < i64::from(quantity)) {
        return Some(BlockedReason::OutOfStock);
    }
    let taken = viewer.redeemed.get(&item.id).copied().unwrap_or(0);
    if taken.saturating_add(quantity) > item.per_customer_limit {
        return Some(BlockedReason::LimitReached);
    }
    let (_, _, paid) = price(item, quantity, viewer.first_exchange, cfg);
    if paid > viewer.balance {
        return Some(BlockedReason::InsufficientPoints);
    }
    None
}

/// The refusal for a reason that blocks the whole account (`unauthenticated` for any
/// other reason: only a signed-out viewer has one).
pub fn account_error(reason: BlockedReason) -> StoreError {
    let message = match reason {
        BlockedReason::AccountTooNew => "accounts younger than the minimum age cannot redeem yet",
        BlockedReason::NotVerified => "the account is not real-name verified",
        BlockedReason::InArrears => "the account has an overdue bill",
        _ => return StoreError::unauthenticated(),
    };
    StoreError::refused(reason.error_code(), message)
}

/// The error a redemption attempt answers for a blocked reason.
pub fn block_error(
    reason: BlockedReason,
    item: &ItemRow,
    viewer: &Viewer,
    quantity: u32,
    cfg: &MallConfig,
) -> StoreError {
    match reason {
        BlockedReason::SignInRequired
        | BlockedReason::AccountTooNew
        | BlockedReason::NotVerified
        | BlockedReason::InArrears => account_error(reason),
        BlockedReason::TierRequired => {
            StoreError::refused(reason.error_code(), "this item is for a higher star level")
                .with_details(ErrorDetails {
                    min_star_level: Some(item.min_star_level),
                    ..Default::default()
                })
        }
        BlockedReason::NotStarted => {
            StoreError::refused(reason.error_code(), "this exchange has not opened yet")
                .with_details(ErrorDetails {
                    opens_at: item.starts_at.map(from_ms),
                    ..Default::default()
                })
        }
        BlockedReason::WindowClosed => {
            StoreError::refused(reason.error_code(), "this exchange has closed")
        }
        BlockedReason::OutOfStock => {
            StoreError::refused(reason.error_code(), "not enough stock left")
        }
        BlockedReason::LimitReached => {
            let taken = viewer.redeemed.get(&item.id).copied().unwrap_or(0);
            StoreError::refused(reason.error_code(), "more than the per-customer limit")
                .with_details(ErrorDetails {
                    limit: Some(item.per_customer_limit),
                    remaining: Some(item.per_customer_limit.saturating_sub(taken)),
                    ..Default::default()
                })
        }
        BlockedReason::InsufficientPoints => {
            let (_, _, paid) = price(item, quantity, viewer.first_exchange, cfg);
            insufficient(Insufficient {
                balance: viewer.balance,
                needed: paid,
            })
        }
    }
}

pub fn item_view(
    item: ItemRow,
    viewer: Option<&Viewer>,
    now_ms: i64,
    cfg: &MallConfig,
) -> MallItem {
    let blocked_reason = match viewer {
        Some(v) => blocked(&item, v, now_ms, 1, cfg),
        None => Some(BlockedReason::SignInRequired),
    };
    let first_exchange_points = viewer
        .filter(|v| v.first_exchange && cfg.first_exchange_percent_off > 0)
        .map(|_| price(&item, 1, true, cfg).2);
    MallItem {
        redeemed_by_me: viewer
            .and_then(|v| v.redeemed.get(&item.id).copied())
            .unwrap_or(0),
        can_redeem: blocked_reason.is_none(),
        blocked_reason,
        first_exchange_points,
        id: item.id,
        category: item.category,
        name_zh: item.name_zh,
        name_en: item.name_en,
        description_zh: item.description_zh,
        description_en: item.description_en,
        points: item.points,
        cash_fen: item.cash_fen,
        stock: item.stock,
        per_customer_limit: item.per_customer_limit,
        min_star_level: item.min_star_level,
        tier_only: item.min_star_level > 1,
        starts_at: item.starts_at.map(from_ms),
        ends_at: item.ends_at.map(from_ms),
        flash: item.flash,
        delivery: item.delivery,
        created_at: from_ms(item.created_at),
        redemption_count: item.redemption_count,
    }
}

/// What the catalogue is asked for: already checked (paging, search length) by the
/// handler.
pub struct ItemFilter {
    pub category: Option<ItemCategory>,
    /// Matched anywhere in the Chinese or English name (case-insensitively for ASCII);
    /// `%` and `_` are literals.
    pub search: Option<String>,
    pub sort: ItemSort,
    pub page: u32,
    pub per_page: u32,
}

/// A page of the catalogue as `viewer` (when signed in) sees it at `now_ms`, and the count
/// of all matching items.
pub fn items_page(
    conn: &Connection,
    filter: &ItemFilter,
    viewer_id: Option<i64>,
    now_ms: i64,
    cfg: &MallConfig,
) -> Result<(Vec<MallItem>, u64), StoreError> {
    let pattern = filter.search.as_deref().map(|q| {
        let escaped = q
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let order = match filter.sort {
        ItemSort::Popular => "redemption_count DESC, id",
        ItemSort::PriceAsc => "points ASC, id",
        ItemSort::PriceDesc => "points DESC, id",
        ItemSort::Newest => "created_at DESC, id DESC",
    };
    let category = filter.category.map(|c| c.as_str());
    let condition = "(?1 IS NULL OR category = ?1) AND (?2 IS NULL OR name_zh LIKE ?2 ESCAPE '\\' \
                     OR name_en LIKE ?2 ESCAPE '\\')";
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM mall_items WHERE {condition}"),
        rusqlite::params![category, pattern],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ITEM_COLUMNS} FROM mall_items WHERE {condition} ORDER BY {order} LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt
        .query_map(
            rusqlite::params![
                category,
                pattern,
                filter.per_page,
                offset(filter.page, filter.per_page)
            ],
            item_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let today = china_date(from_ms(now_ms));
    let viewer = match viewer_id {
        Some(id) => viewer(conn, id, today, cfg)?,
        None => None,
    };
    let items = rows
        .into_iter()
        .map(|row| item_view(row, viewer.as_ref(), now_ms, cfg))
        .collect();
    Ok((items, total as u64))
}

/// One item as `viewer` (when signed in) sees it at `now_ms`; `not_found` when there is
/// no such item.
pub fn item_for(
    conn: &Connection,
    item_id: i64,
    viewer_id: Option<i64>,
    now_ms: i64,
    cfg: &MallConfig,
) -> Result<MallItem, StoreError> {
    let row = item(conn, item_id)?.ok_or_else(StoreError::not_found)?;
    let viewer = match viewer_id {
        Some(id) => viewer(conn, id, china_date(from_ms(now_ms)), cfg)?,
        None => None,
    };
    Ok(item_view(row, viewer.as_ref(), now_ms, cfg))
}
