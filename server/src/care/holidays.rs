//! The holidays care marks, on the Gregorian calendar: National Day is fixed (10-01); the
//! Spring Festival (正月初一), Mid-Autumn (八月十五) and Double Ninth (九月初九) follow the
//! Chinese calendar, looked up in `nongli`'s tables (1900-2100), never approximated.

use chrono::{Datelike, NaiveDate};
use nongli::ChineseDate;

/// A holiday care marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    SpringFestival,
    MidAutumn,
    DoubleNinth,
    NationalDay,
}

impl Holiday {
    /// Its short name in a delivery key (`spring_festival:2026`).
    pub fn key(self) -> &'static str {
        match self {
            Holiday::SpringFestival => "spring_festival",
            Holiday::MidAutumn => "mid_autumn",
            Holiday::DoubleNinth => "double_ninth",
            Holiday::NationalDay => "national_day",
        }
    }
}

/// The holidays on `day` (two can meet: Mid-Autumn fell on National Day in 2020). Outside
/// the tables' years only National Day is known.
pub fn holidays_on(day: NaiveDate) -> Vec<Holiday> {
    let mut found = Vec::new();
    if let Some(lunar) = ChineseDate::from_gregorian(&day) {
        // A leap month repeats a month's number; its days are not the festival.
        if !lunar.leap() {
            match (lunar.month(), lunar.day()) {
                (1, 1) => found.push(Holiday::SpringFestival),
                (8, 15) => found.push(Holiday::MidAutumn),
                (9, 9) => found.push(Holiday::DoubleNinth),
                _ => {}
            }
        }
    }
    if day.month() == 10 && day.day() == 1 {
        found.push(Holiday::NationalDay);
    }
    found
}

/// The Gregorian date of a Chinese-calendar day in the Chinese year that starts in
/// Gregorian `year` (`None` outside the tables).
pub fn lunar_day(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    Some(ChineseDate::new(year, month, false, day)?.to_gregorian())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn spring_festival_falls_on_the_published_dates() {
        for (year, date) in [
            (2025, d(2025, 1, 29)),
            (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)),
        ] {
            assert_eq!(lunar_day(year, 1, 1), Some(date));
            assert_eq!(holidays_on(date), [Holiday::SpringFestival]);
        }
        assert!(holidays_on(d(2026, 2, 16)).is_empty(), "New Year's Eve");
    }

    #[test]
    fn mid_autumn_and_double_ninth_fall_on_the_published_dates() {
        assert_eq!(holidays_on(d(2025, 10, 6)), [Holiday::MidAutumn]);
        assert_eq!(holidays_on(d(2026, 9, 25)), [Holiday::MidAutumn]);
        assert_eq!(holidays_on(d(2025, 10, 29)), [Holiday::DoubleNinth]);
        assert_eq!(holidays_on(d(2026, 10, 18)), [Holiday::DoubleNinth]);
        assert!(holidays_on(d(2025, 10, 7)).is_empty());
    }

    #[test]
    fn national_day_is_the_first_of_october_and_can_meet_mid_autumn() {
        assert_eq!(holidays_on(d(2026, 10, 1)), [Holiday::NationalDay]);
        assert_eq!(
            holidays_on(d(2020, 10, 1)),
            [Holiday::MidAutumn, Holiday::NationalDay]
        );
        assert!(holidays_on(d(2026, 10, 2)).is_empty());
    }

    #[test]
    fn outside_the_tables_only_national_day_is_known() {
        assert_eq!(holidays_on(d(2200, 10, 1)), [Holiday::NationalDay]);
        assert_eq!(lunar_day(2200, 1, 1), None);
    }
}
