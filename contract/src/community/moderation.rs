//! Reports, the moderation queue, staff actions and the moderation log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, PostRef, PostState};
use crate::names::named_enum;

/// Between the forbidden words in the note of a `held` log entry.
pub const HELD_WORDS_SEPARATOR: &str = "、";

named_enum! {
    /// Why a member reports a post.
    pub enum ReportReason {
        /// Advertising, spam, scams (垃圾广告).
        Spam,
        /// Insults, harassment (辱骂攻击).
        Abuse,
        /// Someone's phone number or other personal data (泄露隐私).
        Privacy,
        /// False or misleading (不实信息).
        Misinformation,
        /// Not about this board (与版块无关).
        OffTopic,
        Other,
    }
}

/// `POST /api/community/reports`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRequest {
    pub post: PostRef,
    pub reason: ReportReason,
    /// What else staff should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A report: 201 when made now, 200 with `already_reported: true` when the member had
/// reported this post before (the first report stands).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportReceipt {
    pub id: i64,
    pub post: PostRef,
    pub reason: ReportReason,
    pub created_at: DateTime<Utc>,
    pub already_reported: bool,
}

named_enum! {
    /// Which posts the queue shows.
    #[derive(Default)]
    pub enum QueueFilter {
        /// Held posts and posts with open reports (the default).
        #[default]
        All,
        Held,
        Reported,
    }
}

/// `GET /api/community/moderation/queue` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct QueueQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<QueueFilter>,
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonCount {
    pub reason: ReportReason,
    pub count: u64,
}

/// A post waiting for staff: held for review, or reported and not yet acted on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub post: PostRef,
    pub thread_id: i64,
    pub thread_title: String,
    pub board_id: i64,
    pub author: Author,
    /// The post's own title (threads only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub body: String,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
    /// The forbidden words that held it.
    #[serde(default)]
    pub matched_words: Vec<String>,
    /// Reports not yet acted on, by reason, most first.
    pub open_reports: u64,
    #[serde(default)]
    pub reasons: Vec<ReasonCount>,
    /// The reporters' words, newest first.
    #[serde(default)]
    pub report_details: Vec<String>,
    /// Since when it waits (held: its time; reported: the first open report's).
    pub waiting_since: DateTime<Utc>,
}

/// The moderation queue, longest waiting first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationQueue {
    pub items: Vec<QueueItem>,
    pub page: u32,
    pub per_page: u32,
    /// Items matching the filter, on all pages.
    pub total: u64,
    /// Whatever the filter: posts held, and posts with open reports.
    pub held: u64,
    pub reported: u64,
}

named_enum! {
    /// What staff do with a thread.
    pub enum ThreadModAction {
        /// A published post: hide it (its open reports are settled).
        Hide,
        /// A hidden post: publish it again.
        Restore,
        /// A held post: publish it.
        Approve,
        /// A held post: refuse it.
        Reject,
        Lock,
        Unlock,
        Pin,
        Unpin,
        /// Settle its open reports without acting on the post.
        Dismiss,
    }
}

named_enum! {
    /// What staff do with a reply.
    pub enum ReplyModAction {
        Hide,
        Restore,
        Approve,
        Reject,
        Dismiss,
    }
}

/// `POST /api/community/moderation/threads/{id}` (staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadModeration {
    pub action: ThreadModAction,
    /// Why, for the log (and for the author, when hiding or rejecting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `POST /api/community/moderation/replies/{id}` (staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyModeration {
    pub action: ReplyModAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

named_enum! {
    /// What the moderation log records.
    pub enum ModerationAction {
        /// A forbidden word held a new or edited post (no actor: the backend did it). The
        /// note is the words it matched, joined by `HELD_WORDS_SEPARATOR`, in no language.
        Held,
        Approved,
        Rejected,
        Hidden,
        Restored,
        Locked,
        Unlocked,
        Pinned,
        Unpinned,
        /// Open reports settled without acting on the post.
        Dismissed,
        /// A suggestion adopted in an idea call (the note says the points).
        Adopted,
        /// Staff chose or cleared a best answer in someone else's thread.
        BestAnswer,
        /// The author deleted their post.
        Deleted,
        /// The author undid their deletion (within `undo::UNDO_WINDOW_MINUTES`): the post
        /// is back in the state it had.
        DeletionUndone,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationLogEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// Who acted; absent when the backend did (`held`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Author>,
    pub action: ModerationAction,
    pub post: PostRef,
    pub thread_id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `GET /api/community/moderation/log` (staff), newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationLogPage {
    pub entries: Vec<ModerationLogEntry>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// `GET /api/community/moderation/log` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LogQuery {
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Entries per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// A post after a staff action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModeratedPost {
    pub post: PostRef,
    pub state: PostState,
    /// Threads only (false for a reply).
    pub locked: bool,
    pub pinned: bool,
    /// Reports still open (0 after hide, reject or dismiss).
    pub open_reports: u64,
    /// What the log now says.
    pub entry: ModerationLogEntry,
}

named_enum! {
    /// The text field a problem is in (`details.field` of `invalid_post`).
    pub enum PostField {
        Title,
        Body,
        /// A poll option, or the number of options.
        PollOption,
        /// A report's detail.
        Detail,
        /// A moderation or adoption note.
        Note,
    }
}
