//! The care inbox: `GET /api/care/inbox`, reading and claiming a message's gift.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CareParams, MessageKind, Topic};

/// Messages per inbox page unless `per_page` says otherwise, and the most it may say.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct InboxQuery {
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Messages per page (default `DEFAULT_PER_PAGE`, at most `MAX_PER_PAGE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// A points gift a message carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gift {
    pub points: i64,
    /// The last instant it can be claimed.
    pub claim_by: DateTime<Utc>,
    /// When it was claimed; absent while it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareMessage {
    pub id: i64,
    pub topic: Topic,
    pub kind: MessageKind,
    pub params: CareParams,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<DateTime<Utc>>,
    /// The app's page this message is about (`/community/threads/12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<Gift>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxPage {
    /// Newest first.
    pub messages: Vec<CareMessage>,
    pub page: u32,
    pub per_page: u32,
    /// Messages on all pages.
    pub total: u64,
    /// Unread messages on all pages.
    pub unread: u64,
}

/// `POST /api/care/inbox/read-all`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadAllResult {
    /// Messages this call marked read (those read already are not counted).
    pub marked: u64,
}

/// `POST /api/care/inbox/{id}/claim`: the gift's claim, the same answer every time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiftClaimed {
    pub message_id: i64,
    pub points: i64,
    pub claimed_at: DateTime<Utc>,
    /// The points ledger's earning for it.
    pub ledger_entry_id: i64,
    /// False when an earlier claim had made it (a double tap, a retry).
    pub claimed_now: bool,
}
