//! Polls inside threads: 2-6 options, a closing day, one vote per member.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A poll in a new thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPoll {
    /// `POLL_MIN_OPTIONS` to `POLL_MAX_OPTIONS` different options.
    pub options: Vec<String>,
    /// The last day votes are taken (China time): today up to `POLL_MAX_OPEN_DAYS` ahead.
    pub closes_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollOption {
    pub id: i64,
    pub label: String,
    pub votes: u64,
}

/// A thread's poll with its results so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Poll {
    /// In the order the author gave them.
    pub options: Vec<PollOption>,
    pub total_votes: u64,
    /// The end of the closing day in China.
    pub closes_at: DateTime<Utc>,
    pub closed: bool,
    /// The option the signed-in member chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_choice: Option<i64>,
    /// The signed-in member may vote now (open, published, not yet voted).
    pub can_vote: bool,
}

/// `POST /api/community/threads/{id}/poll/votes`: once per member; the answer is the poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollVoteRequest {
    #[serde(deserialize_with = "crate::integer::whole")]
    pub option_id: i64,
}
