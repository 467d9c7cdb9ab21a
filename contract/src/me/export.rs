//! `GET /api/me/export`: everything the backend holds about the subscriber, as one JSON
//! download. Other people appear only as the names the subscriber saw (staff's display
//! names, masked nicknames); their numbers and their data never.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Callback, DeletionRequest};
use crate::community::{PostKind, PostState};
use crate::feedback::TicketDetail;
use crate::mall::{DeliveryAddress, LedgerEntry, Order};
use crate::profile::FamilyContact;
use crate::surveys::SurveyResponse;

/// The download's file name for a China date: `care-data-2026-01-30.json`.
pub fn export_file_name(day: NaiveDate) -> String {
    format!("care-data-{}.json", day.format("%Y-%m-%d"))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataExport {
    pub exported_at: DateTime<Utc>,
    pub profile: ExportedProfile,
    pub family_contacts: Vec<FamilyContact>,
    /// Every points entry, newest first.
    pub points_ledger: Vec<LedgerEntry>,
    /// Every order, newest first.
    pub orders: Vec<Order>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_address: Option<DeliveryAddress>,
    /// Every ticket with its messages and timeline; photos by id.
    pub tickets: Vec<TicketDetail>,
    pub threads: Vec<ExportedThread>,
    pub replies: Vec<ExportedReply>,
    pub votes: Vec<ExportedVote>,
    pub poll_votes: Vec<ExportedPollVote>,
    pub survey_responses: Vec<ExportedSurveyResponse>,
    pub callbacks: Vec<Callback>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_request: Option<DeletionRequest>,
}

/// The account as kept, with the full phone number (it is the subscriber's own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedProfile {
    pub id: i64,
    pub phone: String,
    pub nickname: String,
    pub joined_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<NaiveDate>,
    pub star_level: u8,
    pub value_score: u8,
    pub is_staff: bool,
    pub verified: bool,
    pub in_arrears: bool,
    pub created_at: DateTime<Utc>,
}

/// A thread the subscriber started, whatever its state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedThread {
    pub id: i64,
    pub board_id: i64,
    pub title: String,
    pub body: String,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
}

/// A reply the subscriber wrote, whatever its state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedReply {
    pub id: i64,
    pub thread_id: i64,
    pub body: String,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
}

/// An up (1) or down (-1) vote the subscriber cast on a post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedVote {
    pub post_kind: PostKind,
    pub post_id: i64,
    pub value: i8,
    pub created_at: DateTime<Utc>,
}

/// The option the subscriber chose in a poll.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedPollVote {
    pub thread_id: i64,
    pub option_id: i64,
    pub option_label: String,
}

/// The subscriber's answers to a survey, submitted or in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedSurveyResponse {
    pub survey_id: i64,
    pub response: SurveyResponse,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_day() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 30).unwrap();
        assert_eq!(export_file_name(day), "care-data-2026-01-30.json");
    }
}
