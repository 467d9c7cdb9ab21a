//! The community's database work: plain functions over a connection the caller holds
//! (writes inside the caller's `BEGIN IMMEDIATE` transaction), returning
//! `Result<_, StoreError>` with the contract's refusal codes, never HTTP.
//!
//! Who sees what and who may do what is decided by the plain functions in [`posts`]
//! (`sight`, `thread_actions`, `reply_actions`), tested beside them; the SQL that lists
//! posts says the same in [`posts::visible_reply`] and [`posts::LISTED_THREAD`].

use care_contract::community::PostState;
use rusqlite::types::Type;
use rusqlite::Connection;

use super::CommunityConfig;
use crate::mall::MallConfig;
use crate::store::StoreError;

pub mod boards;
pub mod hot;
pub mod ideas;
pub mod limits;
pub mod moderation;
pub mod polls;
pub mod posts;
pub mod replies;
pub mod search;
pub mod threads;
pub mod votes;

pub use crate::mall::store::offset;

/// Who is asking: a member (staff or not) or nobody.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewer {
    pub id: Option<i64>,
    pub is_staff: bool,
}

impl Viewer {
    pub const ANONYMOUS: Viewer = Viewer {
        id: None,
        is_staff: false,
    };

    /// The session's subscriber (`unauthenticated` when the row is gone), or nobody.
    pub fn load(conn: &Connection, id: Option<i64>) -> Result<Viewer, StoreError> {
        let Some(id) = id else {
            return Ok(Viewer::ANONYMOUS);
        };
        let account = crate::mall::store::account::signed_in_account(conn, id)?;
        Ok(Viewer {
            id: Some(id),
            is_staff: account.is_staff,
        })
    }

    /// The member's id, or `unauthenticated`.
    pub fn member(&self) -> Result<i64, StoreError> {
        self.id.ok_or_else(StoreError::unauthenticated)
    }

    pub fn is(&self, author_id: i64) -> bool {
        self.id == Some(author_id)
    }
}

/// What every community call needs: the viewer, the time and the operator's numbers.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub viewer: Viewer,
    pub now_ms: i64,
    pub cfg: &'a CommunityConfig,
    pub mall: &'a MallConfig,
}

impl Ctx<'_> {
    /// The viewer must be staff (`forbidden` otherwise).
    pub fn staff(&self) -> Result<i64, StoreError> {
        let id = self.viewer.member()?;
        if !self.viewer.is_staff {
            return Err(StoreError::refused(
                care_contract::ErrorCode::Forbidden,
                "staff only",
            ));
        }
        Ok(id)
    }
}

pub(crate) fn bad_text(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unexpected value {value:?}").into(),
    )
}

/// Reads an enum stored by its snake_case name.
pub(crate) fn parse<T: std::str::FromStr>(column: usize, value: &str) -> rusqlite::Result<T> {
    value.parse().map_err(|_| bad_text(column, value))
}

pub(crate) fn state(column: usize, value: &str) -> rusqlite::Result<PostState> {
    parse(column, value)
}

/// Forbidden words as stored (one a line), and back.
pub(crate) fn words_text(words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| words.join("\n"))
}

pub(crate) fn words_list(text: Option<String>) -> Vec<String> {
    text.map(|t| t.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}
