use chrono::{Datelike, NaiveDate};

use crate::i18n::Locale;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2019, 3, 1).unwrap();
        assert_eq!(format_date(date, Locale::ZhCn), "2019年3月1日");
        assert_eq!(format_date(date, Locale::En), "1 Mar 2019");
    }
}
