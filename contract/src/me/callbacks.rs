//! Callback requests: one tap asks a human agent to call back on a day and in a window
//! (China time). At most one request is open at a time; staff see the open ones in the
//! order they are due and mark them done.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::community::{optional_note, TextProblem};
use crate::feedback::ContactWindow;
use crate::names::named_enum;

/// The callback day is today or one of the days after it, in China time: this many days
/// in all (today and the next six).
pub const CALLBACK_DAYS: u64 = 7;
/// A note for the agent, in characters once trimmed.
pub const CALLBACK_NOTE_MAX_CHARS: usize = 100;

/// Whether `day` may be asked for on `today` (China dates).
pub fn callback_day_allowed(day: NaiveDate, today: NaiveDate) -> bool {
    let last = today + Days::new(CALLBACK_DAYS - 1);
    (today..=last).contains(&day)
}

/// The optional note as kept: trimmed, at most `CALLBACK_NOTE_MAX_CHARS`, lines allowed;
/// `None` when absent or blank.
pub fn callback_note(raw: Option<&str>) -> Result<Option<String>, TextProblem> {
    optional_note(raw, CALLBACK_NOTE_MAX_CHARS)
}

/// Staff's order within a day: any time first (it can be called at the first free moment),
/// then morning, afternoon and evening.
pub fn window_rank(window: ContactWindow) -> u8 {
    match window {
        ContactWindow::AnyTime => 0,
        ContactWindow::Morning => 1,
        ContactWindow::Afternoon => 2,
        ContactWindow::Evening => 3,
    }
}

named_enum! {
    /// Where a callback request stands.
    pub enum CallbackStatus {
        /// Waiting for the agent's call.
        Requested,
        /// Staff called and marked it done.
        Called,
        /// The subscriber cancelled it.
        Cancelled,
    }
}

/// `POST /api/me/callbacks`, exactly once per key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCallbackRequest {
    /// Today or one of the next six days, China time.
    pub day: NaiveDate,
    pub window: ContactWindow,
    /// The number to call (a mobile or a fixed line with its area code); the subscriber's
    /// own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// What it is about, for the agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub idempotency_key: String,
}

/// A callback request as its owner and staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Callback {
    pub id: i64,
    pub day: NaiveDate,
    pub window: ContactWindow,
    /// The full number, to dial (only its owner and staff see a request).
    pub phone: String,
    pub phone_masked: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub status: CallbackStatus,
    pub created_at: DateTime<Utc>,
    /// When staff marked it called, or the subscriber cancelled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
}

/// The answer to a request: 201 when made now, 200 when the key had made it (`replayed`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackCreated {
    pub callback: Callback,
    pub replayed: bool,
}

/// `GET /api/me/callbacks`: the subscriber's requests, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackList {
    pub callbacks: Vec<Callback>,
}

/// An open request in staff's list, with whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCallback {
    pub callback: Callback,
    pub subscriber_id: i64,
    pub nickname: String,
}

/// `GET /api/staff/callbacks`: the open requests by day, then window (`window_rank`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCallbackList {
    pub callbacks: Vec<StaffCallback>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_day_is_today_or_within_the_next_six() {
        let today = d(1, 30);
        assert!(callback_day_allowed(today, today));
        assert!(callback_day_allowed(d(2, 5), today));
        assert!(!callback_day_allowed(d(2, 6), today));
        assert!(!callback_day_allowed(d(1, 29), today));
    }

    #[test]
    fn a_note_is_optional_and_short() {
        assert_eq!(callback_note(None), Ok(None));
        assert_eq!(callback_note(Some("  ")), Ok(None));
        assert_eq!(callback_note(Some(" 宽带 ")), Ok(Some("宽带".into())));
        let long = "字".repeat(CALLBACK_NOTE_MAX_CHARS + 1);
        assert_eq!(callback_note(Some(&long)), Err(TextProblem::TooLong));
    }

    #[test]
    fn windows_rank_through_the_day() {
        let mut all = ContactWindow::ALL.to_vec();
        all.sort_by_key(|w| window_rank(*w));
        assert_eq!(all, ContactWindow::ALL);
    }
}
