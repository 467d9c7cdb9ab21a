//! Care's rules and storage: plain functions over a transaction, never HTTP.
//!
//! [`deliver`] is the one way a message reaches the inbox (preferences, the weekly cap,
//! once per key); [`notices`] are the rest of the app's calls into it; [`inbox`] lists and
//! marks messages; [`gifts`] claims a gift; [`home`] and [`report`] add up what the home
//! page and the quarterly report show.

pub mod deliver;
pub mod gifts;
pub mod home;
pub mod inbox;
pub mod notices;
pub mod preferences;
pub mod report;

use care_contract::care::Topic;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::moments::Profile;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// A topic from its stored name (a name this build does not know is a broken row).
pub fn topic_from(name: &str) -> Result<Topic, StoreError> {
    name.parse()
        .map_err(|_| StoreError::Broken("unknown care topic"))
}

/// What moments are computed from, and the nickname the greeting uses. A subscriber gone
/// since the session was checked is no session.
pub fn profile(conn: &Connection, subscriber_id: i64) -> Result<(Profile, String), StoreError> {
    let row: Option<(Option<NaiveDate>, NaiveDate, i64, String)> = conn
        .query_row(
            "SELECT birthday, joined_on, created_at, nickname FROM subscribers WHERE id = ?1",
            [subscriber_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (birthday, joined_on, created_ms, nickname) =
        row.ok_or_else(StoreError::unauthenticated)?;
    let p = Profile {
        birthday,
        joined_on,
        created_at: from_ms(created_ms),
    };
    Ok((p, nickname))
}
