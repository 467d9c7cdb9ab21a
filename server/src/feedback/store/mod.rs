//! Feedback's database work: plain functions over a connection the caller holds (writes
//! inside the caller's `BEGIN IMMEDIATE` transaction, so a refusal leaves nothing half
//! saved), returning `Result<_, StoreError>` with the contract's refusal codes, never
//! HTTP. Who may do what is decided in [`rules`].

use rusqlite::Connection;

use super::FeedbackConfig;
use crate::community::store::Viewer;
use crate::store::StoreError;

pub mod photos;
pub mod rating;
pub mod rules;
pub mod tickets;

pub(crate) use crate::community::store::parse;
pub use crate::mall::store::offset;

/// What every feedback call needs: the viewer, the time and the operator's numbers.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub viewer: Viewer,
    pub now_ms: i64,
    pub cfg: &'a FeedbackConfig,
}

impl Ctx<'_> {
    /// The signed-in subscriber (`unauthenticated` otherwise).
    pub fn member(&self) -> Result<i64, StoreError> {
        self.viewer.member()
    }

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

/// The viewer as the session names them.
pub fn viewer(conn: &Connection, user: Option<i64>) -> Result<Viewer, StoreError> {
    Viewer::load(conn, user)
}
