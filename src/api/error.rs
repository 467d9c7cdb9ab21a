use care_contract::{ApiError as ErrorBody, ErrorCode, ErrorDetails};

use crate::i18n::Texts;

/// Why a call to the backend failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, connection refused, CORS.
    Network,
    /// No complete answer within the client's time limit.
    Timeout,
    /// The backend answered with an error status and (usually) a contract error code.
    Http {
        status: u16,
        code: ErrorCode,
        retry_after_secs: Option<u32>,
        /// Facts some codes carry (balance and points needed, the field in error, ...).
        details: Option<Details>,
    },
    /// The backend answered 2xx with a body this build cannot read.
    Decode,
}

impl ApiError {
    /// 404 `not_found`, for a thing the app looked for in a list and did not find.
    pub fn not_found() -> Self {
        ApiError::Http {
            status: 404,
            code: ErrorCode::NotFound,
            retry_after_secs: None,
            details: None,
        }
    }

    /// The contract error code, if the backend gave one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Http { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The facts that came with the error, or none.
    pub fn details(&self) -> Option<ErrorDetails> {
        match self {
            ApiError::Http {
                details: Some(details),
                ..
            } => details.read(),
            _ => None,
        }
    }

    /// The request may have reached the backend and done its work, but its answer was
    /// lost: no answer, no answer in time, a 2xx body this build cannot read, or a server
    /// failure (a proxy may fail after the backend committed). Only a request that is safe
    /// to repeat (one with an idempotency key) may be retried on these.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout | ApiError::Decode => true,
            ApiError::Http { status, .. } => *status >= 500,
        }
    }

    pub fn is_unauthenticated(&self) -> bool {
        self.code() == Some(ErrorCode::Unauthenticated)
    }

    /// A general message for this error, for screens that have no more specific one.
    pub fn message(&self, t: &'static Texts) -> &'static str {
        match self {
            ApiError::Network => t.error_network,
            ApiError::Timeout => t.error_timeout,
            ApiError::Decode => t.error_decode,
            ApiError::Http { code, .. } => match code {
                ErrorCode::Unauthenticated => t.error_unauthenticated,
                ErrorCode::NotFound => t.error_not_found,
                ErrorCode::Forbidden => t.error_forbidden,
                _ => t.error_server,
            },
        }
    }
}

/// The facts an error came with, kept as the body the server sent and read only by the
/// screens that say them. Reading every error's details as it arrived put all their
/// fields' readers (dates, a survey's problems) in the first load, for the few screens
/// that use them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details(Box<str>);

impl Details {
    /// The body of an error answer, whose `details` are read when asked for.
    pub(crate) fn from_body(body: &str) -> Self {
        Details(body.into())
    }

    fn read(&self) -> Option<ErrorDetails> {
        serde_json::from_str::<ErrorBody>(&self.0)
            .ok()
            .and_then(|body| body.details)
            .map(|details| *details)
    }
}

/// The details a test's or a screen's made-up error carries, as the server would send them.
impl From<ErrorDetails> for Details {
    fn from(details: ErrorDetails) -> Self {
        let body = ErrorBody {
            details: Some(Box::new(details)),
            ..ErrorBody::new(ErrorCode::Internal, "")
        };
        Details(serde_json::to_string(&body).unwrap_or_default().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_kind_of_failure_has_words_in_every_locale() {
        let errors = [
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Decode,
            ApiError::Http {
                status: 500,
                code: ErrorCode::Internal,
                retry_after_secs: None,
                details: None,
            },
            ApiError::Http {
                status: 401,
                code: ErrorCode::Unauthenticated,
                retry_after_secs: None,
                details: None,
            },
        ];
        for locale in Locale::ALL {
            for error in &errors {
                assert!(!error.message(locale.texts()).is_empty());
            }
        }
        assert!(errors[0].outcome_unknown() && errors[3].outcome_unknown());
        assert!(!errors[4].outcome_unknown(), "a 401 is a definite answer");
        assert_ne!(
            ApiError::Timeout.message(Locale::ZhCn.texts()),
            ApiError::Network.message(Locale::ZhCn.texts())
        );
    }

    #[test]
    fn details_are_read_from_the_body_when_asked_for() {
        let body = r#"{"code":"insufficient_points","message":"short","details":{"balance":120,"needed":300}}"#;
        let error = ApiError::Http {
            status: 409,
            code: ErrorCode::InsufficientPoints,
            retry_after_secs: None,
            details: Some(Details::from_body(body)),
        };
        let details = error.details().expect("details");
        assert_eq!((details.balance, details.needed), (Some(120), Some(300)));
        let made_up = Details::from(ErrorDetails {
            field: Some("phone".into()),
            ..ErrorDetails::default()
        });
        assert_eq!(
            made_up.read().and_then(|d| d.field).as_deref(),
            Some("phone")
        );
        assert_eq!(Details::from_body("<html>proxy</html>").read(), None);
    }
}
