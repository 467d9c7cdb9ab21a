//! Boards (版块).

use crate::names::named_enum;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

named_enum! {
    /// What a board is for.
    pub enum BoardKind {
        /// Members start threads and reply.
        Discussion,
        /// Idea calls (创意征集): staff start each call, members reply with suggestions, and a
        /// suggestion staff adopt earns its author points.
        IdeaCall,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    pub id: i64,
    /// A stable name (`tech-support`, `ideas`), for links and tests.
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub kind: BoardKind,
    /// Published threads.
    pub thread_count: u64,
    /// The last new thread or reply, absent for an empty board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_activity_at: Option<DateTime<Utc>>,
    /// The signed-in member may start a thread here (false when signed out, and for
    /// members in an idea-call board).
    pub can_post: bool,
}

/// `GET /api/community/boards`: the community's front page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoardList {
    pub boards: Vec<Board>,
    /// Staff only: posts waiting in the moderation queue (held or reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_pending: Option<u64>,
}
