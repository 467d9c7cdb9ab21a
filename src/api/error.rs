use care_contract::{ErrorCode, ErrorDetails};

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
        details: Option<Box<ErrorDetails>>,
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
    pub fn details(&self) -> Option<&ErrorDetails> {
        match self {
            ApiError::Http { details, .. } => details.as_deref(),
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
}
