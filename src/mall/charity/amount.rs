//! Donation amounts: the quick choices, reading what a person typed, and every refusal in
//! words. Pure, so it is tested here.

use care_contract::mall::BlockedReason;
use care_contract::ErrorCode;

use crate::api::ApiError;
use crate::mall::texts::Texts;

/// The quick choices, in points.
pub const CHIP_AMOUNTS: [i64; 4] = [10, 50, 100, 500];

/// Why a typed amount cannot be donated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Letters, signs or a decimal point: points are whole numbers.
    NotWhole,
    /// Zero.
    TooSmall,
    /// More than the spendable balance.
    MoreThanBalance,
}

/// Reads a typed amount: spaces are ignored and full-width digits (a Chinese keyboard's
/// ５０) count as digits. 1 up to the balance.
pub fn parse_amount(input: &str, balance: i64) -> Result<i64, AmountError> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if digits.is_empty() {
        return Err(AmountError::Empty);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(AmountError::NotWhole);
    }
    // All digits, so the only parse failure is a number too big for any balance.
    let points = digits
        .parse::<i64>()
        .map_err(|_| AmountError::MoreThanBalance)?;
    if points == 0 {
        Err(AmountError::TooSmall)
    } else if points > balance {
        Err(AmountError::MoreThanBalance)
    } else {
        Ok(points)
    }
}

pub fn amount_error_text(error: AmountError, balance: i64, t: &'static Texts) -> String {
    match error {
        AmountError::Empty => t.donate_amount_empty.to_owned(),
        AmountError::NotWhole => t.donate_amount_not_whole.to_owned(),
        AmountError::TooSmall => t.donate_amount_too_small.to_owned(),
        AmountError::MoreThanBalance => t.donate_amount_too_much(balance),
    }
}

/// Why this account may not donate yet, the way the backend would refuse it.
pub fn blocked_text(reason: BlockedReason, t: &'static Texts) -> Option<&'static str> {
    match reason {
        BlockedReason::AccountTooNew => Some(t.donate_blocked_too_new),
        BlockedReason::NotVerified => Some(t.donate_blocked_not_verified),
        BlockedReason::InArrears => Some(t.donate_blocked_in_arrears),
        _ => None,
    }
}

/// A refused donation in words; nothing was deducted.
pub fn donate_error_text(error: &ApiError, t: &'static Texts) -> String {
    match error.code() {
        Some(ErrorCode::InsufficientPoints) => match error.details().and_then(|d| d.balance) {
            Some(balance) => t.donate_error_insufficient(balance),
            None => t.donate_error_insufficient_plain.to_owned(),
        },
        Some(ErrorCode::InvalidAmount) => t.donate_amount_too_small.to_owned(),
        Some(ErrorCode::NotFound) => t.donate_project_not_found.to_owned(),
        code => code
            .and_then(BlockedReason::from_error_code)
            .and_then(|reason| blocked_text(reason, t))
            .map_or_else(|| error.message(t).to_owned(), str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Details;
    use crate::i18n::Locale;
    use care_contract::ErrorDetails;

    #[test]
    fn amounts_are_whole_points_from_one_to_the_balance() {
        assert_eq!(parse_amount("50", 100), Ok(50));
        assert_eq!(parse_amount(" 1 00 ", 100), Ok(100));
        assert_eq!(parse_amount("５０", 100), Ok(50));
        assert_eq!(parse_amount("", 100), Err(AmountError::Empty));
        assert_eq!(parse_amount("  ", 100), Err(AmountError::Empty));
        assert_eq!(parse_amount("0", 100), Err(AmountError::TooSmall));
        assert_eq!(parse_amount("12.5", 100), Err(AmountError::NotWhole));
        assert_eq!(parse_amount("-5", 100), Err(AmountError::NotWhole));
        assert_eq!(parse_amount("abc", 100), Err(AmountError::NotWhole));
        assert_eq!(parse_amount("101", 100), Err(AmountError::MoreThanBalance));
        assert_eq!(
            parse_amount("99999999999999999999999", 100),
            Err(AmountError::MoreThanBalance)
        );
    }

    #[test]
    fn refusals_read_in_words() {
        let t = crate::mall::texts::of(Locale::ZhCn);
        assert!(amount_error_text(AmountError::MoreThanBalance, 80, t).contains("80"));
        let insufficient = ApiError::Http {
            status: 409,
            code: ErrorCode::InsufficientPoints,
            retry_after_secs: None,
            details: Some(Details::from(ErrorDetails {
                balance: Some(42),
                needed: Some(50),
                ..ErrorDetails::default()
            })),
        };
        assert!(donate_error_text(&insufficient, t).contains("42"));
        assert_eq!(donate_error_text(&ApiError::Timeout, t), t.error_timeout);
        for locale in Locale::ALL {
            for reason in [
                BlockedReason::AccountTooNew,
                BlockedReason::NotVerified,
                BlockedReason::InArrears,
            ] {
                assert!(blocked_text(reason, crate::mall::texts::of(locale))
                    .is_some_and(|s| !s.is_empty()));
            }
        }
    }
}
