//! `GET /api/me/tier`: star levels 1-7 from the value (LTV) score 0-100. The strategy
//! report bands customers by score (>=90 / 70-89 / 50-69 / <50) and the operator uses star
//! levels 1-7; [`LEVELS`] is the one table that lays the seven levels onto the four bands,
//! with each level's lowest score and benefits.

use serde::{Deserialize, Serialize};

use crate::names::named_enum;

/// The highest value score.
pub const SCORE_MAX: u8 = 100;
/// A new subscriber's score until the first quarterly recomputation: the lowest band,
/// star level 1 (nothing is known of their value yet).
pub const NEW_SUBSCRIBER_SCORE: u8 = 40;

named_enum! {
    /// The strategy report's LTV band.
    pub enum ValueBand {
        /// Score 90 and above.
        Top,
        /// 70-89.
        High,
        /// 50-69.
        Middle,
        /// Below 50.
        Low,
    }
}

named_enum! {
    /// A benefit of a level, a key the app words in each language.
    pub enum TierBenefit {
        /// Points for credit and data.
        PointsRedemption,
        /// A birthday greeting and points gift pack.
        BirthdayGiftPack,
        /// A birthday privilege: one day without suspension for arrears.
        BirthdayPrivilege,
        /// Items only higher levels may redeem.
        TierOnlyItems,
        /// Served first in stores and on the hotline.
        PriorityService,
        /// A dedicated account manager.
        DedicatedManager,
        /// Year-end benefits for the best customers.
        YearEndGift,
    }
}

/// One star level: the lowest score that reaches it, its band and its benefits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelRule {
    pub star_level: u8,
    pub min_score: u8,
    pub band: ValueBand,
    pub benefits: &'static [TierBenefit],
}

use TierBenefit::*;

/// The seven levels, lowest first: two levels in each band above the lowest, whose upper
/// level starts halfway through the band (the top band's at 95).
pub const LEVELS: [LevelRule; 7] = [
    LevelRule {
        star_level: 1,
        min_score: 0,
        band: ValueBand::Low,
        benefits: &[PointsRedemption],
    },
    LevelRule {
        star_level: 2,
        min_score: 50,
        band: ValueBand::Middle,
        benefits: &[PointsRedemption, BirthdayGiftPack],
    },
    LevelRule {
        star_level: 3,
        min_score: 60,
        band: ValueBand::Middle,
        benefits: &[PointsRedemption, BirthdayGiftPack, BirthdayPrivilege],
    },
    LevelRule {
        star_level: 4,
        min_score: 70,
        band: ValueBand::High,
        benefits: &[
            PointsRedemption,
            BirthdayGiftPack,
            BirthdayPrivilege,
            TierOnlyItems,
        ],
    },
    LevelRule {
        star_level: 5,
        min_score: 80,
        band: ValueBand::High,
        benefits: &[
            PointsRedemption,
            BirthdayGiftPack,
            BirthdayPrivilege,
            TierOnlyItems,
            PriorityService,
        ],
    },
    LevelRule {
        star_level: 6,
        min_score: 90,
        band: ValueBand::Top,
        benefits: &[
            PointsRedemption,
            BirthdayGiftPack,
            BirthdayPrivilege,
            TierOnlyItems,
            PriorityService,
            DedicatedManager,
        ],
    },
    LevelRule {
        star_level: 7,
        min_score: 95,
        band: ValueBand::Top,
        benefits: &[
            PointsRedemption,
            BirthdayGiftPack,
            BirthdayPrivilege,
            TierOnlyItems,
            PriorityService,
            DedicatedManager,
            YearEndGift,
        ],
    },
];

/// The level a score reaches (scores above `SCORE_MAX` count as `SCORE_MAX`).
pub fn level_for_score(score: u8) -> &'static LevelRule {
    LEVELS
        .iter()
        .rev()
        .find(|l| score >= l.min_score)
        .unwrap_or(&LEVELS[0])
}

/// The star level a score reaches.
pub fn star_for_score(score: u8) -> u8 {
    level_for_score(score).star_level
}

/// A score's LTV band.
pub fn band_for_score(score: u8) -> ValueBand {
    level_for_score(score).band
}

/// A star level's rule (levels outside 1-7 are clamped into it).
pub fn level(star_level: u8) -> &'static LevelRule {
    let i = usize::from(star_level.clamp(1, 7)) - 1;
    &LEVELS[i]
}

