//! Exactly once: every create request (a redemption, a donation, a thread, a reply) carries
//! an idempotency key the app made when the form opened. The same key again returns what
//! the first request made; the same key for a different request is refused.

use care_contract::mall::is_valid_idempotency_key;
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppError;
use crate::store::StoreError;

/// A request's key, before anything else is looked at.
pub fn check_key(key: &str) -> Result<(), AppError> {
    if is_valid_idempotency_key(key) {
        Ok(())
    } else {
        Err(AppError::new(
            ErrorCode::InvalidIdempotencyKey,
            "idempotency_key must be 16-64 characters of A-Z a-z 0-9 - _",
        ))
    }
}

/// A request's key used before for a different request.
pub fn conflict() -> StoreError {
    StoreError::refused(
        ErrorCode::IdempotencyConflict,
        "this idempotency key was used for a different request",
    )
}

/// A table whose rows remember the key and the fingerprint (what the request asked for)
/// of the request that made them.
pub struct KeyedTable {
    pub table: &'static str,
    /// The column naming whose key it is.
    pub owner_column: &'static str,
}

impl KeyedTable {
    /// The row an earlier request with this key made, when it asked for the same thing;
    /// `conflict()` when it asked for something else; none when the key is new.
    pub fn earlier(
        &self,
        conn: &Connection,
        owner: i64,
        key: &str,
        fingerprint: &str,
    ) -> Result<Option<i64>, StoreError> {
        let sql = format!(
            "SELECT id, fingerprint FROM {} WHERE {} = ?1 AND idempotency_key = ?2",
            self.table, self.owner_column
        );
        let earlier: Option<(i64, String)> = conn
            .query_row(&sql, params![owner, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match earlier {
            Some((_, earlier_fingerprint)) if earlier_fingerprint != fingerprint => Err(conflict()),
            Some((id, _)) => Ok(Some(id)),
            None => Ok(None),
        }
    }
}
