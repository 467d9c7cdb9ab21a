//! Care (关怀): the moments that matter to a subscriber (birthday, network anniversary,
//! holidays, the new-user guide, the quarterly report), the care inbox they and the rest
//! of the app's notices arrive in, the subscriber's say over what arrives (topics and a
//! weekly cap), the home page's one summary and the quarterly service report.
//!
//! The server writes no prose: a message is a [`MessageKind`] with [`CareParams`], and the
//! app words it in both languages.

pub mod home;
pub mod inbox;
pub mod preferences;
pub mod report;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::names::named_enum;

pub use home::*;
pub use inbox::*;
pub use preferences::*;
pub use report::*;

named_enum! {
    /// What a care message is about: the subscriber switches each on or off and caps it.
    pub enum Topic {
        /// Moments: birthday, anniversary, holidays, the guide, the quarterly report.
        Care,
        /// Marketing. Off until the subscriber opts in (the privacy centre's marketing
        /// consent is this switch).
        Offers,
        /// Notices about the subscriber's posts (a reply, a best answer, an adopted idea).
        Community,
        /// Notices about the subscriber's tickets.
        Service,
    }
}

named_enum! {
    /// What a message or a moment is; the app has the words for each.
    pub enum MessageKind {
        /// Happy birthday, a points gift pack to claim and the birthday privilege (one day
        /// without suspension for arrears).
        Birthday,
        /// 入网周年: `years` on the network.
        NetworkAnniversary,
        /// 春节 (正月初一); `points_multiplier` when points count double.
        SpringFestival,
        /// 中秋节 (八月十五).
        MidAutumn,
        /// 重阳节 (九月初九), for subscribers aged 60 and over.
        DoubleNinth,
        /// 国庆节 (10-01); `points_multiplier` when points count double.
        NationalDay,
        /// The first 72 hours after joining: how to use the app.
        NewUserGuide,
        /// The report of the quarter just ended (`year`, `quarter`) is ready.
        QuarterlyReport,
        /// Someone replied to the subscriber's thread (`thread_id`, `title`).
        ThreadReplied,
        /// The subscriber's reply was marked the best answer (`thread_id`, `title`).
        AnswerAccepted,
        /// Staff adopted the subscriber's suggestion (`thread_id`, `title`, `points`).
        IdeaAdopted,
        /// Staff answered the subscriber's ticket (`ticket_id`).
        TicketAnswered,
        /// Staff asked the subscriber for information on a ticket (`ticket_id`).
        TicketNeedsInfo,
        /// Staff resolved the subscriber's ticket (`ticket_id`).
        TicketResolved,
    }
}

impl MessageKind {
    /// The topic a kind is delivered under (and switched off by).
    pub fn topic(self) -> Topic {
        use MessageKind::*;
        match self {
            Birthday | NetworkAnniversary | SpringFestival | MidAutumn | DoubleNinth
            | NationalDay | NewUserGuide | QuarterlyReport => Topic::Care,
            ThreadReplied | AnswerAccepted | IdeaAdopted => Topic::Community,
            TicketAnswered | TicketNeedsInfo | TicketResolved => Topic::Service,
        }
    }
}

/// A kind's parameters; each is absent unless its kind says otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareParams {
    /// `birthday`: this year's birthday (a 29 February birthday is 28 February in a
    /// common year), so the app can say "belated" on the days after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    /// `network_anniversary`: whole years on the network (at least 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// `spring_festival`, `national_day`: points earned today count this many times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_multiplier: Option<u32>,
    /// `quarterly_report`: the quarter reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// Community notices: the thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<i64>,
    /// Community notices: the thread's title as its author typed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `idea_adopted`: the points the suggestion earned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    /// Service notices: the ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_care_and_notices_are_community_or_service() {
        assert_eq!(MessageKind::Birthday.topic(), Topic::Care);
        assert_eq!(MessageKind::QuarterlyReport.topic(), Topic::Care);
        assert_eq!(MessageKind::ThreadReplied.topic(), Topic::Community);
        assert_eq!(MessageKind::TicketResolved.topic(), Topic::Service);
        // No kind is marketing: offers come only from an operator's campaign.
        assert!(MessageKind::ALL.iter().all(|k| k.topic() != Topic::Offers));
    }

    #[test]
    fn absent_parameters_are_left_out_of_the_json() {
        let p = CareParams {
            years: Some(3),
            ..Default::default()
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"years":3}"#);
    }
}
