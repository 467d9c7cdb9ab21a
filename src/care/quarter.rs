//! Which quarter's report the address asks for, and the quarters around it.

use care_contract::care::{last_full_quarter, REPORT_YEARS};
use chrono::NaiveDate;

/// A year and its quarter (1-4).
pub type Quarter = (i32, u8);

/// The quarter in the address (`?year=2026&quarter=3`), if it names a real one.
pub fn quarter_from_query(year: Option<&str>, quarter: Option<&str>) -> Option<Quarter> {
    let year = year?
        .parse::<i32>()
        .ok()
        .filter(|y| REPORT_YEARS.contains(y))?;
    let quarter = quarter?
        .parse::<u8>()
        .ok()
        .filter(|q| (1..=4).contains(q))?;
    Some((year, quarter))
}

pub fn previous_quarter((year, quarter): Quarter) -> Quarter {
    match quarter {
        1 => (year - 1, 4),
        q => (year, q - 1),
    }
}

pub fn next_quarter((year, quarter): Quarter) -> Quarter {
    match quarter {
        4 => (year + 1, 1),
        q => (year, q + 1),
    }
}

/// The quarter after `shown`, if it has ended by `today` (a report exists only then).
pub fn later_report(shown: Quarter, today: NaiveDate) -> Option<Quarter> {
    let next = next_quarter(shown);
    (next <= last_full_quarter(today)).then_some(next)
}

/// The quarter before `shown`, within the years reports are kept for.
pub fn earlier_report(shown: Quarter) -> Option<Quarter> {
    let previous = previous_quarter(shown);
    REPORT_YEARS.contains(&previous.0).then_some(previous)
}

pub fn report_href((year, quarter): Quarter) -> String {
    format!("/care/report?year={year}&quarter={quarter}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_address_names_a_quarter_or_none() {
        assert_eq!(quarter_from_query(Some("2026"), Some("3")), Some((2026, 3)));
        assert_eq!(quarter_from_query(Some("2026"), Some("5")), None);
        assert_eq!(quarter_from_query(Some("2026"), Some("0")), None);
        assert_eq!(quarter_from_query(Some("1999"), Some("1")), None);
        assert_eq!(quarter_from_query(Some("x"), Some("1")), None);
        assert_eq!(quarter_from_query(None, Some("1")), None);
    }

    #[test]
    fn quarters_cross_the_new_year() {
        assert_eq!(previous_quarter((2026, 1)), (2025, 4));
        assert_eq!(next_quarter((2025, 4)), (2026, 1));
        assert_eq!(next_quarter((2026, 2)), (2026, 3));
    }

    #[test]
    fn only_ended_quarters_are_offered() {
        let today = d(2026, 11, 28);
        assert_eq!(later_report((2026, 2), today), Some((2026, 3)));
        assert_eq!(later_report((2026, 3), today), None);
        assert_eq!(later_report((2025, 4), d(2026, 4, 1)), Some((2026, 1)));
        assert_eq!(earlier_report((2026, 1)), Some((2025, 4)));
        assert_eq!(earlier_report((2000, 1)), None);
    }
}
