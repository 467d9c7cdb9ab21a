//! Writing and reading the points ledger.

use care_contract::mall::{LedgerEntry, LedgerKind};
use care_contract::time::china_date;
use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::points::materialize_expiry;
use super::{bad_text, offset};
use crate::mall::clock::from_ms;
use crate::store::StoreError;

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

fn ledger_entry(r: &Row<'_>) -> rusqlite::Result<LedgerEntry> {
    let kind: String = r.get(1)?;
    Ok(LedgerEntry {
        id: r.get(0)?,
        kind: kind.parse::<LedgerKind>().map_err(|_| bad_text(1, &kind))?,
        points: r.get(2)?,
        at: from_ms(r.get(3)?),
        date: r.get(4)?,
        title_zh: r.get(5)?,
        title_en: r.get(6)?,
        expires_on: r.get(7)?,
        order_id: r.get(8)?,
    })
}

/// A page of the ledger, newest first, and the count of all matching entries. Writes any
/// `expiry` entries due by `today` first, so it needs a write transaction.
pub fn ledger_page(
    conn: &Connection,
    subscriber_id: i64,
    kind: Option<LedgerKind>,
    page: u32,
    per_page: u32,
    today: NaiveDate,
) -> Result<(Vec<LedgerEntry>, u64), StoreError> {
    materialize_expiry(conn, subscriber_id, today)?;
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
