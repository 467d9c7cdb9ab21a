//! Points lots: earning, the balance, expiry and spending (oldest-expiring first).

use care_contract::error::ErrorDetails;
use care_contract::mall::LedgerKind;
use care_contract::points::{self, Insufficient, Lot};
use care_contract::time::china_midnight;
use care_contract::ErrorCode;
use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

use super::ledger::{insert_entry, NewEntry};

use crate::store::StoreError;

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

pub(super) fn add_lot(
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
) -> Result<Vec<(i64, i64)>, StoreError> {
    let lots = open_lots(conn, subscriber_id)?;
    let plan = points::plan_spend(&lots, today, amount).map_err(insufficient)?;
    for (lot_id, take) in &plan {
        let changed = conn.execute(
            "UPDATE point_lots SET remaining = remaining - ?2 WHERE id = ?1 AND remaining >= ?2",
            params![lot_id, take],
        )?;
        if changed != 1 {
            return Err(StoreError::Broken("a planned lot had fewer points"));
        }
    }
    Ok(plan)
}

/// The refusal when the balance does not cover what is needed.
pub fn insufficient(i: Insufficient) -> StoreError {
    StoreError::refused(ErrorCode::InsufficientPoints, "not enough points").with_details(
        ErrorDetails {
            balance: Some(i.balance),
            needed: Some(i.needed),
            ..Default::default()
        },
    )
}
