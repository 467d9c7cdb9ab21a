//! Today's care moments in words (the home page shows them; the care inbox words the same
//! kinds with these headlines): the server sends a kind and its numbers, never prose.

use care_contract::care::{CareParams, MessageKind};

use super::texts::Texts;

/// The parameters of `CareParams` a moment's words need: small and `Copy`, so a reactive
/// text can hold them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MomentParams {
    pub years: Option<u32>,
    pub points_multiplier: Option<u32>,
    pub year: Option<i32>,
    pub quarter: Option<u8>,
}

impl From<&CareParams> for MomentParams {
    fn from(p: &CareParams) -> Self {
        Self {
            years: p.years,
            points_multiplier: p.points_multiplier,
            year: p.year,
            quarter: p.quarter,
        }
    }
}

/// The one-line headline of a moment, or `None` for a kind that is a notice, not a moment
/// (a reply, a ticket step): those are worded by the inbox alone.
pub fn moment_headline(kind: MessageKind, params: &MomentParams, t: &Texts) -> Option<String> {
    use MessageKind::*;
    Some(match kind {
        Birthday => t.moment_birthday.to_owned(),
        NetworkAnniversary => t.moment_anniversary(i64::from(params.years.unwrap_or(1))),
        SpringFestival => t.moment_spring_festival.to_owned(),
        MidAutumn => t.moment_mid_autumn.to_owned(),
        DoubleNinth => t.moment_double_ninth.to_owned(),
        NationalDay => t.moment_national_day.to_owned(),
        NewUserGuide => t.moment_new_user.to_owned(),
        QuarterlyReport => t.moment_report(
            &params.quarter.unwrap_or_default().to_string(),
            &params.year.unwrap_or_default().to_string(),
        ),
        ThreadReplied | AnswerAccepted | IdeaAdopted | TicketAnswered | TicketNeedsInfo
        | TicketResolved => return None,
    })
}

/// The line under a moment's headline: the gift waiting, or the points that count double.
pub fn moment_detail(params: &MomentParams, gift_points: Option<i64>, t: &Texts) -> Option<String> {
    match (gift_points, params.points_multiplier) {
        (Some(points), _) => Some(t.moment_gift(points)),
        (None, Some(n)) if n > 1 => Some(t.moment_points_multiplier(i64::from(n))),
        _ => None,
    }
}

/// Where a moment's button leads: its report, the check-in for double points, otherwise the
/// care inbox, where its message (and any gift to claim) is.
pub fn moment_link(kind: MessageKind, params: &MomentParams) -> String {
    match (kind, params.year, params.quarter) {
        (MessageKind::QuarterlyReport, Some(year), Some(quarter)) => {
            format!("/care/report?year={year}&quarter={quarter}")
        }
        _ if params.points_multiplier.is_some_and(|n| n > 1) => "/mall".to_owned(),
        _ => "/care".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, TextBundle};

    fn params() -> MomentParams {
        MomentParams::default()
    }

    #[test]
    fn every_moment_has_a_headline_in_both_languages_and_notices_have_none() {
        for locale in Locale::ALL {
            let t = Texts::of(locale);
            for kind in MessageKind::ALL.iter().copied() {
                let headline = moment_headline(kind, &params(), t);
                assert_eq!(
                    headline.is_some(),
                    kind.topic() == care_contract::care::Topic::Care,
                    "{kind:?}"
                );
                assert!(headline.is_none_or(|h| !h.is_empty()));
            }
        }
    }

    #[test]
    fn the_anniversary_and_the_report_carry_their_numbers() {
        let zh = Texts::of(Locale::ZhCn);
        let en = Texts::of(Locale::En);
        let three_years = MomentParams {
            years: Some(3),
            ..params()
        };
        let anniversary = MessageKind::NetworkAnniversary;
        assert_eq!(
            moment_headline(anniversary, &three_years, zh).unwrap(),
            "入网 3 周年，感谢一路相伴"
        );
        let one_year = MomentParams {
            years: Some(1),
            ..params()
        };
        assert_eq!(
            moment_headline(anniversary, &one_year, en).unwrap(),
            "1 year with us. Thank you"
        );
        let q3 = MomentParams {
            year: Some(2026),
            quarter: Some(3),
            ..params()
        };
        let report = MessageKind::QuarterlyReport;
        assert_eq!(
            moment_headline(report, &q3, zh).unwrap(),
            "2026 年第 3 季度服务报告出炉了"
        );
        assert_eq!(
            moment_headline(report, &q3, en).unwrap(),
            "Your service report for Q3 2026 is ready"
        );
        assert_eq!(moment_link(report, &q3), "/care/report?year=2026&quarter=3");
    }

    #[test]
    fn a_gift_is_said_before_double_points() {
        let zh = Texts::of(Locale::ZhCn);
        let double = MomentParams {
            points_multiplier: Some(2),
            ..params()
        };
        assert_eq!(
            moment_detail(&params(), Some(200), zh).unwrap(),
            "200 积分生日礼包等您领取"
        );
        assert_eq!(
            moment_detail(&double, None, Texts::of(Locale::En)).unwrap(),
            "Check-in points count 2 times today"
        );
        assert_eq!(moment_detail(&params(), None, zh), None);
        let single = MomentParams {
            points_multiplier: Some(1),
            ..params()
        };
        assert_eq!(moment_detail(&single, None, zh), None);
    }

    #[test]
    fn double_points_lead_to_the_check_in_and_the_rest_to_the_inbox() {
        let double = MomentParams {
            points_multiplier: Some(2),
            ..params()
        };
        assert_eq!(moment_link(MessageKind::NationalDay, &double), "/mall");
        assert_eq!(moment_link(MessageKind::NationalDay, &params()), "/care");
        assert_eq!(moment_link(MessageKind::Birthday, &params()), "/care");
        // A report message without its quarter still leads somewhere useful.
        assert_eq!(
            moment_link(MessageKind::QuarterlyReport, &params()),
            "/care"
        );
    }
}
