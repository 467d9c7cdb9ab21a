//! A refused redemption in words: what went wrong and, where the backend said, the
//! numbers (points needed, what is left of the limit, when it opens). An address problem
//! goes next to its field instead.

use care_contract::mall::{AddressField, BlockedReason, MallItem};
use care_contract::{ErrorCode, ErrorDetails};

use crate::api::ApiError;
use crate::i18n::dates::format_moment;
use crate::i18n::Locale;
use crate::mall::catalogue::words::blocked_text;
use crate::mall::texts::Texts;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Shown beside this address field.
    Address(AddressField),
    /// Shown above the confirm button.
    Message(String),
}

pub fn refusal(error: &ApiError, item: &MallItem, t: &'static Texts, locale: Locale) -> Refusal {
    let details = error.details();
    let message = |text: String| Refusal::Message(text);
    match (error.code(), details.as_ref()) {
        (Some(ErrorCode::InvalidAddress | ErrorCode::AddressRequired), _) => {
            Refusal::Address(match details.as_ref().and_then(|d| d.field.as_deref()) {
                Some("phone") => AddressField::Phone,
                Some("region") => AddressField::Region,
                Some("detail") => AddressField::Detail,
                _ => AddressField::Name,
            })
        }
        // Where the backend gave the numbers, say them.
        (
            Some(ErrorCode::InsufficientPoints),
            Some(&ErrorDetails {
                balance: Some(balance),
                needed: Some(needed),
                ..
            }),
        ) => message(t.refusal_insufficient(balance, needed)),
        (
            Some(ErrorCode::LimitExceeded),
            Some(&ErrorDetails {
                limit: Some(limit),
                remaining: Some(remaining),
                ..
            }),
        ) => message(t.refusal_limit(i64::from(limit), i64::from(remaining))),
        (
            Some(ErrorCode::NotStarted),
            Some(&ErrorDetails {
                opens_at: Some(at), ..
            }),
        ) => message(t.blocked_not_started(&format_moment(at, locale))),
        (
            Some(ErrorCode::TierRequired),
            Some(&ErrorDetails {
                min_star_level: Some(stars),
                ..
            }),
        ) => message(t.blocked_tier(i64::from(stars))),
        (Some(ErrorCode::InvalidQuantity), _) => message(t.refusal_quantity.to_owned()),
        (Some(ErrorCode::NotFound), _) => message(t.refusal_gone.to_owned()),
        // The rest are the item's blocked reasons, said as the catalogue says them.
        (code, _) => match code.and_then(BlockedReason::from_error_code) {
            Some(reason) => message(blocked_text(reason, item, None, t, locale)),
            None => message(error.message(t).to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Details;
    use crate::mall::catalogue::words::tests::item;
    use care_contract::ErrorDetails;

    fn http(code: ErrorCode, details: ErrorDetails) -> ApiError {
        ApiError::Http {
            status: 409,
            code,
            retry_after_secs: None,
            details: Some(Details::from(details)),
        }
    }

    #[test]
    fn not_enough_points_says_how_many() {
        let t = crate::mall::texts::of(Locale::ZhCn);
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
            refusal(
                &error,
                &item(),
                crate::mall::texts::of(Locale::En),
                Locale::En
            ),
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
                let Refusal::Message(text) =
                    refusal(&error, &item(), crate::mall::texts::of(locale), locale)
                else {
                    panic!("{code:?} is a message");
                };
                assert!(!text.is_empty() && !text.contains('{'), "{code:?}: {text}");
            }
        }
    }
}
