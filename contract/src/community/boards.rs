//! Boards (版块).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a board is for.
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
pub enum BoardKind {
    /// Members start threads and reply.
    Discussion,
    /// Idea calls (创意征集): staff start each call, members reply with suggestions, and a
    /// suggestion staff adopt earns its author points.
    IdeaCall,
}

impl BoardKind {
    /// Every variant, in declaration order.
    pub const ALL: &'static [BoardKind] = <BoardKind as strum::VariantArray>::VARIANTS;

    /// The snake_case name used in JSON, query strings and the database.
    pub fn as_str(self) -> &'static str {
        self.into()
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
