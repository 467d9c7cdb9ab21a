//! The inbox: a subscriber's messages newest first, the unread count, marking read. Every
//! query names the subscriber, so another's message is simply not found.

use care_contract::care::{CareMessage, CareParams, Gift};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::topic_from;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

const COLUMNS: &str = "id, topic, kind, params, link, created_at, read_at, gift_points,
    gift_claim_by, gift_claimed_at";

/// A stored row as the contract's message.
fn message(r: &Row<'_>) -> rusqlite::Result<Result<CareMessage, StoreError>> {
    let topic: String = r.get(1)?;
    let kind: String = r.get(2)?;
    let params: String = r.get(3)?;
    let gift_points: Option<i64> = r.get(7)?;
    let claim_by: Option<i64> = r.get(8)?;
    let claimed_at: Option<i64> = r.get(9)?;
    let (id, link, created_at, read_at): (i64, Option<String>, i64, Option<i64>) =
        (r.get(0)?, r.get(4)?, r.get(5)?, r.get(6)?);
    Ok((|| {
        Ok(CareMessage {
            id,
            topic: topic_from(&topic)?,
            kind: kind
                .parse()
                .map_err(|_| StoreError::Broken("unknown care message kind"))?,
            params: serde_json::from_str::<CareParams>(&params)
                .map_err(|_| StoreError::Broken("care message params"))?,
            created_at: from_ms(created_at),
            read_at: read_at.map(from_ms),
            link,
            // The table holds a gift's points and window together.
            gift: gift_points.zip(claim_by).map(|(points, by)| Gift {
                points,
                claim_by: from_ms(by),
                claimed_at: claimed_at.map(from_ms),
            }),
        })
    })())
}

/// One of the subscriber's messages (`not_found` for anyone else's).
pub fn one(conn: &Connection, subscriber_id: i64, id: i64) -> Result<CareMessage, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM care_messages WHERE id = ?1 AND subscriber_id = ?2"),
        params![id, subscriber_id],
        message,
    )
    .optional()?
    .ok_or_else(StoreError::not_found)?
}

/// A page of the subscriber's messages, newest first, with the total.
pub fn page(
    conn: &Connection,
    subscriber_id: i64,
    page: u32,
    per_page: u32,
) -> Result<(Vec<CareMessage>, u64), StoreError> {
    let total: u64 = conn.query_row(
        "SELECT COUNT(*) FROM care_messages WHERE subscriber_id = ?1",
        [subscriber_id],
        |r| r.get(0),
    )?;
    let offset = i64::from(page - 1) * i64::from(per_page);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM care_messages WHERE subscriber_id = ?1
         ORDER BY created_at DESC, id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = stmt.query_map(params![subscriber_id, per_page, offset], message)?;
    let mut messages = Vec::new();
    for row in rows {
        messages.push(row??);
    }
    Ok((messages, total))
}

pub fn unread(conn: &Connection, subscriber_id: i64) -> Result<u64, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM care_messages WHERE subscriber_id = ?1 AND read_at IS NULL",
        [subscriber_id],
        |r| r.get(0),
    )?)
}

/// Marks one message read (the first reading's time is kept).
pub fn mark_read(
    conn: &Connection,
    subscriber_id: i64,
    id: i64,
    now_ms: i64,
) -> Result<CareMessage, StoreError> {
    conn.execute(
        "UPDATE care_messages SET read_at = ?3
         WHERE id = ?1 AND subscriber_id = ?2 AND read_at IS NULL",
        params![id, subscriber_id, now_ms],
    )?;
    one(conn, subscriber_id, id)
}

/// Marks every unread message read: how many it marked.
pub fn mark_all_read(
    conn: &Connection,
    subscriber_id: i64,
    now_ms: i64,
) -> Result<u64, StoreError> {
    let n = conn.execute(
        "UPDATE care_messages SET read_at = ?2 WHERE subscriber_id = ?1 AND read_at IS NULL",
        params![subscriber_id, now_ms],
    )?;
    Ok(n as u64)
}
