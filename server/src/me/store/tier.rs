//! The tier: the operator's star level and the value score behind it.

use care_contract::me::{tier_status, TierStatus};
use rusqlite::{Connection, OptionalExtension};

use crate::store::StoreError;

pub fn status(conn: &Connection, subscriber_id: i64) -> Result<TierStatus, StoreError> {
    let (star_level, score): (u8, u8) = conn
        .query_row(
            "SELECT star_level, value_score FROM subscribers WHERE id = ?1",
            [subscriber_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(StoreError::unauthenticated)?;
    Ok(tier_status(star_level, score))
}
