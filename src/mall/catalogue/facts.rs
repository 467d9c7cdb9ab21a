//! The short facts an item carries on its card and its page: marks (member-only, flash,
//! time-limited), the price line, stock, the per-customer limit and the window.

use care_contract::mall::MallItem;

use crate::i18n::dates::format_moment;
use crate::i18n::Locale;
use crate::mall::texts::Texts;
use crate::mall::words::yuan;

/// Small marks shown as badges: 4星及以上专享, 秒兑, 限时.
pub fn item_marks(item: &MallItem, t: &'static Texts) -> Vec<String> {
    let mut marks = Vec::new();
    if item.tier_only {
        marks.push(t.mark_tier_only(i64::from(item.min_star_level)));
    }
    if item.flash {
        marks.push(t.mark_flash.to_owned());
    } else if item.starts_at.is_some() || item.ends_at.is_some() {
        marks.push(t.mark_limited_time.to_owned());
    }
    marks
}

/// "1,000 积分 + ¥9.90" for one unit.
pub fn price_line(points: i64, cash_fen: i64, t: &'static Texts) -> String {
    let points = t.price_points(points);
    if cash_fen > 0 {
        t.price_points_and_cash(&yuan(cash_fen), &points)
    } else {
        points
    }
}

/// Stock, limit and window, each a short phrase.
pub fn item_facts(item: &MallItem, t: &'static Texts, locale: Locale) -> Vec<String> {
    let mut facts = Vec::new();
    match item.stock {
        Some(0) => facts.push(t.fact_sold_out.to_owned()),
        Some(n) => facts.push(t.fact_stock(n)),
        None => {}
    }
    facts.push(t.fact_limit(i64::from(item.per_customer_limit)));
    if let Some(at) = item.starts_at {
        let time = format_moment(at, locale);
        facts.push(if item.flash {
            t.fact_flash_starts(&time)
        } else {
            t.fact_starts(&time)
        });
    }
    if let Some(at) = item.ends_at {
        facts.push(t.fact_ends(&format_moment(at, locale)));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mall::catalogue::words::tests::item;

    #[test]
    fn a_flash_member_item_says_so() {
        let t = crate::mall::texts::of(Locale::ZhCn);
        let marks = item_marks(&item(), t);
        assert_eq!(marks, vec!["4星及以上专享".to_owned(), "秒兑".to_owned()]);
        let facts = item_facts(&item(), t, Locale::ZhCn);
        assert_eq!(facts[0], "剩 3 件");
        assert_eq!(facts[1], "每人限 2 件");
        assert!(facts[2].contains("11月25日 10:00"), "{facts:?}");
    }

    #[test]
    fn prices_show_the_cash_part_only_when_there_is_one() {
        let t = crate::mall::texts::of(Locale::ZhCn);
        assert_eq!(price_line(12_800, 0, t), "12,800 积分");
        assert_eq!(price_line(500, 990, t), "500 积分 + ¥9.90");
        let en = crate::mall::texts::of(Locale::En);
        assert_eq!(price_line(500, 990, en), "500 points + ¥9.90");
    }

    #[test]
    fn sold_out_and_unlimited_stock() {
        let t = crate::mall::texts::of(Locale::En);
        let mut it = item();
        it.stock = Some(0);
        assert_eq!(item_facts(&it, t, Locale::En)[0], "Sold out");
        it.stock = None;
        it.starts_at = None;
        assert_eq!(item_facts(&it, t, Locale::En), vec!["Limit 2 per person"]);
    }
}
