//! Threads: lists (hot, new, top), one thread with its replies, starting, editing and
//! deleting a thread, and its best answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, Board, NewPoll, Poll, PostActions, PostState, Reply, Vote};
use crate::names::named_enum;

named_enum! {
    /// The order of a thread list.
    #[derive(Default)]
    pub enum ThreadSort {
        /// Votes decaying with age (the default): `log10(max(1, 3 + score)) / (hours + 2)^1.8`.
        #[default]
        Hot,
        /// Newest first.
        New,
        /// Highest score first.
        Top,
    }
}

/// `GET /api/community/threads` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ThreadQuery {
    /// Only this board (the answer then carries the board); without it, every board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ThreadSort>,
    /// Only the signed-in member's own threads, held, hidden and rejected ones included
    /// (signed out: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mine: Option<bool>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Threads per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// A thread in a list. Pinned threads come first in a board's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    pub id: i64,
    pub board_id: i64,
    pub title: String,
    /// The body's first characters as typed (markup included), on one line.
    pub excerpt: String,
    pub author: Author,
    /// Other than `published` only in the member's own threads (`held`: awaiting review).
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    /// Set when the author edited it ("edited").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
    /// The thread or its latest published reply.
    pub last_activity_at: DateTime<Utc>,
    /// Up votes less down votes.
    pub score: i64,
    /// The signed-in member's vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_vote: Option<Vote>,
    /// Published replies, nested ones included.
    pub reply_count: u64,
    /// A best answer is chosen (已解决).
    pub solved: bool,
    pub pinned: bool,
    /// Takes no more replies.
    pub locked: bool,
    pub has_poll: bool,
}

/// A page of threads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadPage {
    pub threads: Vec<ThreadSummary>,
    pub page: u32,
    pub per_page: u32,
    /// Threads matching, on all pages.
    pub total: u64,
    /// The board asked for with `board_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<Board>,
    /// The server's time, for relative times ("3 分钟前").
    pub now: DateTime<Utc>,
}

/// One thread in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadDetail {
    pub id: i64,
    pub board_id: i64,
    pub title: String,
    /// As the author typed it (a small Markdown subset the app renders).
    pub body: String,
    pub author: Author,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
    pub last_activity_at: DateTime<Utc>,
    pub score: i64,
    pub up_votes: u64,
    pub down_votes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_vote: Option<Vote>,
    pub reply_count: u64,
    /// The accepted answer (solved when set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_reply_id: Option<i64>,
    pub pinned: bool,
    pub locked: bool,
    pub has_poll: bool,
    /// Staff's note on hiding or rejecting it, for its author and staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_note: Option<String>,
    /// Its author may edit or delete it until then (absent for anyone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editable_until: Option<DateTime<Utc>>,
    pub can: PostActions,
}

/// `GET /api/community/threads/{id}`: everything the thread screen shows, in one call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadView {
    pub thread: ThreadDetail,
    pub board: Board,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<Poll>,
    /// The accepted answer, to pin on top (it also stays in its place among the replies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_answer: Option<Reply>,
    /// A page of the replies to the thread, oldest first, each with its first replies.
    pub replies: Vec<Reply>,
    pub page: u32,
    pub per_page: u32,
    /// Replies to the thread (not counting nested ones) on all pages.
    pub total: u64,
    pub now: DateTime<Utc>,
}

/// `GET /api/community/threads/{id}` query: which page of its replies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReplyQuery {
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Replies per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// `GET /api/community/threads/{id}/replies` query: a page of the replies to the thread,
/// or of those nested under one of them ("show more").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReplyListQuery {
    /// The replies nested under this reply to the thread (none are nested under a nested
    /// reply); without it, the replies to the thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Replies per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// `POST /api/community/threads`: exactly once per idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateThreadRequest {
    #[serde(deserialize_with = "crate::integer::whole")]
    pub board_id: i64,
    pub title: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<NewPoll>,
    /// Made by the app when the composer's send opens; the same key never posts twice.
    pub idempotency_key: String,
}

/// A new thread: 201 when posted now, 200 with `replayed: true` when the key had already
/// posted it. `thread.state` is `held` when a forbidden word holds it for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadCreated {
    pub thread: ThreadDetail,
    pub replayed: bool,
}

/// `PUT /api/community/threads/{id}`: the author's new title and body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditThreadRequest {
    pub title: String,
    pub body: String,
}

/// `PUT /api/community/threads/{id}/best-answer`: the asker (or staff) chooses the accepted
/// answer, or clears it with `null`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BestAnswerRequest {
    /// A published reply in this thread; `null` clears the choice.
    #[serde(default, deserialize_with = "crate::integer::whole_option")]
    pub reply_id: Option<i64>,
}
