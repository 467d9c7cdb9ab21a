//! The points mall (积分商城), under `/api/mall`: balance and tier, the points ledger, daily
//! check-in, the catalogue, exactly-once redemption, orders, the delivery address and
//! charity donations.
//!
//! Exactly once: every redemption and donation carries an `idempotency_key` the app makes
//! when the confirmation opens (16-64 of `A-Z a-z 0-9 - _`). Sending the same key again
//! with the same body answers the original result (200, `replayed: true`) and never
//! deducts twice; the same key with a different body is 409 `idempotency_conflict`.

mod address;
mod catalogue;
mod charity;
mod ledger;
mod orders;
mod summary;

pub use address::*;
pub use catalogue::*;
pub use charity::*;
pub use ledger::*;
pub use orders::*;
pub use summary::*;

/// Shortest idempotency key.
pub const IDEMPOTENCY_KEY_MIN: usize = 16;
/// Longest idempotency key.
pub const IDEMPOTENCY_KEY_MAX: usize = 64;
/// Most items in one redemption (the per-customer limit may be lower).
pub const MAX_QUANTITY: u32 = 99;
/// Longest recipient name, in characters.
pub const ADDRESS_NAME_MAX_CHARS: usize = 20;
/// Longest region (province / city / district), in characters.
pub const ADDRESS_REGION_MAX_CHARS: usize = 50;
/// Shortest and longest street address, in characters.
pub const ADDRESS_DETAIL_MIN_CHARS: usize = 4;
pub const ADDRESS_DETAIL_MAX_CHARS: usize = 100;
/// Longest catalogue search, in characters.
pub const SEARCH_MAX_CHARS: usize = 50;
/// Page size when none is asked for, and the largest allowed.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
/// Longest tracking number a staff member may enter.
pub const TRACKING_NUMBER_MAX_CHARS: usize = 40;

/// Free text the server refuses: longer than its limit once trimmed, or with a control
/// character where none is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRefused;

/// The catalogue search (`q`) as the server uses it: trimmed, `None` when nothing is
/// left, refused above `SEARCH_MAX_CHARS` characters.
pub fn search_terms(q: &str) -> Result<Option<String>, TextRefused> {
    let q = q.trim();
    if q.chars().count() > SEARCH_MAX_CHARS {
        return Err(TextRefused);
    }
    Ok((!q.is_empty()).then(|| q.to_owned()))
}

/// A staff member's tracking number as the server keeps it: trimmed, `None` when nothing
/// is left (one is made up), refused above `TRACKING_NUMBER_MAX_CHARS` characters or with
/// a control character.
pub fn tracking_number(raw: Option<&str>) -> Result<Option<String>, TextRefused> {
    let Some(t) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > TRACKING_NUMBER_MAX_CHARS || t.chars().any(char::is_control) {
        return Err(TextRefused);
    }
    Ok(Some(t.to_owned()))
}

/// A key the app may send as `idempotency_key`.
pub fn is_valid_idempotency_key(key: &str) -> bool {
    (IDEMPOTENCY_KEY_MIN..=IDEMPOTENCY_KEY_MAX).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn idempotency_keys_are_16_to_64_safe_characters() {
        assert!(is_valid_idempotency_key("0123456789abcdef"));
        assert!(is_valid_idempotency_key(&"a-_Z".repeat(16)));
        assert!(!is_valid_idempotency_key("0123456789abcde"));
        assert!(!is_valid_idempotency_key(&"a".repeat(65)));
        assert!(!is_valid_idempotency_key("0123456789abcde!"));
        assert!(!is_valid_idempotency_key("0123456789abcdé"));
    }

    #[test]
    fn every_blocked_reason_has_its_own_refusal_code_and_back() {
        for &reason in BlockedReason::ALL {
            assert_eq!(
                BlockedReason::from_error_code(reason.error_code()),
                Some(reason)
            );
        }
        assert_eq!(
            BlockedReason::LimitReached.error_code(),
            ErrorCode::LimitExceeded
        );
        assert_eq!(
            BlockedReason::SignInRequired.error_code(),
            ErrorCode::Unauthenticated
        );
        assert_eq!(
            BlockedReason::from_error_code(ErrorCode::InvalidQuantity),
            None
        );
        let account: Vec<_> = BlockedReason::ALL
            .iter()
            .filter(|r| r.is_about_the_account())
            .collect();
        assert_eq!(account.len(), 3);
    }

    #[test]
    fn a_search_is_trimmed_and_at_most_50_characters() {
        assert_eq!(search_terms("  茶叶 "), Ok(Some("茶叶".into())));
        assert_eq!(search_terms(" \u{3000} "), Ok(None));
        let longest = "字".repeat(SEARCH_MAX_CHARS);
        assert_eq!(
            search_terms(&format!(" {longest} ")),
            Ok(Some(longest.clone()))
        );
        assert_eq!(search_terms(&format!("{longest}字")), Err(TextRefused));
        assert_eq!(search_terms("a\tb"), Ok(Some("a\tb".into())));
    }

    #[test]
    fn a_tracking_number_is_trimmed_and_at_most_40_plain_characters() {
        assert_eq!(tracking_number(None), Ok(None));
        assert_eq!(tracking_number(Some("  ")), Ok(None));
        assert_eq!(tracking_number(Some(" SF123 ")), Ok(Some("SF123".into())));
        let longest = "9".repeat(TRACKING_NUMBER_MAX_CHARS);
        assert_eq!(tracking_number(Some(&longest)), Ok(Some(longest.clone())));
        assert_eq!(
            tracking_number(Some(&format!("{longest}9"))),
            Err(TextRefused)
        );
        assert_eq!(tracking_number(Some("SF\n123")), Err(TextRefused));
    }

    #[test]
    fn enums_travel_as_snake_case_and_parse_back() {
        for &kind in LedgerKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(kind.as_str().parse::<LedgerKind>().ok(), Some(kind));
        }
        for &c in ItemCategory::ALL {
            assert_eq!(c.as_str().parse::<ItemCategory>().ok(), Some(c));
        }
        for &sort in ItemSort::ALL {
            let json = serde_json::to_string(&sort).unwrap();
            assert_eq!(json, format!("\"{}\"", sort.as_str()));
            assert_eq!(sort.as_str().parse::<ItemSort>().ok(), Some(sort));
        }
        assert_eq!(
            serde_json::to_string(&BlockedReason::InsufficientPoints).unwrap(),
            "\"insufficient_points\""
        );
        assert_eq!(
            serde_json::to_string(&OrderStatus::AwaitingShipment).unwrap(),
            "\"awaiting_shipment\""
        );
        assert_eq!(
            ("shipped").parse::<OrderStatus>().ok(),
            Some(OrderStatus::Shipped)
        );
    }
}
