//! "Me"'s database work: plain functions over a connection the caller holds (writes inside
//! its `BEGIN IMMEDIATE` transaction, so a refusal leaves nothing half saved), returning
//! `Result<_, StoreError>` with the contract's refusal codes, never HTTP.

use care_contract::ErrorCode;
use rusqlite::{Connection, OptionalExtension};

use super::MeConfig;
use crate::store::StoreError;

pub mod callbacks;
pub mod export;
pub mod family;
pub mod privacy;
pub mod tier;

/// What every call needs: who asks, the time and the operator's numbers.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub subscriber_id: i64,
    pub is_staff: bool,
    pub now_ms: i64,
    pub cfg: MeConfig,
}

impl Ctx {
    /// The session's subscriber as the database has them (`unauthenticated` when gone).
    pub fn load(
        conn: &Connection,
        subscriber_id: i64,
        now_ms: i64,
        cfg: MeConfig,
    ) -> Result<Ctx, StoreError> {
        let is_staff: bool = conn
            .query_row(
                "SELECT is_staff FROM subscribers WHERE id = ?1",
                [subscriber_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(StoreError::unauthenticated)?;
        Ok(Ctx {
            subscriber_id,
            is_staff,
            now_ms,
            cfg,
        })
    }

    /// The viewer must be staff (`forbidden` otherwise).
    pub fn staff(&self) -> Result<i64, StoreError> {
        if self.is_staff {
            Ok(self.subscriber_id)
        } else {
            Err(StoreError::refused(ErrorCode::Forbidden, "staff only"))
        }
    }
}

/// The subscriber's own number (11 digits).
pub fn own_phone(conn: &Connection, subscriber_id: i64) -> Result<String, StoreError> {
    conn.query_row(
        "SELECT phone FROM subscribers WHERE id = ?1",
        [subscriber_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(StoreError::unauthenticated)
}
