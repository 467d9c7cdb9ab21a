//! Rating a resolved ticket (in the app, or with the one-tap quick rating link), and what
//! a rating does: a satisfied one closes the ticket, an unhappy one reopens it as a
//! follow-up with its own deadline.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::names::named_enum;

/// Satisfaction (CSAT) from 1 (very unhappy) to 5 (very happy).
pub const SATISFACTION_MIN: u8 = 1;
pub const SATISFACTION_MAX: u8 = 5;
/// Would recommend (NPS), 0 to 10.
pub const RECOMMEND_MAX: u8 = 10;
/// Characters of a quick-rating token (32 random bytes, URL-safe base64 without padding).
pub const RATE_TOKEN_CHARS: usize = 43;

/// `POST /api/feedback/tickets/{id}/rating`: the ticket's subscriber, once per resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingRequest {
    /// 1 to 5.
    #[serde(deserialize_with = "crate::integer::whole")]
    pub satisfaction: u8,
    /// 0 to 10.
    #[serde(deserialize_with = "crate::integer::whole")]
    pub recommend: u8,
    /// The problem is solved.
    pub solved: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

named_enum! {
    /// What a rating did to its ticket.
    pub enum RatingOutcome {
        /// Satisfied: the ticket is closed.
        Closed,
        /// Unhappy or not solved: the ticket is reopened as a follow-up.
        FollowUp,
    }
}

/// A rating with satisfaction 2 or lower, or saying the problem is not solved, reopens the
/// ticket as a follow-up; any other closes it.
pub fn rating_outcome(satisfaction: u8, solved: bool) -> RatingOutcome {
    if satisfaction <= 2 || !solved {
        RatingOutcome::FollowUp
    } else {
        RatingOutcome::Closed
    }
}

/// A quick rating: satisfied closes, not satisfied reopens.
pub fn quick_rating_outcome(satisfied: bool) -> RatingOutcome {
    if satisfied {
        RatingOutcome::Closed
    } else {
        RatingOutcome::FollowUp
    }
}

/// The satisfaction and recommendation are in range.
pub fn rating_in_range(satisfaction: u8, recommend: u8) -> bool {
    (SATISFACTION_MIN..=SATISFACTION_MAX).contains(&satisfaction) && recommend <= RECOMMEND_MAX
}

named_enum! {
    /// Where a rating came from.
    pub enum RatingSource {
        /// The ticket screen in the app (satisfaction, recommendation, solved).
        App,
        /// The one-tap quick rating link (satisfied or not).
        QuickLink,
    }
}

/// A rating as the ticket shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketRating {
    pub source: RatingSource,
    /// From the app: 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<u8>,
    /// From the app: 0 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommend: Option<u8>,
    /// From the app: the problem is solved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub outcome: RatingOutcome,
    pub rated_at: DateTime<Utc>,
}

named_enum! {
    /// Whether a quick-rating link can still be used.
    pub enum QuickRatingState {
        /// It can rate (once).
        Open,
        /// It rated already, or its ticket was rated or reopened otherwise.
        AlreadyRated,
    }
}

/// `GET /api/rate/{token}` and the answer to `POST`: only whether the link can rate,
/// nothing about the ticket or the subscriber.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuickRatingStatus {
    pub status: QuickRatingState,
}

/// `POST /api/rate/{token}`: "light it up if satisfied, leave a word if not".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuickRatingRequest {
    pub satisfied: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn satisfaction_2_or_lower_or_unsolved_reopens_and_anything_else_closes() {
        for s in SATISFACTION_MIN..=SATISFACTION_MAX {
            let expected_solved = if s <= 2 {
                RatingOutcome::FollowUp
            } else {
                RatingOutcome::Closed
            };
            assert_eq!(rating_outcome(s, true), expected_solved, "{s}");
            assert_eq!(rating_outcome(s, false), RatingOutcome::FollowUp, "{s}");
        }
    }

    #[test]
    fn a_quick_rating_closes_when_satisfied() {
        assert_eq!(quick_rating_outcome(true), RatingOutcome::Closed);
        assert_eq!(quick_rating_outcome(false), RatingOutcome::FollowUp);
    }

    #[test]
    fn satisfaction_is_1_to_5_and_recommend_0_to_10() {
        assert!(rating_in_range(1, 0));
        assert!(rating_in_range(5, 10));
        assert!(!rating_in_range(0, 5));
        assert!(!rating_in_range(6, 5));
        assert!(!rating_in_range(3, 11));
    }
}
