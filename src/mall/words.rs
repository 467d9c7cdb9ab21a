//! How mall numbers and kinds read in each language. Pure, so it is tested here.

use care_contract::mall::LedgerKind;

use crate::i18n::{group_thousands, Locale};
use crate::mall::texts::Texts;

/// A signed amount of points as the ledger shows it: +120, −80 (a real minus sign).
pub fn signed_points(points: i64) -> String {
    if points > 0 {
        format!("+{}", group_thousands(points))
    } else if points < 0 {
        format!("\u{2212}{}", group_thousands(points.saturating_abs()))
    } else {
        "0".to_owned()
    }
}

/// A cash amount in fen as the phone bill shows it: 990 -> "¥9.90".
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}¥{}.{:02}", fen / 100, fen % 100)
}

/// The words for each kind of ledger entry, for the filter.
pub fn kind_label(kind: LedgerKind, t: &'static Texts) -> &'static str {
    match kind {
        LedgerKind::MonthlySpending => t.ledger_kind_monthly_spending,
        LedgerKind::Tenure => t.ledger_kind_tenure,
        LedgerKind::ActivityBonus => t.ledger_kind_activity_bonus,
        LedgerKind::CheckIn => t.ledger_kind_check_in,
        LedgerKind::BirthdayGift => t.ledger_kind_birthday_gift,
        LedgerKind::HolidayDouble => t.ledger_kind_holiday_double,
        LedgerKind::AdoptedSuggestion => t.ledger_kind_adopted_suggestion,
        LedgerKind::Redemption => t.ledger_kind_redemption,
        LedgerKind::Refund => t.ledger_kind_refund,
        LedgerKind::Expiry => t.ledger_kind_expiry,
        LedgerKind::Donation => t.ledger_kind_donation,
    }
}

/// Picks the text for the user's language from a zh/en pair sent by the backend.
pub fn localized<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_carry_their_sign_in_words() {
        assert_eq!(signed_points(120), "+120");
        assert_eq!(signed_points(-80), "\u{2212}80");
        assert_eq!(signed_points(0), "0");
        assert_eq!(signed_points(-12_800), "\u{2212}12,800");
    }

    #[test]
    fn money_and_points_read_as_printed() {
        assert_eq!(yuan(990), "¥9.90");
        assert_eq!(yuan(5), "¥0.05");
        assert_eq!(yuan(12_000), "¥120.00");
    }

    #[test]
    fn every_ledger_kind_has_words_in_both_languages() {
        for locale in Locale::ALL {
            for &kind in LedgerKind::ALL {
                assert!(
                    !kind_label(kind, crate::mall::texts::of(locale)).is_empty(),
                    "{kind:?}"
                );
            }
        }
    }
}
