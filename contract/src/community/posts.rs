//! Posts (threads and replies): who wrote them, which one, where they stand, and what the
//! signed-in member may do with them.

use chrono::{DateTime, Utc};

use crate::names::named_enum;
use serde::{Deserialize, Serialize};

/// A post's author: the nickname, the phone masked (138****8000, never in full), the
/// member tier and the official badge for operator staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Author {
    pub id: i64,
    pub nickname: String,
    pub phone_masked: String,
    /// Operator star level, 1 to 7.
    pub star_level: u8,
    /// The member tier of that star level (普通会员, 银卡会员, ...).
    pub tier_name_zh: String,
    pub tier_name_en: String,
    /// Operator staff: shown with the official badge (官方).
    pub is_staff: bool,
}

named_enum! {
    /// A thread or a reply.
    pub enum PostKind {
        Thread,
        Reply,
    }
}

/// Which post: `{"kind": "reply", "id": 42}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostRef {
    pub kind: PostKind,
    #[serde(deserialize_with = "crate::integer::whole")]
    pub id: i64,
}

/// `DELETE /api/community/threads/{id}` and `DELETE /api/community/replies/{id}`: the post
/// is deleted, and its author may undo that until `undo_until`
/// (`POST /api/community/{threads|replies}/{id}/restore`). A deleted thread is not found
/// afterwards, even by its author, so the app keeps this answer to offer the undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostDeleted {
    pub post: PostRef,
    pub deleted_at: DateTime<Utc>,
    /// `deleted_at` plus `undo::UNDO_WINDOW_MINUTES`.
    pub undo_until: DateTime<Utc>,
}

named_enum! {
    /// Where a post stands.
    pub enum PostState {
        /// Everyone sees it.
        Published,
        /// A forbidden word held it for review: only its author ("awaiting review", 待审核)
        /// and staff see it, until staff approve or reject it.
        Held,
        /// Staff hid it: its author and staff see it (with the note); to others a hidden reply
        /// is a placeholder and a hidden thread is not found.
        Hidden,
        /// Held, then refused by staff: only its author and staff see it.
        Rejected,
        /// Its author deleted it: a reply shows as a placeholder, a thread is not found.
        Deleted,
    }
}

/// What the signed-in member may do with a post now (all false when signed out). The
/// server checks each again when asked; these only spare the app from guessing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostActions {
    /// Reply to it (a published thread that is not locked).
    pub reply: bool,
    /// Edit or delete it: their own post, within the edit window (`editable_until`).
    pub edit: bool,
    pub delete: bool,
    /// Vote on it: a published post of someone else.
    pub vote: bool,
    /// Report it: a published post of someone else.
    pub report: bool,
    /// A thread: choose its best answer (the asker and staff). A reply: be chosen as it.
    pub mark_best: bool,
    /// Staff: hide, restore, lock, pin, approve or reject it.
    pub moderate: bool,
    /// Staff, a reply in an idea call not yet adopted: adopt it.
    pub adopt: bool,
}
