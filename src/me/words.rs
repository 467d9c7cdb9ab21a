//! The words and numbers of the tier, callback and privacy pages: pure functions of the
//! contract's values, tested in both languages.

use care_contract::feedback::ContactWindow;
use care_contract::me::{
    CallbackStatus, DataCategory, DataPurpose, TierBenefit, TierStatus, ValueBand, CONFIRM_DIGITS,
};
use chrono::{Datelike, NaiveDate, Weekday};

use super::texts::Texts;
use crate::i18n::dates::format_day_month;
use crate::i18n::Locale;

/// How far the score has come from the current level's lowest score to the next level's,
/// 0-100. 100 at the top level, and when the score has reached the next level already
/// (it moves up at the quarterly recomputation).
pub fn progress_percent(status: &TierStatus) -> u8 {
    let Some(next) = status.next else {
        return 100;
    };
    if next.score_to_go == 0 {
        return 100;
    }
    let from = status
        .levels
        .iter()
        .find(|l| l.star_level == status.star_level)
        .map_or(0, |l| l.min_score);
    let span = u32::from(next.min_score.saturating_sub(from)).max(1);
    let done = u32::from(status.value_score.saturating_sub(from));
    // Not 100 until reached: rounding down keeps "almost there" below the full bar.
    (done * 100 / span).min(99) as u8
}

/// The sentence under the progress bar.
pub fn progress_text(status: &TierStatus, t: &Texts) -> String {
    match status.next {
        None => t.tier_progress_top.to_owned(),
        Some(next) if next.score_to_go == 0 => t.tier_progress_reached(i64::from(next.star_level)),
        Some(next) => t.tier_progress_to_go(
            i64::from(next.min_score),
            i64::from(next.score_to_go),
            i64::from(next.star_level),
        ),
    }
}

pub fn band_text(band: ValueBand, t: &Texts) -> &'static str {
    match band {
        ValueBand::Top => t.tier_band_top,
        ValueBand::High => t.tier_band_high,
        ValueBand::Middle => t.tier_band_middle,
        ValueBand::Low => t.tier_band_low,
    }
}

pub fn benefit_text(benefit: TierBenefit, t: &Texts) -> &'static str {
    match benefit {
        TierBenefit::PointsRedemption => t.tier_benefit_points_redemption,
        TierBenefit::BirthdayGiftPack => t.tier_benefit_birthday_gift_pack,
        TierBenefit::BirthdayPrivilege => t.tier_benefit_birthday_privilege,
        TierBenefit::TierOnlyItems => t.tier_benefit_tier_only_items,
        TierBenefit::PriorityService => t.tier_benefit_priority_service,
        TierBenefit::DedicatedManager => t.tier_benefit_dedicated_manager,
        TierBenefit::YearEndGift => t.tier_benefit_year_end_gift,
    }
}

pub fn window_text(window: ContactWindow, t: &Texts) -> &'static str {
    match window {
        ContactWindow::AnyTime => t.callback_window_any_time,
        ContactWindow::Morning => t.callback_window_morning,
        ContactWindow::Afternoon => t.callback_window_afternoon,
        ContactWindow::Evening => t.callback_window_evening,
    }
}

pub fn callback_status_text(status: CallbackStatus, t: &Texts) -> &'static str {
    match status {
        CallbackStatus::Requested => t.callback_status_requested,
        CallbackStatus::Called => t.callback_status_called,
        CallbackStatus::Cancelled => t.callback_status_cancelled,
    }
}

fn weekday_text(day: Weekday, t: &Texts) -> &'static str {
    match day {
        Weekday::Mon => t.weekday_mon,
        Weekday::Tue => t.weekday_tue,
        Weekday::Wed => t.weekday_wed,
        Weekday::Thu => t.weekday_thu,
        Weekday::Fri => t.weekday_fri,
        Weekday::Sat => t.weekday_sat,
        Weekday::Sun => t.weekday_sun,
    }
}

/// A callback day as the choice says it: today and tomorrow by name, later days by their
/// weekday, each with its day and month.
pub fn day_text(day: NaiveDate, today: NaiveDate, locale: Locale, t: &Texts) -> String {
    let date = format_day_month(day, locale);
    match (day - today).num_days() {
        0 => t.callback_day_today(&date),
        1 => t.callback_day_tomorrow(&date),
        _ => t.callback_day_other(&date, weekday_text(day.weekday(), t)),
    }
}

pub fn category_text(category: DataCategory, t: &Texts) -> &'static str {
    match category {
        DataCategory::Account => t.privacy_category_account,
        DataCategory::FamilyContacts => t.privacy_category_family_contacts,
        DataCategory::Points => t.privacy_category_points,
        DataCategory::Orders => t.privacy_category_orders,
        DataCategory::Feedback => t.privacy_category_feedback,
        DataCategory::Community => t.privacy_category_community,
        DataCategory::Surveys => t.privacy_category_surveys,
        DataCategory::Callbacks => t.privacy_category_callbacks,
        DataCategory::Sessions => t.privacy_category_sessions,
    }
}

