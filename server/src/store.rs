//! What every capability's store returns (`mall::store` now; community, feedback and care
//! after it): a refusal the contract names, a broken invariant, or a database failure.
//!
//! A store knows nothing of HTTP. It refuses with the contract's [`ErrorCode`] (and its
//! `details`); the handler's `?` turns a [`StoreError`] into an
//! [`AppError`](crate::error::AppError), whose status follows from the code
//! ([`ErrorCode::http_status`]).

use std::fmt;

use care_contract::error::ErrorDetails;
use care_contract::{ApiError, ErrorCode};

use crate::db::DbError;

#[derive(Debug)]
pub enum StoreError {
    /// The rules refuse this request: the error body the client gets, as the contract
    /// spells it.
    Refused(ApiError),
    /// Something the store relies on did not hold (a row it just wrote is gone): a bug,
    /// logged, and `internal` to the client.
    Broken(&'static str),
    /// The database failed: logged, and `internal` to the client.
    Db(DbError),
}

impl StoreError {
    /// A refusal with this code and an English message (for logs and API users).
    pub fn refused(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::Refused(ApiError::new(code, message))
    }

    /// Attaches structured facts to a refusal (other errors carry none).
    pub fn with_details(mut self, details: ErrorDetails) -> Self {
        if let Self::Refused(body) = &mut self {
            body.details = Some(Box::new(details));
        }
        self
    }

    /// Tells the client when a retry can succeed (at least a second from now).
    pub fn with_retry_after(mut self, secs: u32) -> Self {
        if let Self::Refused(body) = &mut self {
            body.retry_after_secs = Some(secs.max(1));
        }
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::refused(ErrorCode::BadRequest, message)
    }

    pub fn not_found() -> Self {
        Self::refused(ErrorCode::NotFound, "no such resource")
    }

    /// The session's subscriber is gone: no session.
    pub fn unauthenticated() -> Self {
        Self::refused(ErrorCode::Unauthenticated, "sign in first")
    }

    /// The refusal's code (`None` for a failure).
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Refused(body) => Some(body.code),
            Self::Broken(_) | Self::Db(_) => None,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(body) => write!(f, "refused ({:?}): {}", body.code, body.message),
            Self::Broken(what) => write!(f, "broken invariant: {what}"),
            Self::Db(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> Self {
        Self::Db(e)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Db(DbError::Sqlite(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_and_retry_go_on_refusals_only() {
        let refused = StoreError::refused(ErrorCode::InvalidAddress, "x")
            .with_details(ErrorDetails {
                field: Some("name".into()),
                ..Default::default()
            })
            .with_retry_after(0);
        let StoreError::Refused(body) = &refused else {
            panic!("{refused}");
        };
        assert_eq!(
            body.details.as_ref().unwrap().field.as_deref(),
            Some("name")
        );
        assert_eq!(body.retry_after_secs, Some(1));
        assert_eq!(refused.code(), Some(ErrorCode::InvalidAddress));
        let broken = StoreError::Broken("gone").with_details(ErrorDetails::default());
        assert_eq!(broken.code(), None);
        assert_eq!(broken.to_string(), "broken invariant: gone");
    }
}
