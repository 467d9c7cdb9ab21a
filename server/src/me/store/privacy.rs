//! Deletion requests: recorded once with their time after the subscriber confirms with the
//! last four digits of their number; withdrawn while pending.

use care_contract::me::{confirms_deletion, DeletionRecorded, DeletionRequest};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use super::{own_phone, Ctx};
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// The pending request, if any.
pub fn pending(conn: &Connection, owner: i64) -> Result<Option<DeletionRequest>, StoreError> {
    let at: Option<i64> = conn
        .query_row(
            "SELECT requested_at FROM deletion_requests
             WHERE subscriber_id = ?1 AND withdrawn_at IS NULL",
            [owner],
            |r| r.get(0),
        )
        .optional()?;
    Ok(at.map(|at| DeletionRequest {
        requested_at: from_ms(at),
    }))
}

/// Records a request confirmed by `typed` (the number's last four digits); a second one
/// answers the pending one.
pub fn request(conn: &Connection, ctx: &Ctx, typed: &str) -> Result<DeletionRecorded, StoreError> {
    let owner = ctx.subscriber_id;
    if !confirms_deletion(typed, &own_phone(conn, owner)?) {
        return Err(StoreError::refused(
            ErrorCode::ConfirmationMismatch,
            "confirm_last_four is not the last four digits of the phone number",
        ));
    }
    if let Some(request) = pending(conn, owner)? {
        return Ok(DeletionRecorded {
            request,
            already_pending: true,
        });
    }
    conn.execute(
        "INSERT INTO deletion_requests (subscriber_id, requested_at) VALUES (?1, ?2)",
        params![owner, ctx.now_ms],
    )?;
    Ok(DeletionRecorded {
        request: DeletionRequest {
            requested_at: from_ms(ctx.now_ms),
        },
        already_pending: false,
    })
}

/// Withdraws the pending request (`not_found` when there is none).
pub fn withdraw(conn: &Connection, ctx: &Ctx) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE deletion_requests SET withdrawn_at = ?1
         WHERE subscriber_id = ?2 AND withdrawn_at IS NULL",
        params![ctx.now_ms, ctx.subscriber_id],
    )?;
    if changed == 0 {
        return Err(StoreError::not_found());
    }
    Ok(())
}