pub fn purpose_text(purpose: DataPurpose, t: &Texts) -> &'static str {
    match purpose {
        DataPurpose::ServeTheAccount => t.privacy_purpose_serve_the_account,
        DataPurpose::CallFamily => t.privacy_purpose_call_family,
        DataPurpose::KeepThePointsRecord => t.privacy_purpose_keep_the_points_record,
        DataPurpose::DeliverOrders => t.privacy_purpose_deliver_orders,
        DataPurpose::HandleFeedback => t.privacy_purpose_handle_feedback,
        DataPurpose::ShowPosts => t.privacy_purpose_show_posts,
        DataPurpose::ImproveTheService => t.privacy_purpose_improve_the_service,
        DataPurpose::CallBack => t.privacy_purpose_call_back,
        DataPurpose::KeepSignedIn => t.privacy_purpose_keep_signed_in,
    }
}

/// How long a kind of data is kept: months after it was last needed, or while the account
/// exists.
pub fn retention_text(months: Option<u32>, t: &Texts) -> String {
    match months {
        Some(n) => t.privacy_retention_months(i64::from(n)),
        None => t.privacy_retention_account.to_owned(),
    }
}

/// What is wrong with the typed confirmation before it is sent (four digits), if anything.
pub fn deletion_code_problem(typed: &str) -> bool {
    let typed = typed.trim();
    typed.len() != CONFIRM_DIGITS || !typed.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{MeTexts, TextBundle};
    use care_contract::me::tier_status;

    fn zh() -> &'static Texts {
        MeTexts::of(Locale::ZhCn)
    }
    fn en() -> &'static Texts {
        MeTexts::of(Locale::En)
    }

    #[test]
    fn progress_runs_from_this_levels_score_to_the_next() {
        // Level 5 starts at 80, level 6 at 90: 84 is 40% of the way.
        assert_eq!(progress_percent(&tier_status(5, 84)), 40);
        assert_eq!(progress_percent(&tier_status(5, 80)), 0);
        // Level 1 starts at 0, level 2 at 50: the new subscriber's 40 is 80%.
        assert_eq!(progress_percent(&tier_status(1, 40)), 80);
        // One point short is not a full bar.
        assert_eq!(progress_percent(&tier_status(1, 49)), 98);
    }

    #[test]
    fn progress_is_full_at_the_top_and_when_the_score_is_there_already() {
        assert_eq!(progress_percent(&tier_status(7, 99)), 100);
        assert_eq!(progress_percent(&tier_status(5, 92)), 100);
    }

    #[test]
    fn the_progress_sentence_says_what_is_missing_in_both_languages() {
        let s = tier_status(5, 84);
        assert_eq!(
            progress_text(&s, zh()),
            "还差 6 分升到 6 星（6 星从 90 分起）"
        );
        assert_eq!(
            progress_text(&s, en()),
            "6 more points to reach 6 stars (6 stars start at 90)"
        );
        assert_eq!(
            progress_text(&tier_status(1, 49), en()),
            "1 more point to reach 2 stars (2 stars start at 50)"
        );
        assert_eq!(
            progress_text(&tier_status(5, 92), zh()),
            "分数已够 6 星，下个季度更新时升级"
        );
        assert_eq!(
            progress_text(&tier_status(7, 99), zh()),
            "您已是最高的 7 星，感谢一路相伴"
        );
    }

    #[test]
    fn every_benefit_and_band_has_words_in_both_languages() {
        for t in [zh(), en()] {
            for b in TierBenefit::ALL.iter().copied() {
                assert!(!benefit_text(b, t).is_empty());
            }
            for b in ValueBand::ALL.iter().copied() {
                assert!(!band_text(b, t).is_empty());
            }
        }
        assert_eq!(
            benefit_text(TierBenefit::DedicatedManager, zh()),
            "专属客户经理"
        );
        assert_eq!(
            band_text(ValueBand::High, en()),
            "High-value customer (70–89)"
        );
    }

    #[test]
    fn days_are_today_tomorrow_then_weekdays() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(); // a Saturday
        let day = |n| today + chrono::Days::new(n);
        assert_eq!(day_text(today, today, Locale::ZhCn, zh()), "今天 11月28日");
        assert_eq!(
            day_text(day(1), today, Locale::En, en()),
            "Tomorrow, 29 Nov"
        );
        assert_eq!(day_text(day(2), today, Locale::ZhCn, zh()), "周一 11月30日");
        assert_eq!(day_text(day(2), today, Locale::En, en()), "Monday, 30 Nov");
    }

    #[test]
    fn retention_says_months_or_while_the_account_exists() {
        assert_eq!(
            retention_text(Some(24), zh()),
            "保存多久：不再需要后保存 24 个月"
        );
        assert_eq!(
            retention_text(Some(1), en()),
            "How long: 1 month after it is last needed"
        );
        assert_eq!(
            retention_text(None, en()),
            "How long: while you have an account"
        );
    }

    #[test]
    fn every_category_and_purpose_is_worded() {
        for t in [zh(), en()] {
            for c in DataCategory::ALL.iter().copied() {
                assert!(!category_text(c, t).is_empty());
            }
            for p in DataPurpose::ALL.iter().copied() {
                assert!(!purpose_text(p, t).is_empty());
            }
            for w in ContactWindow::ALL.iter().copied() {
                assert!(!window_text(w, t).is_empty());
            }
            for s in CallbackStatus::ALL.iter().copied() {
                assert!(!callback_status_text(s, t).is_empty());
            }
        }
    }

    #[test]
    fn the_deletion_code_is_four_digits() {
        assert!(!deletion_code_problem("8000"));
        assert!(!deletion_code_problem(" 8000 "));
        assert!(deletion_code_problem("800"));
        assert!(deletion_code_problem("80000"));
        assert!(deletion_code_problem("80a0"));
        assert!(deletion_code_problem(""));
    }
}
