//! Mall times are Beijing time, wherever the phone is: exchange windows open by the
//! operator's clock, and order times match the phone bill and the hotline's records.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, Timelike, Utc};

use crate::i18n::Locale;
use crate::me::format_date;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An instant as the wall clock in Beijing (UTC+8, no daylight saving) shows it.
pub fn beijing(at: DateTime<Utc>) -> NaiveDateTime {
    let east8 = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    at.with_timezone(&east8).naive_local()
}

/// A moment in the near future or past, day and time: 11月25日 10:00, 25 Nov 10:00.
pub fn format_moment(at: DateTime<Utc>, locale: Locale) -> String {
    let at = beijing(at);
    match locale {
        Locale::ZhCn => format!(
            "{}月{}日 {:02}:{:02}",
            at.month(),
            at.day(),
            at.hour(),
            at.minute()
        ),
        Locale::En => format!(
            "{} {} {:02}:{:02}",
            at.day(),
            MONTHS[at.month0() as usize],
            at.hour(),
            at.minute()
        ),
    }
}

/// A full date and time: 2025年3月1日 09:05, 1 Mar 2025 09:05.
pub fn format_date_time(at: DateTime<Utc>, locale: Locale) -> String {
    let at = beijing(at);
    // Hand-formatted: chrono's strftime machinery would add ~20 KB to the bundle.
    format!(
        "{} {:02}:{:02}",
        format_date(at.date(), locale),
        at.hour(),
        at.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn moments_are_in_beijing_time() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        assert_eq!(format_moment(at, Locale::ZhCn), "11月25日 10:00");
        assert_eq!(format_moment(at, Locale::En), "25 Nov 10:00");
        let late = Utc.with_ymd_and_hms(2026, 12, 31, 16, 30, 0).unwrap();
        assert_eq!(format_moment(late, Locale::ZhCn), "1月1日 00:30");
    }

    #[test]
    fn full_times_carry_the_date_across_midnight() {
        let at = Utc.with_ymd_and_hms(2025, 2, 28, 17, 5, 0).unwrap();
        assert_eq!(format_date_time(at, Locale::ZhCn), "2025年3月1日 01:05");
        assert_eq!(format_date_time(at, Locale::En), "1 Mar 2025 01:05");
    }
}
