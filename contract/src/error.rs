//! The error body every failing endpoint returns, and its machine-readable codes.

use serde::{Deserialize, Serialize};

/// What went wrong, for the app to pick a localized message. The `message` beside it is
/// English, for logs and API users; the app never shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body was not valid JSON or missed a field.
    BadRequest,
    /// The phone number is not an 11-digit mainland mobile number.
    InvalidPhone,
    /// The code is wrong.
    InvalidCode,
    /// The code expired or was never requested; ask for a new one.
    CodeExpired,
    /// Too many wrong guesses against this code; ask for a new one.
    TooManyAttempts,
    /// Too many requests; `retry_after_secs` says when to try again.
    RateLimited,
    /// No valid session: sign in.
    Unauthenticated,
    /// The signed-in user may not do this.
    Forbidden,
    /// No such resource (or not yours).
    NotFound,
    /// The server failed; retrying may help.
    Internal,
    /// Any code this build does not know yet (a newer backend); treated like `Internal`.
    #[serde(other)]
    Unknown,
}

/// The body of every non-2xx response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Set with `rate_limited`: seconds until a retry can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            retry_after_secs: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_snake_case() {
        let json = serde_json::to_string(&ApiError::new(ErrorCode::TooManyAttempts, "x")).unwrap();
        assert_eq!(json, r#"{"code":"too_many_attempts","message":"x"}"#);
    }

    #[test]
    fn an_unknown_code_from_a_newer_backend_still_decodes() {
        let e: ApiError = serde_json::from_str(r#"{"code":"brand_new","message":"m"}"#).unwrap();
        assert_eq!(e.code, ErrorCode::Unknown);
    }
}
