//! The mall's database work. Every function runs on a connection the caller holds; the
//! ones that change points run inside the caller's `BEGIN IMMEDIATE` transaction
//! ([`crate::db::Db::write`]), so a balance check and its deduction can never interleave
//! with another request's.

use std::collections::HashMap;

use axum::http::StatusCode;
use care_contract::error::ErrorDetails;
use care_contract::mall::{
    validate_address, AddressField, BlockedReason, CharityProject, CheckInResult, CheckInStatus,
    DeliveryAddress, DeliveryKind, ItemCategory, LedgerEntry, LedgerKind, MallItem, MallSummary,
    Order, OrderStatus, PointsExpiry, RedemptionReceipt,
};
use care_contract::points::{self, Insufficient, LastCheckIn, Lot};
use care_contract::ErrorCode;
use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::clock::{china_date, china_midnight, from_ms};
use super::config::MallConfig;
use crate::error::{AppError, AppResult};

// ---------------------------------------------------------------------------------------
// Accounts

#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub star_level: u8,
    pub joined_on: NaiveDate,
    pub verified: bool,
    pub in_arrears: bool,
    pub is_staff: bool,
}

pub fn account(conn: &Connection, id: i64) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT id, star_level, joined_on, verified, in_arrears, is_staff FROM subscribers WHERE id = ?1",
        [id],
        |r| {
            Ok(Account {
                id: r.get(0)?,
                star_level: r.get(1)?,
                joined_on: r.get(2)?,
                verified: r.get(3)?,
                in_arrears: r.get(4)?,
                is_staff: r.get(5)?,
            })
        },
    )
    .optional()
}

/// The account itself, or 401 when the session's subscriber is gone.
pub fn account_or_401(conn: &Connection, id: i64) -> AppResult<Account> {
    account(conn, id)?.ok_or_else(AppError::unauthenticated)
}

/// Why this account may not redeem at all (the operator rule), if it may not.
pub fn account_block(
    account: &Account,
    today: NaiveDate,
    cfg: &MallConfig,
) -> Option<BlockedReason> {
    let old_enough_on = account
        .joined_on
        .checked_add_months(Months::new(cfg.min_account_age_months));
    if old_enough_on.is_none_or(|d| d > today) {
        return Some(BlockedReason::AccountTooNew);
    }
    if !account.verified {
        return Some(BlockedReason::NotVerified);
    }
    if account.in_arrears {
        return Some(BlockedReason::InArrears);
    }
    None
}

// ---------------------------------------------------------------------------------------
// Ledger and lots

/// A ledger line to write.
pub struct NewEntry<'a> {
    pub kind: LedgerKind,
    pub points: i64,
    pub at_ms: i64,
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub expires_on: Option<NaiveDate>,
    pub order_id: Option<i64>,
    pub donation_id: Option<i64>,
}

impl<'a> NewEntry<'a> {
    pub fn new(
        kind: LedgerKind,
        points: i64,
        at_ms: i64,
        title_zh: &'a str,
        title_en: &'a str,
    ) -> Self {
        Self {
            kind,
            points,
            at_ms,
            title_zh,
            title_en,
            expires_on: None,
            order_id: None,
            donation_id: None,
        }
    }
}

pub fn insert_entry(
    conn: &Connection,
    subscriber_id: i64,
    e: &NewEntry<'_>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO point_ledger (subscriber_id, kind, points, occurred_at, occurred_on, title_zh,
             title_en, expires_on, order_id, donation_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            subscriber_id,
            e.kind.as_str(),
            e.points,
            e.at_ms,
            china_date(from_ms(e.at_ms)),
            e.title_zh,
            e.title_en,
            e.expires_on,
            e.order_id,
            e.donation_id
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes an earning and the lot that holds its points until `expires_on`.
pub fn earn(
    conn: &Connection,
    subscriber_id: i64,
    e: &NewEntry<'_>,
    expires_on: NaiveDate,
) -> rusqlite::Result<i64> {
    let entry = NewEntry {
        expires_on: Some(expires_on),
        ..NewEntry::new(e.kind, e.points, e.at_ms, e.title_zh, e.title_en)
    };
    let ledger_id = insert_entry(conn, subscriber_id, &entry)?;
    add_lot(conn, subscriber_id, Some(ledger_id), e.points, expires_on)?;
    Ok(ledger_id)
}

fn add_lot(
    conn: &Connection,
    subscriber_id: i64,
    ledger_id: Option<i64>,
    points: i64,
    expires_on: NaiveDate,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO point_lots (subscriber_id, ledger_id, amount, remaining, expires_on)
         VALUES (?1, ?2, ?3, ?3, ?4)",
        params![subscriber_id, ledger_id, points, expires_on],
    )?;
    Ok(())
}

