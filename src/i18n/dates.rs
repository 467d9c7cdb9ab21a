//! Dates and times in the user's language, in China time (UTC+8, `care_contract::time`)
//! wherever the phone is: exchange windows open by the operator's clock, and order times
//! match the phone bill and the hotline's records. Hand-formatted: chrono's strftime
//! machinery would add ~20 KB to the bundle.

use care_contract::time::china_time;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::Locale;

/// English month names as dates are written in the app: 1 Mar 2019.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date the way each language writes it: 2019年3月1日, 1 Mar 2019.
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

/// A moment in the near future or past, day and time: 11月25日 10:00, 25 Nov 10:00.
pub fn format_moment(at: DateTime<Utc>, locale: Locale) -> String {
    let at = china_time(at);
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
    let at = china_time(at);
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
    fn writes_dates_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2019, 3, 1).unwrap();
        assert_eq!(format_date(date, Locale::ZhCn), "2019年3月1日");
        assert_eq!(format_date(date, Locale::En), "1 Mar 2019");
        let december = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
        assert_eq!(format_date(december, Locale::En), "31 Dec 2019");
    }

    #[test]
    fn moments_are_in_china_time() {
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
