//! The subscriber's account, what blocks it from redeeming, and the mall front page.

use care_contract::mall::{BlockedReason, MallSummary, PointsExpiry};
use care_contract::points;
use chrono::{Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use super::check_in::check_in_status;
use super::points::{materialize_expiry, open_lots};
use crate::care::CareConfig;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

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

/// The account itself, or `unauthenticated` when the session's subscriber is gone.
pub fn signed_in_account(conn: &Connection, id: i64) -> Result<Account, StoreError> {
    account(conn, id)?.ok_or_else(StoreError::unauthenticated)
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

/// The mall front page for a signed-in subscriber; writes any `expiry` entries due first,
/// so it needs a write transaction.
pub fn summary(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
    cfg: &MallConfig,
    care: &CareConfig,
) -> Result<MallSummary, StoreError> {
    let account = &signed_in_account(conn, subscriber_id)?;
    materialize_expiry(conn, account.id, today)?;
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
        check_in: check_in_status(conn, account.id, today, cfg, care)?,
        account_blocked: account_block(account, today, cfg),
        first_exchange_percent_off: first.then_some(cfg.first_exchange_percent_off),
        today,
    })
}
