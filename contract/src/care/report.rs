//! `GET /api/care/report`: my service report (我的服务报告) for one quarter.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReportQuery {
    /// The quarter's year (absent: the last full quarter's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub year: Option<i32>,
    /// 1 to 4 (absent: the last full quarter's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 4))]
    pub quarter: Option<u8>,
}

/// The years a report may be asked for.
pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// One month's points, for the report's small chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthPoints {
    /// 1 to 12.
    pub month: u32,
    pub earned: i64,
    pub spent: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuarterReport {
    pub year: i32,
    pub quarter: u8,
    /// Points earned (every earning, gifts and refunds included).
    pub points_earned: i64,
    /// Points spent on redemptions and donations (expired points are not spent).
    pub points_spent: i64,
    pub tickets_opened: u32,
    pub tickets_resolved: u32,
    pub threads_started: u32,
    /// Replies others wrote in the subscriber's threads.
    pub replies_received: u32,
    /// Up votes others gave the subscriber's threads and replies.
    pub votes_received: u32,
    /// The quarter's three months, in order.
    pub months: Vec<MonthPoints>,
}

/// The quarter (1-4) a date is in.
pub fn quarter_of(day: NaiveDate) -> u8 {
    (day.month0() / 3 + 1) as u8
}

/// The first day of a quarter (`None` for a quarter outside 1-4 or a year chrono lacks).
pub fn quarter_start(year: i32, quarter: u8) -> Option<NaiveDate> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, u32::from(quarter - 1) * 3 + 1, 1)
}

/// The day after a quarter's last day.
pub fn quarter_end_exclusive(year: i32, quarter: u8) -> Option<NaiveDate> {
    quarter_start(year, quarter)?.checked_add_months(Months::new(3))
}

/// The last quarter that has ended by `today`: (year, quarter).
pub fn last_full_quarter(today: NaiveDate) -> (i32, u8) {
    match quarter_of(today) {
        1 => (today.year() - 1, 4),
        q => (today.year(), q - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarters_start_in_january_april_july_and_october() {
        assert_eq!(quarter_of(d(2026, 3, 31)), 1);
        assert_eq!(quarter_of(d(2026, 4, 1)), 2);
        assert_eq!(quarter_of(d(2026, 12, 31)), 4);
        assert_eq!(quarter_start(2026, 3), Some(d(2026, 7, 1)));
        assert_eq!(quarter_end_exclusive(2026, 4), Some(d(2027, 1, 1)));
        assert_eq!(quarter_start(2026, 0), None);
        assert_eq!(quarter_start(2026, 5), None);
    }

    #[test]
    fn the_last_full_quarter_of_january_is_last_years_fourth() {
        assert_eq!(last_full_quarter(d(2026, 1, 5)), (2025, 4));
        assert_eq!(last_full_quarter(d(2026, 4, 1)), (2026, 1));
        assert_eq!(last_full_quarter(d(2026, 11, 28)), (2026, 3));
    }
}
