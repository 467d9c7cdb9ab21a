//! The operator's mall numbers: tiers, check-in rewards, the first-exchange discount, who
//! may redeem and when points expire. Tests may change any of them through `Config::mall`.

use care_contract::mall::{Benefit, TierInfo};
use care_contract::points::CheckInRule;

/// A member tier: every star level from `min_star` up to the next tier's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierConfig {
    pub min_star: u8,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Percent (150 = ×1.5) applied to points from spending.
    pub multiplier_percent: u32,
    pub benefits: &'static [(&'static str, &'static str)],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MallConfig {
    /// Ordered by `min_star`; the first must start at 1.
    pub tiers: Vec<TierConfig>,
    /// Points for the 1st, 2nd, 3rd … consecutive day; the last repeats.
    pub check_in_rewards: Vec<i64>,
    /// Check-in points per calendar month at most.
    pub check_in_month_cap: i64,
    /// Off the points of a customer's first redemption (0 = no discount).
    pub first_exchange_percent_off: u32,
    /// Accounts younger than this many months cannot redeem.
    pub min_account_age_months: u32,
    /// The reminder banner shows points expiring within this many days.
    pub expiry_reminder_days: u32,
    /// Points earned in a year expire on 31 December this many years later.
    pub points_expire_years_after: u32,
}

/// What the operators' material describes.
pub const OPERATOR_TIERS: &[TierConfig] = &[
    TierConfig {
        min_star: 1,
        name_zh: "普通会员",
        name_en: "Member",
        multiplier_percent: 100,
        benefits: &[("积分兑换话费、流量", "Redeem points for credit and data")],
    },
    TierConfig {
        min_star: 4,
        name_zh: "银卡会员",
        name_en: "Silver",
        multiplier_percent: 120,
        benefits: &[
            ("消费积分 1.2 倍", "1.2× points on spending"),
            ("生日礼包", "Birthday gift pack"),
        ],
    },
    TierConfig {
        min_star: 5,
        name_zh: "金卡会员",
        name_en: "Gold",
        multiplier_percent: 150,
        benefits: &[
            ("消费积分 1.5 倍", "1.5× points on spending"),
            ("生日礼包", "Birthday gift pack"),
            ("会员专享商品", "Members-only items"),
            ("营业厅优先办理", "Priority service in stores"),
        ],
    },
    TierConfig {
        min_star: 6,
        name_zh: "钻石会员",
        name_en: "Diamond",
        multiplier_percent: 200,
        benefits: &[
            ("消费积分 2 倍", "2× points on spending"),
            ("生日礼包", "Birthday gift pack"),
            ("会员专享商品", "Members-only items"),
            ("专属客户经理", "A personal account manager"),
            ("机场贵宾厅", "Airport lounge access"),
        ],
    },
];

impl Default for MallConfig {
    fn default() -> Self {
        Self {
            tiers: OPERATOR_TIERS.to_vec(),
            check_in_rewards: vec![5, 10, 15, 20],
            check_in_month_cap: 150,
            first_exchange_percent_off: 20,
            min_account_age_months: 6,
            expiry_reminder_days: 60,
            points_expire_years_after: 1,
        }
    }
}

impl MallConfig {
    pub fn check_in_rule(&self) -> CheckInRule<'_> {
        CheckInRule {
            rewards: &self.check_in_rewards,
            month_cap: self.check_in_month_cap,
        }
    }

    pub fn tier(&self, star_level: u8) -> &TierConfig {
        self.tiers
            .iter()
            .rev()
            .find(|t| t.min_star <= star_level)
            .or_else(|| self.tiers.first())
            .expect("at least one tier")
    }

    pub fn tier_info(&self, star_level: u8) -> TierInfo {
        let tier = self.tier(star_level);
        TierInfo {
            star_level,
            name_zh: tier.name_zh.to_owned(),
            name_en: tier.name_en.to_owned(),
            multiplier_percent: tier.multiplier_percent,
            benefits: tier
                .benefits
                .iter()
                .map(|(zh, en)| Benefit {
                    zh: (*zh).to_owned(),
                    en: (*en).to_owned(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_star_level_has_a_tier() {
        let config = MallConfig::default();
        let names: Vec<&str> = (1..=7).map(|s| config.tier(s).name_en).collect();
        assert_eq!(
            names,
            ["Member", "Member", "Member", "Silver", "Gold", "Diamond", "Diamond"]
        );
        assert_eq!(config.tier_info(5).multiplier_percent, 150);
    }
}
