//! Votes on threads and replies: one per member per post, never on one's own.

use crate::names::named_enum;
use serde::{Deserialize, Serialize};

named_enum! {
    /// A member's vote.
    pub enum Vote {
        Up,
        Down,
    }
}

impl Vote {
    /// What it adds to a score.
    pub const fn value(self) -> i64 {
        match self {
            Vote::Up => 1,
            Vote::Down => -1,
        }
    }
}

named_enum! {
    /// What a member does with their vote.
    pub enum VoteChoice {
        Up,
        Down,
        /// Take the vote back.
        Withdraw,
    }
}

impl VoteChoice {
    /// The vote it leaves (none after a withdrawal).
    pub const fn vote(self) -> Option<Vote> {
        match self {
            VoteChoice::Up => Some(Vote::Up),
            VoteChoice::Down => Some(Vote::Down),
            VoteChoice::Withdraw => None,
        }
    }
}

/// `PUT /api/community/threads/{id}/vote` and `PUT /api/community/replies/{id}/vote`: set,
/// change or withdraw the member's vote. Sending the same choice again changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRequest {
    pub vote: VoteChoice,
}

/// The post's counts after the vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteResult {
    pub score: i64,
    pub up_votes: u64,
    pub down_votes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_vote: Option<Vote>,
}