/// The level above `star_level` and the score still missing to reach it (`None` at 7).
pub fn next_level(star_level: u8, score: u8) -> Option<NextLevel> {
    let next = LEVELS.iter().find(|l| l.star_level > star_level)?;
    Some(NextLevel {
        star_level: next.star_level,
        min_score: next.min_score,
        score_to_go: next.min_score.saturating_sub(score),
    })
}

/// `GET /api/me/tier`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierStatus {
    /// The operator's star level (what the mall's tier-only items follow). It is
    /// recomputed from the score each quarter, so the score may already be past the next
    /// level's `min_score` until then.
    pub star_level: u8,
    /// The subscriber's value score, 0-100.
    pub value_score: u8,
    /// The score's LTV band.
    pub band: ValueBand,
    /// The subscriber's benefits (their level's).
    pub benefits: Vec<TierBenefit>,
    /// The level above and what it takes; absent at level 7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<NextLevel>,
    /// Every level, lowest first, for the ladder the app draws.
    pub levels: Vec<TierLevel>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextLevel {
    pub star_level: u8,
    /// The lowest score of that level.
    pub min_score: u8,
    /// Score still missing (0 when reached and waiting for the quarterly recomputation).
    pub score_to_go: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierLevel {
    pub star_level: u8,
    pub min_score: u8,
    pub band: ValueBand,
    pub benefits: Vec<TierBenefit>,
}

impl From<&LevelRule> for TierLevel {
    fn from(l: &LevelRule) -> Self {
        Self {
            star_level: l.star_level,
            min_score: l.min_score,
            band: l.band,
            benefits: l.benefits.to_vec(),
        }
    }
}

/// The whole answer for a subscriber with this star level and score.
pub fn tier_status(star_level: u8, value_score: u8) -> TierStatus {
    let score = value_score.min(SCORE_MAX);
    TierStatus {
        star_level,
        value_score: score,
        band: band_for_score(score),
        benefits: level(star_level).benefits.to_vec(),
        next: next_level(star_level, score),
        levels: LEVELS.iter().map(TierLevel::from).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_band_edge_maps_to_its_band_and_level() {
        for (score, star, band) in [
            (0, 1, ValueBand::Low),
            (49, 1, ValueBand::Low),
            (50, 2, ValueBand::Middle),
            (59, 2, ValueBand::Middle),
            (60, 3, ValueBand::Middle),
            (69, 3, ValueBand::Middle),
            (70, 4, ValueBand::High),
            (79, 4, ValueBand::High),
            (80, 5, ValueBand::High),
            (89, 5, ValueBand::High),
            (90, 6, ValueBand::Top),
            (94, 6, ValueBand::Top),
            (95, 7, ValueBand::Top),
            (100, 7, ValueBand::Top),
        ] {
            assert_eq!(star_for_score(score), star, "{score}");
            assert_eq!(band_for_score(score), band, "{score}");
        }
    }

    #[test]
    fn levels_rise_in_score_and_benefits_are_kept_going_up() {
        for pair in LEVELS.windows(2) {
            assert_eq!(pair[1].star_level, pair[0].star_level + 1);
            assert!(pair[1].min_score > pair[0].min_score);
            for b in pair[0].benefits {
                assert!(
                    pair[1].benefits.contains(b),
                    "{b:?} lost at {}",
                    pair[1].star_level
                );
            }
        }
        assert_eq!(LEVELS[0].min_score, 0);
    }

    #[test]
    fn a_new_subscriber_starts_at_level_one() {
        assert_eq!(star_for_score(NEW_SUBSCRIBER_SCORE), 1);
    }

    #[test]
    fn the_next_level_says_what_is_missing_and_the_top_has_none() {
        let next = next_level(5, 84).unwrap();
        assert_eq!(
            (next.star_level, next.min_score, next.score_to_go),
            (6, 90, 6)
        );
        assert_eq!(next_level(5, 92).unwrap().score_to_go, 0);
        assert_eq!(next_level(7, 99), None);
    }

    #[test]
    fn the_status_carries_the_levels_benefits_and_clamps_the_score() {
        let s = tier_status(6, 120);
        assert_eq!(s.value_score, 100);
        assert!(s.benefits.contains(&TierBenefit::DedicatedManager));
        assert!(!s.benefits.contains(&TierBenefit::YearEndGift));
        assert_eq!(s.levels.len(), 7);
    }
}
