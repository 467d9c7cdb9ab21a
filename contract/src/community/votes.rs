//! Votes on threads and replies: one per member per post, never on one's own.

use serde::{Deserialize, Serialize};

/// A member's vote.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Vote {
    Up,
    Down,
}

impl Vote {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Vote] = <Vote as strum::VariantArray>::VARIANTS;

    /// The snake_case name used in JSON, query strings and the database.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// What it adds to a score.
    pub const fn value(self) -> i64 {
        match self {
            Vote::Up => 1,
            Vote::Down => -1,
        }
    }
}

/// What a member does with their vote.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum VoteChoice {
    Up,
    Down,
    /// Take the vote back.
    Withdraw,
}

impl VoteChoice {
    /// Every variant, in declaration order.
    pub const ALL: &'static [VoteChoice] = <VoteChoice as strum::VariantArray>::VARIANTS;

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
