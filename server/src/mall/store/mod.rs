//! The mall's database work. Every function runs on a connection the caller holds; the
//! ones that change points run inside the caller's `BEGIN IMMEDIATE` transaction
//! ([`crate::db::Db::write`]), so a balance check and its deduction can never interleave
//! with another request's.

use rusqlite::types::Type;

mod account;
mod address;
mod catalogue;
mod check_in;
mod donations;
mod ledger;
mod orders;
mod points;
mod redeem;

pub use account::*;
pub use address::*;
pub use catalogue::*;
pub use check_in::*;
pub use donations::*;
pub use ledger::*;
pub use orders::*;
pub use points::*;
pub use redeem::*;

fn bad_text(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unexpected value {value:?}").into(),
    )
}

pub fn offset(page: u32, per_page: u32) -> i64 {
    i64::from(page.saturating_sub(1)) * i64::from(per_page)
}
