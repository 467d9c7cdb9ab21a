//! `GET /api/home`: everything the home page shows, in one small response (the app's
//! first load is budgeted, so nothing here is a list the page does not draw).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CareParams, MessageKind};
use crate::names::named_enum;

named_enum! {
    /// The part of the day in China, for the greeting (早上好, 中午好…).
    pub enum PartOfDay {
        /// 05:00-10:59.
        Morning,
        /// 11:00-12:59.
        Noon,
        /// 13:00-17:59.
        Afternoon,
        /// 18:00-22:59.
        Evening,
        /// 23:00-04:59.
        Night,
    }
}

impl PartOfDay {
    /// The part of the day at this hour (0-23) of the China clock.
    pub fn at_hour(hour: u32) -> PartOfDay {
        match hour {
            5..=10 => PartOfDay::Morning,
            11..=12 => PartOfDay::Noon,
            13..=17 => PartOfDay::Afternoon,
            18..=22 => PartOfDay::Evening,
            _ => PartOfDay::Night,
        }
    }
}

/// A moment of today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Moment {
    pub kind: MessageKind,
    pub params: CareParams,
    /// The inbox message that delivered it (absent when the subscriber switched care off
    /// or the weekly cap held it back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<i64>,
    /// Points of a gift in that message still to claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_points: Option<i64>,
}

/// Points expiring soon (the mall's reminder rule): how many, and the earliest date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpiringPoints {
    pub points: i64,
    pub on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeSummary {
    pub nickname: String,
    pub part_of_day: PartOfDay,
    /// Today in China.
    pub today: NaiveDate,
    pub moments: Vec<Moment>,
    pub points_balance: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_expiring: Option<ExpiringPoints>,
    /// Tickets waiting for the subscriber's answer, and the oldest of them to open.
    pub tickets_waiting: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_waiting_ticket_id: Option<i64>,
    pub unread_messages: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_greeting_follows_the_china_clock_hour() {
        assert_eq!(PartOfDay::at_hour(4), PartOfDay::Night);
        assert_eq!(PartOfDay::at_hour(5), PartOfDay::Morning);
        assert_eq!(PartOfDay::at_hour(10), PartOfDay::Morning);
        assert_eq!(PartOfDay::at_hour(11), PartOfDay::Noon);
        assert_eq!(PartOfDay::at_hour(13), PartOfDay::Afternoon);
        assert_eq!(PartOfDay::at_hour(18), PartOfDay::Evening);
        assert_eq!(PartOfDay::at_hour(22), PartOfDay::Evening);
        assert_eq!(PartOfDay::at_hour(23), PartOfDay::Night);
        assert_eq!(PartOfDay::at_hour(0), PartOfDay::Night);
    }
}
