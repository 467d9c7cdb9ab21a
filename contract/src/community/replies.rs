//! Replies: one level nested (a reply to a reply joins the replies under the first one).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Adoption, Author, PostActions, PostState, Vote};

/// A reply. Under a reply to the thread (`parent_id` absent) come its own replies: the
/// first `CHILD_PREVIEW` in `children`, all of them from
/// `GET /api/community/threads/{thread_id}/replies?parent_id={id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reply {
    pub id: i64,
    pub thread_id: i64,
    /// The reply to the thread this one is nested under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// The reply it answers, when that is a nested one ("回复 @昵称").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_nickname: Option<String>,
    /// Absent in a placeholder (a hidden or deleted reply shown to others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
    /// As the author typed it; absent in a placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
    pub score: i64,
    pub up_votes: u64,
    pub down_votes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_vote: Option<Vote>,
    /// The thread's accepted answer.
    pub is_best: bool,
    /// Adopted in an idea call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Adoption>,
    /// Replies under this one (always 0 for a nested reply).
    pub child_count: u64,
    /// The first of them, oldest first.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<Reply>,
    /// Staff's note on hiding or rejecting it, for its author and staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editable_until: Option<DateTime<Utc>>,
    /// A reply its author deleted: they may undo the deletion until then (its deletion
    /// plus `undo::UNDO_WINDOW_MINUTES`, `POST /api/community/replies/{id}/restore`);
    /// absent for anyone else, and once it has passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_until: Option<DateTime<Utc>>,
    pub can: PostActions,
}

/// A page of replies, oldest first: to a thread, or under a reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyPage {
    pub replies: Vec<Reply>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    pub now: DateTime<Utc>,
}

/// `POST /api/community/threads/{id}/replies`: exactly once per idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateReplyRequest {
    pub body: String,
    /// The reply this answers; absent to answer the thread. A reply to a nested reply is
    /// nested under the same reply to the thread.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::integer::whole_option"
    )]
    pub parent_id: Option<i64>,
    /// Made by the app when the composer's send opens; the same key never posts twice.
    pub idempotency_key: String,
}

/// A new reply: 201 when posted now, 200 with `replayed: true` when the key had already
/// posted it. `reply.state` is `held` when a forbidden word holds it for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyCreated {
    pub reply: Reply,
    pub replayed: bool,
}

/// `PUT /api/community/replies/{id}`: the author's new text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditReplyRequest {
    pub body: String,
}
