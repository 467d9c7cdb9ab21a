//! The mall's database work. Every function runs on a connection the caller holds; the
//! ones that change points run inside the caller's `BEGIN IMMEDIATE` transaction
//! ([`crate::db::Db::write`]), so a balance check and its deduction can never interleave
//! with another request's.
//!
//! What a handler calls returns `Result<_, StoreError>`: a refusal with the contract's
//! error code, never an HTTP status. Helpers inside the store return `rusqlite::Result`.

use rusqlite::types::Type;

pub mod account;
pub mod address;
pub mod catalogue;
pub mod check_in;
pub mod donations;
pub mod ledger;
pub mod orders;
pub mod points;
pub mod redeem;

fn bad_text(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unexpected value {value:?}").into(),
    )
}

/// Rows to skip before `page` (1-based) of `per_page`.
pub fn offset(page: u32, per_page: u32) -> i64 {
    i64::from(page.saturating_sub(1)) * i64::from(per_page)
}
