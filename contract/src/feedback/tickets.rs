//! Tickets: opening one, the lists, one ticket in full, messages, withdrawal (and its undo),
//! and staff's queue and actions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    ActorRole, ContactMethod, ContactWindow, NextDeadline, Photo, TicketCategory, TicketEventKind,
    TicketKind, TicketRating, TicketStatus,
};

/// `POST /api/feedback/tickets`: exactly once per idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTicketRequest {
    pub kind: TicketKind,
    /// One of `kind`'s categories ([`TicketKind::categories`]).
    pub category: TicketCategory,
    /// `DESCRIPTION_MIN_CHARS..=DESCRIPTION_MAX_CHARS` once trimmed, lines allowed.
    pub description: String,
    /// The subscriber says it is urgent and sensitive; a high-risk category is high risk
    /// anyway.
    #[serde(default)]
    pub high_risk: bool,
    /// Up to `MAX_PHOTOS` photos this subscriber uploaded and has not attached yet.
    #[serde(default, deserialize_with = "crate::integer::whole_vec")]
    pub photo_ids: Vec<i64>,
    /// The mobile number the ticket is about, as typed (a family member's); absent for the
    /// subscriber's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_concerned: Option<String>,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
    /// Made by the app when the form's submit opens; the same key never opens twice.
    pub idempotency_key: String,
}

/// `GET /api/feedback/tickets` and `GET /api/staff/feedback/tickets` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TicketQuery {
    /// Which page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Tickets per page (default `DEFAULT_PER_PAGE`, at most `MAX_PER_PAGE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// A ticket in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketSummary {
    pub id: i64,
    pub kind: TicketKind,
    pub category: TicketCategory,
    pub status: TicketStatus,
    /// Escalated: flagged by the subscriber or a high-risk category.
    pub high_risk: bool,
    /// Reopened by an unhappy rating.
    pub follow_up: bool,
    /// The description's first characters, on one line.
    pub excerpt: String,
    pub created_at: DateTime<Utc>,
    /// The latest change (its last timeline event).
    pub updated_at: DateTime<Utc>,
    /// The staff member holding it (their display name), once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    pub respond_by: DateTime<Utc>,
    /// For a follow-up, the follow-up's own deadline.
    pub resolve_by: DateTime<Utc>,
    /// The deadline it works towards now (none while waiting for the customer or when
    /// finished) and whether it is overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<NextDeadline>,
    /// Still open `appeal_after_days` after it was submitted: the subscriber may appeal
    /// to the regulator.
    pub appeal_notice: bool,
    /// Masked (138****8000).
    pub number_concerned: String,
}

/// A page of tickets: the subscriber's newest first, or staff's queue by next deadline
/// (overdue first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketPage {
    pub tickets: Vec<TicketSummary>,
    pub page: u32,
    pub per_page: u32,
    /// Tickets on all pages.
    pub total: u64,
    /// The server's time, for "due in 3 hours".
    pub now: DateTime<Utc>,
}

/// A message on a ticket: text, photos or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketMessage {
    pub id: i64,
    pub author: ActorRole,
    /// The staff member's display name, for a staff message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default)]
    pub photos: Vec<Photo>,
    pub created_at: DateTime<Utc>,
}

/// An entry of a ticket's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketEvent {
    pub kind: TicketEventKind,
    pub at: DateTime<Utc>,
    pub actor: ActorRole,
    /// The staff member's display name, for staff's events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_name: Option<String>,
    /// Staff's resolution note, the customer's rating comment, a withdrawal's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the viewer may do with the ticket now. The server checks each again when asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketActions {
    /// The subscriber: write a message (the ticket is open).
    pub can_message: bool,
    /// The subscriber: withdraw it (open, not yet resolved).
    pub can_withdraw: bool,
    /// The subscriber: undo their withdrawal (withdrawn less than
    /// `undo::UNDO_WINDOW_MINUTES` ago; `undo_until` says until when).
    #[serde(default)]
    pub can_undo_withdrawal: bool,
    /// The subscriber: rate it (resolved, not yet rated).
    pub can_rate: bool,
    /// Staff: accept it (submitted).
    pub can_accept: bool,
    /// Staff: reply or ask the customer (accepted, in progress or waiting).
    pub can_reply: bool,
    /// Staff: resolve it (accepted or in progress or waiting).
    pub can_resolve: bool,
}

/// One ticket in full: `GET /api/feedback/tickets/{id}` (its subscriber or staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketDetail {
    pub id: i64,
    pub kind: TicketKind,
    pub category: TicketCategory,
    pub status: TicketStatus,
    pub high_risk: bool,
    pub follow_up: bool,
    /// As typed, trimmed.
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<NextDeadline>,
    pub appeal_notice: bool,
    /// Masked (138****8000).
    pub number_concerned: String,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
    /// The photos sent with the ticket.
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// Oldest first.
    #[serde(default)]
    pub messages: Vec<TicketMessage>,
    /// Oldest first.
    pub timeline: Vec<TicketEvent>,
    /// The latest rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<TicketRating>,
    /// When its subscriber withdrew it (a withdrawn ticket; absent for one withdrawn before
    /// the time was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Its subscriber may undo the withdrawal until then (`withdrawn_at` plus
    /// `undo::UNDO_WINDOW_MINUTES`); absent for anyone else, and once it has passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_until: Option<DateTime<Utc>>,
    pub can: TicketActions,
    pub now: DateTime<Utc>,
}

/// A new ticket: 201 when opened now, 200 with `replayed: true` when the key had already
/// opened it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketCreated {
    pub ticket: TicketDetail,
    pub replayed: bool,
}

/// `POST /api/feedback/tickets/{id}/messages`: text, photos or both; exactly once per key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewMessageRequest {
    /// `MESSAGE_MIN_CHARS..=MESSAGE_MAX_CHARS` once trimmed; may be absent when there are
    /// photos (one of the two is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Up to `MAX_PHOTOS` photos this subscriber uploaded and has not attached yet.
    #[serde(default, deserialize_with = "crate::integer::whole_vec")]
    pub photo_ids: Vec<i64>,
    pub idempotency_key: String,
}

/// A posted message: 201 when posted now, 200 with `replayed: true` for the same key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePosted {
    pub message_id: i64,
    pub ticket: TicketDetail,
    pub replayed: bool,
}

/// `POST /api/staff/feedback/tickets/{id}/reply` and `/ask`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMessageRequest {
    pub text: String,
}

/// `POST /api/staff/feedback/tickets/{id}/resolve`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolveRequest {
    /// What was done, `RESOLVE_NOTE_MIN_CHARS..=RESOLVE_NOTE_MAX_CHARS` once trimmed.
    pub note: String,
}

/// Staff's action done: the ticket, and after `resolve` the quick-rating link to send
/// the customer (`/rate/<token>`, shown only here, once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffTicketResult {
    pub ticket: TicketDetail,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_link: Option<String>,
}
