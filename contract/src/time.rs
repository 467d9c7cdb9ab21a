//! China time: UTC+8 all year (no daylight saving). The operator's day is the date in
//! China, wherever the server or the phone is: check-ins, exchange windows, points expiry
//! and the times on an order all follow it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// China Standard Time, UTC+8, in seconds east of UTC.
pub const CHINA_OFFSET_SECS: i32 = 8 * 60 * 60;

/// UTC+8.
pub fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(CHINA_OFFSET_SECS).expect("UTC+8 is a valid offset")
}

/// The wall-clock time in China at an instant.
pub fn china_time(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&china_offset()).naive_local()
}

/// The date in China at an instant.
pub fn china_date(at: DateTime<Utc>) -> NaiveDate {
    china_time(at).date()
}

/// The instant a China date begins (16:00 UTC the day before).
pub fn china_midnight(day: NaiveDate) -> DateTime<Utc> {
    china_offset()
        .from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
        .single()
        .expect("a fixed offset is never ambiguous")
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_date_in_china_turns_at_16_00_utc() {
        assert_eq!(china_date(utc(2025, 3, 1, 15, 59)), date(2025, 3, 1));
        assert_eq!(china_date(utc(2025, 3, 1, 16, 0)), date(2025, 3, 2));
        // New Year's Eve in UTC is already the new year in China.
        assert_eq!(china_date(utc(2025, 12, 31, 17, 0)), date(2026, 1, 1));
    }

    #[test]
    fn china_midnight_is_16_00_utc_the_day_before() {
        let day = date(2025, 3, 2);
        assert_eq!(china_midnight(day), utc(2025, 3, 1, 16, 0));
        assert_eq!(china_date(china_midnight(day)), day);
    }

    #[test]
    fn the_wall_clock_is_eight_hours_ahead() {
        let at = china_time(utc(2026, 11, 25, 2, 0));
        assert_eq!(at, date(2026, 11, 25).and_hms_opt(10, 0, 0).unwrap());
        assert_eq!(china_offset().local_minus_utc(), 8 * 3600);
    }
}