/// Lots not yet marked expired that still hold points (some may be past their date: the
/// arithmetic in `care_contract::points` ignores those).
pub fn open_lots(conn: &Connection, subscriber_id: i64) -> rusqlite::Result<Vec<Lot>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, remaining, expires_on FROM point_lots
         WHERE subscriber_id = ?1 AND expired = 0 AND remaining > 0",
    )?;
    let lots = stmt
        .query_map([subscriber_id], |r| {
            Ok(Lot {
                id: r.get(0)?,
                remaining: r.get(1)?,
                expires_on: r.get(2)?,
            })
        })?
        .collect();
    lots
}

pub fn balance(conn: &Connection, subscriber_id: i64, today: NaiveDate) -> rusqlite::Result<i64> {
    Ok(points::balance(&open_lots(conn, subscriber_id)?, today))
}

/// Writes an `expiry` ledger entry for every lot whose last day has passed with points
/// left, dated the moment they expired, and zeroes the lot. Needs a write transaction.
pub fn materialize_expiry(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<()> {
    let due: Vec<(i64, i64, NaiveDate)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id, remaining, expires_on FROM point_lots
             WHERE subscriber_id = ?1 AND expired = 0 AND expires_on < ?2
             ORDER BY expires_on, id",
        )?;
        let rows = stmt
            .query_map(params![subscriber_id, today], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    for (lot_id, remaining, expires_on) in due {
        if remaining > 0 {
            let at = china_midnight(expires_on + Days::new(1)).timestamp_millis();
            let zh = format!("积分到期（有效期至 {expires_on}）");
            let en = format!("Points expired (valid until {expires_on})");
            insert_entry(
                conn,
                subscriber_id,
                &NewEntry::new(LedgerKind::Expiry, -remaining, at, &zh, &en),
            )?;
        }
        conn.execute(
            "UPDATE point_lots SET remaining = 0, expired = 1 WHERE id = ?1",
            [lot_id],
        )?;
    }
    Ok(())
}

/// Takes `amount` points oldest-expiring first; returns which lots gave how many.
pub fn spend(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
    amount: i64,
) -> AppResult<Vec<(i64, i64)>> {
    let lots = open_lots(conn, subscriber_id)?;
    let plan = points::plan_spend(&lots, today, amount).map_err(insufficient)?;
    for (lot_id, take) in &plan {
        let changed = conn.execute(
            "UPDATE point_lots SET remaining = remaining - ?2 WHERE id = ?1 AND remaining >= ?2",
            params![lot_id, take],
        )?;
        if changed != 1 {
            return Err(AppError::internal());
        }
    }
    Ok(plan)
}

pub fn insufficient(i: Insufficient) -> AppError {
    AppError::conflict(ErrorCode::InsufficientPoints, "not enough points").with_details(
        ErrorDetails {
            balance: Some(i.balance),
            needed: Some(i.needed),
            ..Default::default()
        },
    )
}

fn ledger_entry(r: &Row<'_>) -> rusqlite::Result<LedgerEntry> {
    let kind: String = r.get(1)?;
    Ok(LedgerEntry {
        id: r.get(0)?,
        kind: LedgerKind::parse(&kind).ok_or_else(|| bad_text(1, &kind))?,
        points: r.get(2)?,
        at: from_ms(r.get(3)?),
        date: r.get(4)?,
        title_zh: r.get(5)?,
        title_en: r.get(6)?,
        expires_on: r.get(7)?,
        order_id: r.get(8)?,
    })
}

fn bad_text(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unexpected value {value:?}").into(),
    )
}

/// A page of the ledger, newest first, and the count of all matching entries.
pub fn ledger_page(
    conn: &Connection,
    subscriber_id: i64,
    kind: Option<LedgerKind>,
    page: u32,
    per_page: u32,
) -> rusqlite::Result<(Vec<LedgerEntry>, u64)> {
    let kind = kind.map(LedgerKind::as_str);
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM point_ledger WHERE subscriber_id = ?1 AND (?2 IS NULL OR kind = ?2)",
        params![subscriber_id, kind],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, points, occurred_at, occurred_on, title_zh, title_en, expires_on, order_id
         FROM point_ledger WHERE subscriber_id = ?1 AND (?2 IS NULL OR kind = ?2)
         ORDER BY occurred_at DESC, id DESC LIMIT ?3 OFFSET ?4",
    )?;
    let entries = stmt
        .query_map(
            params![subscriber_id, kind, per_page, offset(page, per_page)],
            ledger_entry,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok((entries, total as u64))
}

