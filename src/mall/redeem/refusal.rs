//! A refused redemption in words: what went wrong and, where the backend said, the
//! numbers (points needed, what is left of the limit, when it opens). An address problem
//! goes next to its field instead.

use care_contract::mall::{AddressField, BlockedReason, MallItem};
use care_contract::ErrorCode;

use crate::api::ApiError;
use crate::i18n::{Locale, Texts};
use crate::mall::catalogue::words::blocked_text;
use crate::mall::time::format_moment;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Shown beside this address field.
    Address(AddressField),
    /// Shown above the confirm button.
    Message(String),
}

pub fn refusal(error: &ApiError, item: &MallItem, t: &'static Texts, locale: Locale) -> Refusal {
    let details = error.details();
    let reason = |r| Refusal::Message(blocked_text(r, item, None, t, locale));
    match error.code() {
        Some(ErrorCode::InvalidAddress) => {
            Refusal::Address(match details.and_then(|d| d.field.as_deref()) {
                Some("phone") => AddressField::Phone,
                Some("region") => AddressField::Region,
                Some("detail") => AddressField::Detail,
                _ => AddressField::Name,
            })
        }
        Some(ErrorCode::InsufficientPoints) => {
            match details.and_then(|d| Some((d.balance?, d.needed?))) {
                Some((balance, needed)) => {
                    Refusal::Message(t.refusal_insufficient(balance, needed))
                }
                None => reason(BlockedReason::InsufficientPoints),
            }
        }
        Some(ErrorCode::LimitExceeded) => {
            match details.and_then(|d| Some((d.limit?, d.remaining?))) {
                Some((limit, remaining)) => {
                    Refusal::Message(t.refusal_limit(i64::from(limit), i64::from(remaining)))
                }
                None => reason(BlockedReason::LimitReached),
            }
        }
        Some(ErrorCode::NotStarted) => match details.and_then(|d| d.opens_at) {
            Some(at) => Refusal::Message(t.blocked_not_started(&format_moment(at, locale))),
            None => reason(BlockedReason::NotStarted),
        },
        Some(ErrorCode::TierRequired) => match details.and_then(|d| d.min_star_level) {
            Some(stars) => Refusal::Message(t.blocked_tier(i64::from(stars))),
            None => reason(BlockedReason::TierRequired),
        },
        Some(ErrorCode::AccountTooNew) => reason(BlockedReason::AccountTooNew),
        Some(ErrorCode::NotVerified) => reason(BlockedReason::NotVerified),
        Some(ErrorCode::InArrears) => reason(BlockedReason::InArrears),
        Some(ErrorCode::WindowClosed) => reason(BlockedReason::WindowClosed),
        Some(ErrorCode::OutOfStock) => reason(BlockedReason::OutOfStock),
        Some(ErrorCode::InvalidQuantity) => Refusal::Message(t.refusal_quantity.to_owned()),
        Some(ErrorCode::NotFound) => Refusal::Message(t.refusal_gone.to_owned()),
        _ => Refusal::Message(error.message(t).to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mall::catalogue::words::tests::item;
    use care_contract::ErrorDetails;

    fn http(code: ErrorCode, details: ErrorDetails) -> ApiError {
        ApiError::Http {
            status: 409,
            code,
            retry_after_secs: None,
            details: Some(Box::new(details)),
        }
    }

    #[test]
    fn not_enough_points_says_how_many() {
        let t = Locale::ZhCn.texts();
        let error = http(
            ErrorCode::InsufficientPoints,
            ErrorDetails {
                balance: Some(120),
                needed: Some(1000),
                ..Default::default()
            },
        );
        let Refusal::Message(text) = refusal(&error, &item(), t, Locale::ZhCn) else {
            panic!("a message");
        };
        assert!(text.contains("1,000") && text.contains("120"), "{text}");
    }

    #[test]
    fn address_problems_go_to_their_field() {
        let error = http(
            ErrorCode::InvalidAddress,
            ErrorDetails {
                field: Some("detail".into()),
                ..Default::default()
            },
        );
        assert_eq!(
            refusal(&error, &item(), Locale::En.texts(), Locale::En),
            Refusal::Address(AddressField::Detail)
        );
    }

    #[test]
    fn every_refusal_has_words_in_both_languages() {
        let codes = [
            ErrorCode::InsufficientPoints,
            ErrorCode::LimitExceeded,
            ErrorCode::NotStarted,
            ErrorCode::TierRequired,
            ErrorCode::AccountTooNew,
            ErrorCode::NotVerified,
            ErrorCode::InArrears,
            ErrorCode::WindowClosed,
            ErrorCode::OutOfStock,
            ErrorCode::InvalidQuantity,
            ErrorCode::NotFound,
            ErrorCode::Internal,
        ];
        for locale in Locale::ALL {
            for code in codes {
                let error = http(code, ErrorDetails::default());
                let Refusal::Message(text) = refusal(&error, &item(), locale.texts(), locale)
                else {
                    panic!("{code:?} is a message");
                };
                assert!(!text.is_empty() && !text.contains('{'), "{code:?}: {text}");
            }
        }
    }
}
