//! Claiming a message's points gift: exactly once. The claim runs in one write transaction
//! (`BEGIN IMMEDIATE`), so two claims at once serialize and the second finds the first's
//! mark and answers its result; the points are a `birthday_gift` earning in the mall's
//! ledger, as an adopted idea's are.

use care_contract::care::GiftClaimed;
use care_contract::mall::LedgerKind;
use care_contract::points::expiry_for;
use care_contract::time::china_date;
use care_contract::ErrorCode;
use rusqlite::{params, Connection};

use super::inbox;
use crate::mall::clock::from_ms;
use crate::mall::store::ledger::NewEntry;
use crate::mall::store::points::earn;
use crate::mall::MallConfig;
use crate::store::StoreError;

/// The ledger's words for a gift.
pub fn ledger_titles() -> (&'static str, &'static str) {
    ("生日积分礼包", "Birthday points gift")
}

/// Claims the gift of the subscriber's message `id`; a repeat answers the first claim.
pub fn claim(
    conn: &Connection,
    subscriber_id: i64,
    id: i64,
    now_ms: i64,
    mall: &MallConfig,
) -> Result<GiftClaimed, StoreError> {
    let message = inbox::one(conn, subscriber_id, id)?;
    let gift = message
        .gift
        .ok_or_else(|| StoreError::refused(ErrorCode::NoGift, "this message has no gift"))?;
    if let Some(claimed_at) = gift.claimed_at {
        let ledger_entry_id: i64 = conn.query_row(
            "SELECT gift_ledger_id FROM care_messages WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        return Ok(GiftClaimed {
            message_id: id,
            points: gift.points,
            claimed_at,
            ledger_entry_id,
            claimed_now: false,
        });
    }
    if now_ms > gift.claim_by.timestamp_millis() {
        return Err(StoreError::refused(
            ErrorCode::GiftExpired,
            "the time to claim this gift has passed",
        ));
    }
    let (zh, en) = ledger_titles();
    let today = china_date(from_ms(now_ms));
    let ledger_entry_id = earn(
        conn,
        subscriber_id,
        &NewEntry::new(LedgerKind::BirthdayGift, gift.points, now_ms, zh, en),
        expiry_for(today, mall.points_expire_years_after),
    )?;
    // The claimed mark is the guard: only an unclaimed row changes.
    let changed = conn.execute(
        "UPDATE care_messages SET gift_claimed_at = ?2, gift_ledger_id = ?3, read_at = COALESCE(read_at, ?2)
         WHERE id = ?1 AND gift_claimed_at IS NULL",
        params![id, now_ms, ledger_entry_id],
    )?;
    if changed != 1 {
        return Err(StoreError::Broken(
            "a gift claimed while its claim held the lock",
        ));
    }
    Ok(GiftClaimed {
        message_id: id,
        points: gift.points,
        claimed_at: from_ms(now_ms),
        ledger_entry_id,
        claimed_now: true,
    })
}
