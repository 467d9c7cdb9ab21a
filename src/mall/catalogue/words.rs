//! How the catalogue's categories, orders, times and "why not" read in each language.
//! Pure, so every variant is tested in both languages.

use care_contract::mall::{BlockedReason, ItemCategory, ItemSort, MallItem};

use crate::i18n::dates::format_moment;
use crate::i18n::Locale;
use crate::mall::texts::Texts;
use crate::widgets::icons::IconKind;

pub fn category_label(category: ItemCategory, t: &'static Texts) -> &'static str {
    match category {
        ItemCategory::PhoneCredit => t.category_phone_credit,
        ItemCategory::Data => t.category_data,
        ItemCategory::Membership => t.category_membership,
        ItemCategory::Physical => t.category_physical,
        ItemCategory::Rural => t.category_rural,
        ItemCategory::Charity => t.category_charity,
    }
}

pub fn category_icon(category: ItemCategory) -> IconKind {
    match category {
        ItemCategory::PhoneCredit => IconKind::Phone,
        ItemCategory::Data => IconKind::Signal,
        ItemCategory::Membership => IconKind::Star,
        ItemCategory::Physical => IconKind::Parcel,
        ItemCategory::Rural => IconKind::Leaf,
        ItemCategory::Charity => IconKind::Heart,
    }
}

pub fn sort_label(sort: ItemSort, t: &'static Texts) -> &'static str {
    match sort {
        ItemSort::Popular => t.sort_popular,
        ItemSort::PriceAsc => t.sort_price_asc,
        ItemSort::PriceDesc => t.sort_price_desc,
        ItemSort::Newest => t.sort_newest,
    }
}

/// Why this item cannot be taken now, in a sentence; `balance` (when known) lets
/// "not enough points" say how many are missing.
pub fn blocked_text(
    reason: BlockedReason,
    item: &MallItem,
    balance: Option<i64>,
    t: &'static Texts,
    locale: Locale,
) -> String {
    match reason {
        BlockedReason::SignInRequired => t.blocked_sign_in.to_owned(),
        BlockedReason::AccountTooNew => t.account_blocked_too_new.to_owned(),
        BlockedReason::NotVerified => t.account_blocked_not_verified.to_owned(),
        BlockedReason::InArrears => t.account_blocked_in_arrears.to_owned(),
        BlockedReason::TierRequired => t.blocked_tier(i64::from(item.min_star_level)),
        BlockedReason::NotStarted => match item.starts_at {
            Some(at) => t.blocked_not_started(&format_moment(at, locale)),
            None => t.blocked_not_started_soon.to_owned(),
        },
        BlockedReason::WindowClosed => t.blocked_window_closed.to_owned(),
        BlockedReason::OutOfStock => t.blocked_out_of_stock.to_owned(),
        BlockedReason::LimitReached => t.blocked_limit_reached(i64::from(item.per_customer_limit)),
        BlockedReason::InsufficientPoints => {
            let price = item.first_exchange_points.unwrap_or(item.points);
            match balance {
                Some(balance) if balance < price => t.blocked_insufficient_short(price - balance),
                _ => t.blocked_insufficient.to_owned(),
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use care_contract::mall::DeliveryKind;
    use chrono::{TimeZone, Utc};

    pub(crate) fn item() -> MallItem {
        MallItem {
            id: 1,
            category: ItemCategory::Data,
            name_zh: "5GB 流量".into(),
            name_en: "5 GB data".into(),
            description_zh: String::new(),
            description_en: String::new(),
            points: 1000,
            cash_fen: 0,
            stock: Some(3),
            per_customer_limit: 2,
            min_star_level: 4,
            tier_only: true,
            starts_at: Some(Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()),
            ends_at: None,
            flash: true,
            delivery: DeliveryKind::Instant,
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            redemption_count: 0,
            redeemed_by_me: 0,
            can_redeem: false,
            blocked_reason: None,
            first_exchange_points: None,
        }
    }

    #[test]
    fn every_reason_reads_as_a_sentence_in_both_languages() {
        let reasons = [
            BlockedReason::SignInRequired,
            BlockedReason::AccountTooNew,
            BlockedReason::NotVerified,
            BlockedReason::InArrears,
            BlockedReason::TierRequired,
            BlockedReason::NotStarted,
            BlockedReason::WindowClosed,
            BlockedReason::OutOfStock,
            BlockedReason::LimitReached,
            BlockedReason::InsufficientPoints,
        ];
        for locale in Locale::ALL {
            for reason in reasons {
                let text = blocked_text(
                    reason,
                    &item(),
                    None,
                    crate::mall::texts::of(locale),
                    locale,
                );
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{reason:?}: {text}"
                );
            }
        }
        let zh = crate::mall::texts::of(Locale::ZhCn);
        assert!(
            blocked_text(BlockedReason::TierRequired, &item(), None, zh, Locale::ZhCn)
                .contains('4')
        );
        assert!(
            blocked_text(BlockedReason::NotStarted, &item(), None, zh, Locale::ZhCn)
                .contains("11月25日 10:00")
        );
        assert!(blocked_text(
            BlockedReason::InsufficientPoints,
            &item(),
            Some(640),
            zh,
            Locale::ZhCn
        )
        .contains("360"));
    }

    #[test]
    fn every_category_and_order_has_words() {
        for locale in Locale::ALL {
            for &c in ItemCategory::ALL {
                assert!(!category_label(c, crate::mall::texts::of(locale)).is_empty());
            }
            for &s in ItemSort::ALL {
                assert!(!sort_label(s, crate::mall::texts::of(locale)).is_empty());
            }
        }
    }
}
