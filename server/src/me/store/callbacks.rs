//! Callback requests: made exactly once per key, at most one open per subscriber, listed
//! newest first for their owner and by when they are due for staff; cancelled by the owner
//! or marked called by staff while open.

use care_contract::feedback::ContactWindow;
use care_contract::me::{
    callback_day_allowed, window_rank, Callback, CallbackStatus, StaffCallback,
};
use care_contract::phone::mask_phone;
use care_contract::time::china_date;
use care_contract::ErrorCode;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{own_phone, Ctx};
use crate::community::store::parse;
use crate::idempotency::KeyedTable;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

const CALLBACKS: KeyedTable = KeyedTable {
    table: "callback_requests",
    owner_column: "subscriber_id",
};

const COLUMNS: &str = "c.id, c.day, c.contact_window, c.phone, c.note, c.status, c.created_at, \
                       c.closed_at";

/// A checked request: the number as digits (`None`: the subscriber's own).
#[derive(Clone, Debug)]
pub struct NewCallback {
    pub day: NaiveDate,
    pub window: ContactWindow,
    pub phone: Option<String>,
    pub note: Option<String>,
    pub key: String,
    pub fingerprint: String,
}

fn callback(r: &Row<'_>) -> rusqlite::Result<Callback> {
    let phone: String = r.get(3)?;
    Ok(Callback {
        id: r.get(0)?,
        day: r.get(1)?,
        window: parse(2, &r.get::<_, String>(2)?)?,
        phone_masked: mask_phone(&phone),
        phone,
        note: r.get(4)?,
        status: parse(5, &r.get::<_, String>(5)?)?,
        created_at: from_ms(r.get(6)?),
        closed_at: r.get::<_, Option<i64>>(7)?.map(from_ms),
    })
}

fn one(conn: &Connection, id: i64, owner: Option<i64>) -> Result<Callback, StoreError> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM callback_requests c
             WHERE c.id = ?1 AND (?2 IS NULL OR c.subscriber_id = ?2)"
        ),
        params![id, owner],
        callback,
    )
    .optional()?
    .ok_or_else(StoreError::not_found)
}

/// Asks for a callback, exactly once per key: `(callback, replayed)`.
pub fn create(
    conn: &Connection,
    ctx: &Ctx,
    new: &NewCallback,
) -> Result<(Callback, bool), StoreError> {
    let owner = ctx.subscriber_id;
    if let Some(id) = CALLBACKS.earlier(conn, owner, &new.key, &new.fingerprint)? {
        return Ok((one(conn, id, Some(owner))?, true));
    }
    let today = china_date(from_ms(ctx.now_ms));
    if !callback_day_allowed(new.day, today) {
        return Err(StoreError::refused(
            ErrorCode::CallbackDayOutOfRange,
            "the day must be today or one of the next six days (China time)",
        ));
    }
    let open: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM callback_requests
             WHERE subscriber_id = ?1 AND status = 'requested')",
        [owner],
        |r| r.get(0),
    )?;
    if open {
        return Err(StoreError::refused(
            ErrorCode::CallbackAlreadyOpen,
            "a callback request is open already",
        ));
    }
    let phone = match &new.phone {
        Some(phone) => phone.clone(),
        None => own_phone(conn, owner)?,
    };
    conn.execute(
        "INSERT INTO callback_requests (subscriber_id, day, contact_window, phone, note, status,
             created_at, idempotency_key, fingerprint)
         VALUES (?1, ?2, ?3, ?4, ?5, 'requested', ?6, ?7, ?8)",
        params![
            owner,
            new.day,
            new.window.as_str(),
            phone,
            new.note,
            ctx.now_ms,
            new.key,
            new.fingerprint
        ],
    )?;
    Ok((one(conn, conn.last_insert_rowid(), Some(owner))?, false))
}

/// The subscriber's requests, newest first.
pub fn mine(conn: &Connection, owner: i64) -> Result<Vec<Callback>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM callback_requests c WHERE c.subscriber_id = ?1
         ORDER BY c.created_at DESC, c.id DESC"
    ))?;
    let rows = stmt.query_map([owner], callback)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `window_rank` as SQL over `c.contact_window`, so SQL orders by exactly it.
fn window_rank_sql() -> String {
    let arms: String = ContactWindow::ALL
        .iter()
        .map(|w| format!(" WHEN '{}' THEN {}", w.as_str(), window_rank(*w)))
        .collect();
    format!("CASE c.contact_window{arms} END")
}

/// The open requests for staff, by day and then window, oldest request first.
pub fn open_for_staff(conn: &Connection, ctx: &Ctx) -> Result<Vec<StaffCallback>, StoreError> {
    ctx.staff()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS}, c.subscriber_id, s.nickname
         FROM callback_requests c JOIN subscribers s ON s.id = c.subscriber_id
         WHERE c.status = 'requested'
         ORDER BY c.day, {}, c.created_at, c.id",
        window_rank_sql()
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(StaffCallback {
            callback: callback(r)?,
            subscriber_id: r.get(8)?,
            nickname: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Closes an open request as `to` (the owner cancels; staff mark it called).
fn close(
    conn: &Connection,
    ctx: &Ctx,
    id: i64,
    owner: Option<i64>,
    to: CallbackStatus,
) -> Result<Callback, StoreError> {
    let current = one(conn, id, owner)?;
    if current.status != CallbackStatus::Requested {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            format!("the request is {} already", current.status.as_str()),
        ));
    }
    let by = owner.is_none().then_some(ctx.subscriber_id);
    conn.execute(
        "UPDATE callback_requests SET status = ?1, closed_at = ?2, closed_by = ?3 WHERE id = ?4",
        params![to.as_str(), ctx.now_ms, by, id],
    )?;
    one(conn, id, owner)
}

/// The owner cancels an open request (another's is `not_found`).
pub fn cancel(conn: &Connection, ctx: &Ctx, id: i64) -> Result<Callback, StoreError> {
    close(
        conn,
        ctx,
        id,
        Some(ctx.subscriber_id),
        CallbackStatus::Cancelled,
    )
}

/// Staff mark an open request called.
pub fn done(conn: &Connection, ctx: &Ctx, id: i64) -> Result<Callback, StoreError> {
    ctx.staff()?;
    close(conn, ctx, id, None, CallbackStatus::Called)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_ranks_windows_exactly_as_window_rank_does() {
        let conn = Connection::open_in_memory().unwrap();
        for w in ContactWindow::ALL {
            let rank: u8 = conn
                .query_row(
                    &format!(
                        "SELECT {} FROM (SELECT ?1 AS contact_window) c",
                        window_rank_sql()
                    ),
                    [w.as_str()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(rank, window_rank(*w), "{w:?}");
        }
    }
}
