//! The sign-in form's rules, kept apart from the view: what a typed value or a backend
//! answer means for each field, in words.

use care_contract::auth::is_well_formed_code;
use care_contract::phone::{normalize_phone, PhoneError};
use care_contract::ErrorCode;

use crate::api::ApiError;
use crate::auth::texts::Texts;

/// A problem to show beside one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Phone(PhoneError),
    CodeFormat,
    CodeInvalid,
    CodeExpired,
    TooManyAttempts,
    RateLimited { seconds: u32 },
}

impl FieldError {
    pub fn text(self, t: &Texts) -> String {
        match self {
            FieldError::Phone(PhoneError::Empty) => t.err_phone_empty.to_owned(),
            FieldError::Phone(PhoneError::WrongLength) => t.err_phone_length.to_owned(),
            FieldError::Phone(PhoneError::NotMobile) => t.err_phone_not_mobile.to_owned(),
            FieldError::Phone(PhoneError::NotDigits) => t.err_phone_digits.to_owned(),
            FieldError::CodeFormat => t.err_code_format.to_owned(),
            FieldError::CodeInvalid => t.err_code_invalid.to_owned(),
            FieldError::CodeExpired => t.err_code_expired.to_owned(),
            FieldError::TooManyAttempts => t.err_too_many_attempts.to_owned(),
            FieldError::RateLimited { seconds } => t.err_rate_limited(i64::from(seconds)),
        }
    }
}

/// Checks the phone field before anything is sent.
pub fn check_phone(input: &str) -> Result<String, FieldError> {
    normalize_phone(input).map_err(FieldError::Phone)
}

/// Checks the code field before anything is sent.
pub fn check_code(input: &str) -> Result<String, FieldError> {
    let code = input.trim();
    if is_well_formed_code(code) {
        Ok(code.to_owned())
    } else {
        Err(FieldError::CodeFormat)
    }
}

/// Which field a backend error belongs to. `None`: it is about the whole form (network,
/// server), shown above the button with a retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Phone(FieldError),
    Code(FieldError),
}

pub fn place_error(error: &ApiError) -> Option<Placement> {
    let ApiError::Http {
        code,
        retry_after_secs,
        ..
    } = error
    else {
        return None;
    };
    Some(match code {
        ErrorCode::InvalidPhone => Placement::Phone(FieldError::Phone(PhoneError::NotMobile)),
        ErrorCode::RateLimited => Placement::Phone(FieldError::RateLimited {
            seconds: retry_after_secs.unwrap_or(60),
        }),
        ErrorCode::InvalidCode => Placement::Code(FieldError::CodeInvalid),
        ErrorCode::CodeExpired => Placement::Code(FieldError::CodeExpired),
        ErrorCode::TooManyAttempts => Placement::Code(FieldError::TooManyAttempts),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn http(code: ErrorCode, retry_after_secs: Option<u32>) -> ApiError {
        ApiError::Http {
            status: 400,
            code,
            retry_after_secs,
            details: None,
        }
    }

    #[test]
    fn phone_and_code_are_checked_before_sending() {
        assert_eq!(check_phone("138 0013 8000"), Ok("13800138000".into()));
        assert_eq!(check_phone(""), Err(FieldError::Phone(PhoneError::Empty)));
        assert_eq!(check_code(" 246810 "), Ok("246810".into()));
        assert_eq!(check_code("2468"), Err(FieldError::CodeFormat));
    }

    #[test]
    fn backend_errors_land_next_to_the_field_they_are_about() {
        assert_eq!(
            place_error(&http(ErrorCode::InvalidCode, None)),
            Some(Placement::Code(FieldError::CodeInvalid))
        );
        assert_eq!(
            place_error(&http(ErrorCode::RateLimited, Some(42))),
            Some(Placement::Phone(FieldError::RateLimited { seconds: 42 }))
        );
        assert_eq!(place_error(&http(ErrorCode::Internal, None)), None);
        assert_eq!(place_error(&ApiError::Timeout), None);
    }

    #[test]
    fn rate_limit_text_says_how_long_to_wait() {
        let text =
            FieldError::RateLimited { seconds: 42 }.text(crate::auth::texts::of(Locale::ZhCn));
        assert!(text.contains("42"), "{text}");
        let text = FieldError::RateLimited { seconds: 42 }.text(crate::auth::texts::of(Locale::En));
        assert!(text.contains("42"), "{text}");
    }
}
