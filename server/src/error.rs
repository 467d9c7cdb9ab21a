//! One error type for every handler: it renders as a `contract::ApiError` JSON body with
//! the HTTP status its code maps to ([`ErrorCode::http_status`]) and `Retry-After` when the
//! client must wait.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use care_contract::community::TextProblem;
use care_contract::error::ErrorDetails;
use care_contract::{ApiError, ErrorCode};

use crate::store::StoreError;

#[derive(Debug)]
pub struct AppError {
    pub body: ApiError,
}

impl AppError {
    /// An error with this code; the status follows from the code.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            body: ApiError::new(code, message),
        }
    }

    /// The status this error answers with.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.body.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    pub fn unauthenticated() -> Self {
        Self::new(ErrorCode::Unauthenticated, "sign in first")
    }

    pub fn not_found() -> Self {
        Self::new(ErrorCode::NotFound, "no such resource")
    }

    pub fn method_not_allowed() -> Self {
        Self::new(ErrorCode::MethodNotAllowed, "method not allowed")
    }

    /// Attaches structured facts (`details`) to the body.
    /// A refusal that names the field in error (`details.field`), as `invalid_post`,
    /// `invalid_ticket` and `invalid_contact` do.
    pub fn invalid_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        AppError::new(code, message).with_details(ErrorDetails {
            field: Some(field.to_owned()),
            ..Default::default()
        })
    }

    /// A text field that fails its check (`community::checked_text`): the field named,
    /// and what is wrong with it in the message.
    pub fn invalid_text(code: ErrorCode, field: &str, problem: TextProblem) -> Self {
        let what = match problem {
            TextProblem::TooShort => "too short",
            TextProblem::TooLong => "too long",
            TextProblem::ControlCharacter => "has a control character",
        };
        AppError::invalid_field(code, field, format!("{field} is {what}"))
    }

    pub fn with_details(mut self, details: ErrorDetails) -> Self {
        self.body.details = Some(Box::new(details));
        self
    }

    pub fn internal() -> Self {
        Self::new(ErrorCode::Internal, "internal error")
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let retry = self.body.retry_after_secs;
        let mut response = (status, Json(self.body)).into_response();
        if let Some(secs) = retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// The boundary between a store and HTTP: a refusal keeps its body (the status follows
/// from its code); a failure is logged and answers `internal`.
impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Refused(body) => Self { body },
            StoreError::Broken(what) => {
                tracing::error!(what, "broken invariant");
                Self::internal()
            }
            StoreError::Db(err) => {
                tracing::error!(error = %err, "database error");
                Self::internal()
            }
        }
    }
}

/// The router's answer when a path exists but not with this method.
pub async fn api_method_not_allowed() -> AppError {
    AppError::method_not_allowed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_follows_the_code() {
        assert_eq!(AppError::bad_request("x").status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            AppError::unauthenticated().status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            AppError::method_not_allowed().status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
        assert_eq!(
            AppError::new(ErrorCode::OutOfStock, "x").status(),
            StatusCode::CONFLICT
        );
        let limited = StoreError::refused(ErrorCode::RateLimited, "wait").with_retry_after(7);
        let limited = AppError::from(limited).into_response();
        assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.headers()[header::RETRY_AFTER], "7");
        let failed = AppError::from(StoreError::Broken("x"));
        assert_eq!(failed.body.code, ErrorCode::Internal);
    }
}