pub fn offset(page: u32, per_page: u32) -> i64 {
    i64::from(page.saturating_sub(1)) * i64::from(per_page)
}

// ---------------------------------------------------------------------------------------
// Check-in

fn check_in_row(
    conn: &Connection,
    subscriber_id: i64,
    sql: &str,
    day: NaiveDate,
) -> rusqlite::Result<Option<(NaiveDate, u32, i64)>> {
    conn.query_row(sql, params![subscriber_id, day], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .optional()
}

fn today_check_in(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<(NaiveDate, u32, i64)>> {
    check_in_row(
        conn,
        subscriber_id,
        "SELECT day, streak, reward FROM check_ins WHERE subscriber_id = ?1 AND day = ?2",
        today,
    )
}

fn last_check_in_before(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<LastCheckIn>> {
    Ok(check_in_row(
        conn,
        subscriber_id,
        "SELECT day, streak, reward FROM check_ins WHERE subscriber_id = ?1 AND day < ?2
         ORDER BY day DESC LIMIT 1",
        today,
    )?
    .map(|(day, streak, _)| LastCheckIn { day, streak }))
}

/// Check-in points in `day`'s month on days before `day` (and `day` itself when
/// `inclusive`).
fn month_total(
    conn: &Connection,
    subscriber_id: i64,
    day: NaiveDate,
    inclusive: bool,
) -> rusqlite::Result<i64> {
    let first = day.with_day(1).expect("day 1 exists");
    let sql = if inclusive {
        "SELECT coalesce(sum(reward), 0) FROM check_ins WHERE subscriber_id = ?1 AND day >= ?2 AND day <= ?3"
    } else {
        "SELECT coalesce(sum(reward), 0) FROM check_ins WHERE subscriber_id = ?1 AND day >= ?2 AND day < ?3"
    };
    conn.query_row(sql, params![subscriber_id, first, day], |r| r.get(0))
}

pub fn check_in_status(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
    cfg: &MallConfig,
) -> rusqlite::Result<CheckInStatus> {
    let rule = cfg.check_in_rule();
    if let Some((day, streak, _)) = today_check_in(conn, subscriber_id, today)? {
        let tomorrow = today + Days::new(1);
        let before_tomorrow = if points::same_month(today, tomorrow) {
            month_total(conn, subscriber_id, today, true)?
        } else {
            0
        };
        let next = points::check_in(
            &rule,
            Some(LastCheckIn { day, streak }),
            before_tomorrow,
            tomorrow,
        );
        return Ok(CheckInStatus {
            checked_in_today: true,
            streak,
            month_total: month_total(conn, subscriber_id, today, true)?,
            month_cap: cfg.check_in_month_cap,
            next_reward: next.reward,
        });
    }
    let last = last_check_in_before(conn, subscriber_id, today)?;
    let total = month_total(conn, subscriber_id, today, false)?;
    let next = points::check_in(&rule, last, total, today);
    let alive = last.filter(|l| today.pred_opt() == Some(l.day));
    Ok(CheckInStatus {
        checked_in_today: false,
        streak: alive.map_or(0, |l| l.streak),
        month_total: total,
        month_cap: cfg.check_in_month_cap,
        next_reward: next.reward,
    })
}

/// Today's check-in: made now, or the one already made today (`already_checked_in`).
pub fn check_in(
    conn: &Connection,
    subscriber_id: i64,
    now_ms: i64,
    cfg: &MallConfig,
) -> rusqlite::Result<CheckInResult> {
    let today = china_date(from_ms(now_ms));
    materialize_expiry(conn, subscriber_id, today)?;
    if let Some((day, streak, reward)) = today_check_in(conn, subscriber_id, today)? {
        return Ok(CheckInResult {
            day,
            streak,
            reward,
            month_total: month_total(conn, subscriber_id, today, true)?,
            balance: balance(conn, subscriber_id, today)?,
            already_checked_in: true,
        });
    }
    let last = last_check_in_before(conn, subscriber_id, today)?;
    let before = month_total(conn, subscriber_id, today, false)?;
    let out = points::check_in(&cfg.check_in_rule(), last, before, today);
    conn.execute(
        "INSERT INTO check_ins (subscriber_id, day, streak, reward) VALUES (?1, ?2, ?3, ?4)",
        params![subscriber_id, today, out.streak, out.reward],
    )?;
    if out.reward > 0 {
        let zh = format!("每日签到（连续第 {} 天）", out.streak);
        let en = format!("Daily check-in (day {} in a row)", out.streak);
        earn(
            conn,
            subscriber_id,
            &NewEntry::new(LedgerKind::CheckIn, out.reward, now_ms, &zh, &en),
            points::expiry_for(today, cfg.points_expire_years_after),
        )?;
    }
    Ok(CheckInResult {
        day: today,
        streak: out.streak,
        reward: out.reward,
        month_total: out.month_total,
        balance: balance(conn, subscriber_id, today)?,
        already_checked_in: false,
    })
}

// ---------------------------------------------------------------------------------------
// Summary

/// True when the subscriber has no order that stands (cancelled ones do not count).
pub fn is_first_exchange(conn: &Connection, subscriber_id: i64) -> rusqlite::Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM mall_orders WHERE subscriber_id = ?1 AND status != 'cancelled'",
        [subscriber_id],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

pub fn summary(
    conn: &Connection,
    account: &Account,
    today: NaiveDate,
    cfg: &MallConfig,
) -> rusqlite::Result<MallSummary> {
    let lots = open_lots(conn, account.id)?;
    let to_api = |e: points::Expiry| PointsExpiry {
        points: e.points,
        date: e.date,
    };
    let first = is_first_exchange(conn, account.id)? && cfg.first_exchange_percent_off > 0;
    Ok(MallSummary {
        balance: points::balance(&lots, today),
        tier: cfg.tier_info(account.star_level),
        next_expiry: points::next_expiry(&lots, today).map(to_api),
        expiring_soon: points::expiring_within(&lots, today, cfg.expiry_reminder_days).map(to_api),
        expiry_reminder_days: cfg.expiry_reminder_days,
        check_in: check_in_status(conn, account.id, today, cfg)?,
        account_blocked: account_block(account, today, cfg),
        first_exchange_percent_off: first.then_some(cfg.first_exchange_percent_off),
        today,
    })
}

// ---------------------------------------------------------------------------------------
// Catalogue

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

fn parse_delivery(s: &str) -> Option<DeliveryKind> {
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
        category: ItemCategory::parse(&category).ok_or_else(|| bad_text(1, &category))?,
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

/// 403 for a reason that blocks the whole account (401 when signed out).
pub fn account_error(reason: BlockedReason) -> AppError {
    let (code, message) = match reason {
        BlockedReason::AccountTooNew => (
            ErrorCode::AccountTooNew,
            "accounts younger than the minimum age cannot redeem yet",
        ),
        BlockedReason::NotVerified => (
            ErrorCode::NotVerified,
            "the account is not real-name verified",
        ),
        BlockedReason::InArrears => (ErrorCode::InArrears, "the account has an overdue bill"),
        _ => return AppError::unauthenticated(),
    };
    AppError::new(StatusCode::FORBIDDEN, code, message)
}

/// The error a redemption attempt answers for a blocked reason.
pub fn block_error(
    reason: BlockedReason,
    item: &ItemRow,
    viewer: &Viewer,
    quantity: u32,
    cfg: &MallConfig,
) -> AppError {
    match reason {
        BlockedReason::SignInRequired
        | BlockedReason::AccountTooNew
        | BlockedReason::NotVerified
        | BlockedReason::InArrears => account_error(reason),
        BlockedReason::TierRequired => AppError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::TierRequired,
            "this item is for a higher star level",
        )
        .with_details(ErrorDetails {
            min_star_level: Some(item.min_star_level),
            ..Default::default()
        }),
        BlockedReason::NotStarted => {
            AppError::conflict(ErrorCode::NotStarted, "this exchange has not opened yet")
                .with_details(ErrorDetails {
                    opens_at: item.starts_at.map(from_ms),
                    ..Default::default()
                })
        }
        BlockedReason::WindowClosed => {
            AppError::conflict(ErrorCode::WindowClosed, "this exchange has closed")
        }
        BlockedReason::OutOfStock => {
            AppError::conflict(ErrorCode::OutOfStock, "not enough stock left")
        }
        BlockedReason::LimitReached => {
            let taken = viewer.redeemed.get(&item.id).copied().unwrap_or(0);
            AppError::invalid(ErrorCode::LimitExceeded, "more than the per-customer limit")
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

// ---------------------------------------------------------------------------------------
// Orders

const ORDER_SELECT: &str = "SELECT o.id, o.item_id, i.name_zh, i.name_en, i.category, i.delivery, \
    o.quantity, o.points_list, o.discount_points, o.points_paid, o.cash_fen, o.status, \
    o.tracking_number, o.ship_name, o.ship_phone, o.ship_region, o.ship_detail, o.created_at, \
    o.shipped_at, o.delivered_at, o.cancelled_at \
    FROM mall_orders o JOIN mall_items i ON i.id = o.item_id";

fn order_row(r: &Row<'_>) -> rusqlite::Result<Order> {
    let category: String = r.get(4)?;
    let delivery: String = r.get(5)?;
    let status: String = r.get(11)?;
    let status = OrderStatus::parse(&status).ok_or_else(|| bad_text(11, &status))?;
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
        category: ItemCategory::parse(&category).ok_or_else(|| bad_text(4, &category))?,
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

pub fn order_any(conn: &Connection, order_id: i64) -> rusqlite::Result<Option<Order>> {
    conn.query_row(
        &format!("{ORDER_SELECT} WHERE o.id = ?1"),
        [order_id],
        order_row,
    )
    .optional()
}

pub fn orders_page(
    conn: &Connection,
    subscriber_id: i64,
    page: u32,
    per_page: u32,
) -> rusqlite::Result<(Vec<Order>, u64)> {
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
) -> AppResult<RedemptionReceipt> {
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
            return Err(idempotency_conflict());
        }
        let order = order_of(conn, subscriber_id, order_id)?.ok_or_else(AppError::internal)?;
        return Ok(RedemptionReceipt {
            order,
            balance: balance(conn, subscriber_id, today)?,
            replayed: true,
        });
    }
    let item = item(conn, req.item_id)?.ok_or_else(AppError::not_found)?;
    let address = match item.delivery {
        DeliveryKind::Physical => {
            let sent = req.address.as_ref().ok_or_else(|| {
                AppError::invalid(
                    ErrorCode::InvalidAddress,
                    "a physical item needs a delivery address",
                )
            })?;
            Some(validate_address(sent).map_err(invalid_address)?)
        }
        DeliveryKind::Instant => None,
    };
    if item.category == ItemCategory::Charity {
        return Err(AppError::bad_request(
            "donate to charity with POST /api/mall/donations",
        ));
    }
    materialize_expiry(conn, subscriber_id, today)?;
    let viewer = viewer(conn, subscriber_id, today, cfg)?.ok_or_else(AppError::unauthenticated)?;
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
    let order = order_of(conn, subscriber_id, order_id)?.ok_or_else(AppError::internal)?;
    Ok(RedemptionReceipt {
        order,
        balance: balance(conn, subscriber_id, today)?,
        replayed: false,
    })
}

pub fn invalid_address(field: AddressField) -> AppError {
    AppError::invalid(
        ErrorCode::InvalidAddress,
        format!(
            "the delivery address {} is missing or wrong",
            field.as_str()
        ),
    )
    .with_details(ErrorDetails {
        field: Some(field.as_str().to_owned()),
        ..Default::default()
    })
}

pub fn idempotency_conflict() -> AppError {
    AppError::conflict(
        ErrorCode::IdempotencyConflict,
        "this idempotency key was used for a different request",
    )
}

fn invalid_status(message: &str) -> AppError {
    AppError::conflict(ErrorCode::InvalidStatus, message.to_owned())
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
) -> AppResult<(Order, i64, i64)> {
    let today = china_date(from_ms(now_ms));
    let order = order_of(conn, subscriber_id, order_id)?.ok_or_else(AppError::not_found)?;
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
    let order_after = order_of(conn, subscriber_id, order_id)?.ok_or_else(AppError::internal)?;
    Ok((
        order_after,
        order.points_paid,
        balance(conn, subscriber_id, today)?,
    ))
}

/// Staff: one step along awaiting shipment → shipped → delivered.
pub fn advance(
    conn: &Connection,
    order_id: i64,
    tracking: Option<&str>,
    now_ms: i64,
) -> AppResult<Order> {
    let order = order_any(conn, order_id)?.ok_or_else(AppError::not_found)?;
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
    order_any(conn, order_id)?.ok_or_else(AppError::internal)
}

// ---------------------------------------------------------------------------------------
// Address

pub fn saved_address(
    conn: &Connection,
    subscriber_id: i64,
) -> rusqlite::Result<Option<DeliveryAddress>> {
    conn.query_row(
        "SELECT name, phone, region, detail FROM delivery_addresses WHERE subscriber_id = ?1",
        [subscriber_id],
        |r| {
            Ok(DeliveryAddress {
                name: r.get(0)?,
                phone: r.get(1)?,
                region: r.get(2)?,
                detail: r.get(3)?,
            })
        },
    )
    .optional()
}

pub fn save_address(
    conn: &Connection,
    subscriber_id: i64,
    a: &DeliveryAddress,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO delivery_addresses (subscriber_id, name, phone, region, detail, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (subscriber_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
             region = excluded.region, detail = excluded.detail, updated_at = excluded.updated_at",
        params![subscriber_id, a.name, a.phone, a.region, a.detail, now_ms],
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Charity

const PROJECT_SELECT: &str = "SELECT p.id, p.name_zh, p.name_en, p.description_zh, p.description_en, \
    p.base_points + coalesce((SELECT sum(points) FROM donations d WHERE d.project_id = p.id), 0), \
    p.base_donors + (SELECT count(DISTINCT subscriber_id) FROM donations d WHERE d.project_id = p.id), \
    coalesce((SELECT sum(points) FROM donations d WHERE d.project_id = p.id AND d.subscriber_id = ?1), 0) \
    FROM charity_projects p";

fn project_row(r: &Row<'_>) -> rusqlite::Result<CharityProject> {
    Ok(CharityProject {
        id: r.get(0)?,
        name_zh: r.get(1)?,
        name_en: r.get(2)?,
        description_zh: r.get(3)?,
        description_en: r.get(4)?,
        raised_points: r.get(5)?,
        donors: r.get(6)?,
        my_points: r.get(7)?,
    })
}

pub fn projects(conn: &Connection, viewer: Option<i64>) -> rusqlite::Result<Vec<CharityProject>> {
    let mut stmt = conn.prepare_cached(&format!("{PROJECT_SELECT} ORDER BY p.id"))?;
    let rows = stmt.query_map([viewer], project_row)?.collect();
    rows
}

pub fn project(
    conn: &Connection,
    id: i64,
    viewer: Option<i64>,
) -> rusqlite::Result<Option<CharityProject>> {
    conn.query_row(
        &format!("{PROJECT_SELECT} WHERE p.id = ?2"),
        params![viewer, id],
        project_row,
    )
    .optional()
}

/// (donation id, points, created_at ms, balance, replayed)
pub struct Donated {
    pub id: i64,
    pub project_id: i64,
    pub points: i64,
    pub at_ms: i64,
    pub balance: i64,
    pub replayed: bool,
}

pub fn donate(
    conn: &Connection,
    subscriber_id: i64,
    project_id: i64,
    amount: i64,
    key: &str,
    now_ms: i64,
    cfg: &MallConfig,
) -> AppResult<Donated> {
    let today = china_date(from_ms(now_ms));
    let earlier: Option<(i64, i64, i64, i64)> = conn
        .query_row(
            "SELECT id, project_id, points, created_at FROM donations WHERE subscriber_id = ?1 AND idempotency_key = ?2",
            params![subscriber_id, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((id, pid, points, at_ms)) = earlier {
        if pid != project_id || points != amount {
            return Err(idempotency_conflict());
        }
        return Ok(Donated {
            id,
            project_id,
            points,
            at_ms,
            balance: balance(conn, subscriber_id, today)?,
            replayed: true,
        });
    }
    let project = project(conn, project_id, None)?.ok_or_else(AppError::not_found)?;
    let account = account_or_401(conn, subscriber_id)?;
    if let Some(reason) = account_block(&account, today, cfg) {
        return Err(account_error(reason));
    }
    materialize_expiry(conn, subscriber_id, today)?;
    spend(conn, subscriber_id, today, amount)?;
    conn.execute(
        "INSERT INTO donations (subscriber_id, project_id, points, idempotency_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![subscriber_id, project_id, amount, key, now_ms],
    )?;
    let id = conn.last_insert_rowid();
    let zh = format!("积分捐赠：{}", project.name_zh);
    let en = format!("Donation: {}", project.name_en);
    insert_entry(
        conn,
        subscriber_id,
        &NewEntry {
            donation_id: Some(id),
            ..NewEntry::new(LedgerKind::Donation, -amount, now_ms, &zh, &en)
        },
    )?;
    Ok(Donated {
        id,
        project_id,
        points: amount,
        at_ms: now_ms,
        balance: balance(conn, subscriber_id, today)?,
        replayed: false,
    })
}
