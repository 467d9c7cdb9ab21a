//! The privacy centre: what the backend keeps and why (named categories the app words),
//! how long, and the subscriber's request to delete their account and data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::names::named_enum;

named_enum! {
    /// A kind of data the backend keeps about a subscriber.
    pub enum DataCategory {
        /// Phone number, nickname, join date, birthday, star level and value score.
        Account,
        /// Family contacts' names and numbers.
        FamilyContacts,
        /// Points earned and spent, check-ins.
        Points,
        /// Mall orders, donations and the delivery address.
        Orders,
        /// Feedback tickets, their messages, photos and ratings.
        Feedback,
        /// Community threads, replies and votes.
        Community,
        /// Survey answers.
        Surveys,
        /// Callback requests.
        Callbacks,
        /// Sign-in sessions.
        Sessions,
    }
}

named_enum! {
    /// Why a kind of data is kept, a key the app words.
    pub enum DataPurpose {
        /// To sign in and to know whom we serve (birthday and anniversary care, tiers).
        ServeTheAccount,
        /// One-tap calls to the subscriber's family.
        CallFamily,
        /// The points balance and its history.
        KeepThePointsRecord,
        /// Delivering what was redeemed and answering questions about it.
        DeliverOrders,
        /// Handling and following up the subscriber's issues.
        HandleFeedback,
        /// Showing what the subscriber posted to other members.
        ShowPosts,
        /// Improving the service from answers.
        ImproveTheService,
        /// Calling the subscriber back.
        CallBack,
        /// Keeping the subscriber signed in, safely.
        KeepSignedIn,
    }
}

/// Each category, why it is kept and for how many months after it was last needed
/// (`None`: while the account exists). The one table the privacy page shows.
pub const KEPT_DATA: [(DataCategory, DataPurpose, Option<u32>); 9] = [
    (DataCategory::Account, DataPurpose::ServeTheAccount, None),
    (DataCategory::FamilyContacts, DataPurpose::CallFamily, None),
    (
        DataCategory::Points,
        DataPurpose::KeepThePointsRecord,
        Some(24),
    ),
    (DataCategory::Orders, DataPurpose::DeliverOrders, Some(36)),
    (
        DataCategory::Feedback,
        DataPurpose::HandleFeedback,
        Some(24),
    ),
    (DataCategory::Community, DataPurpose::ShowPosts, None),
    (
        DataCategory::Surveys,
        DataPurpose::ImproveTheService,
        Some(12),
    ),
    (DataCategory::Callbacks, DataPurpose::CallBack, Some(6)),
    (DataCategory::Sessions, DataPurpose::KeepSignedIn, Some(1)),
];

/// One line of the privacy page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptData {
    pub category: DataCategory,
    pub purpose: DataPurpose,
    /// Months it is kept after it was last needed; absent: while the account exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u32>,
}

/// The table as the API sends it.
pub fn kept_data() -> Vec<KeptData> {
    KEPT_DATA
        .iter()
        .map(|&(category, purpose, retention_months)| KeptData {
            category,
            purpose,
            retention_months,
        })
        .collect()
}

/// How many digits of the phone number confirm a deletion request.
pub const CONFIRM_DIGITS: usize = 4;

/// Whether `typed` is exactly the last four digits of `phone`.
pub fn confirms_deletion(typed: &str, phone: &str) -> bool {
    typed.len() == CONFIRM_DIGITS
        && typed.bytes().all(|b| b.is_ascii_digit())
        && phone.ends_with(typed)
}

/// `POST /api/me/deletion-request`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionRequestBody {
    /// The last four digits of the subscriber's phone number, to confirm.
    pub confirm_last_four: String,
}

/// A pending request to delete the account and its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionRequest {
    pub requested_at: DateTime<Utc>,
}

/// The answer to a deletion request: 201 when recorded now, 200 with the pending one
/// (`already_pending`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionRecorded {
    pub request: DeletionRequest,
    pub already_pending: bool,
}

/// `GET /api/me/privacy`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyOverview {
    pub kept: Vec<KeptData>,
    /// The pending deletion request, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_request: Option<DeletionRequest>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_is_said_once() {
        let listed: Vec<_> = KEPT_DATA.iter().map(|k| k.0).collect();
        assert_eq!(listed, DataCategory::ALL);
    }

    #[test]
    fn only_the_last_four_digits_confirm() {
        assert!(confirms_deletion("8000", "13800138000"));
        assert!(!confirms_deletion("0138", "13800138000"));
        assert!(!confirms_deletion("38000", "13800138000"));
        assert!(!confirms_deletion("800", "13800138000"));
        assert!(!confirms_deletion("", "13800138000"));
        assert!(!confirms_deletion("８０００", "13800138000"));
    }
}
