//! Dates and times in the user's language, in China time (UTC+8, `care_contract::time`)
//! wherever the phone is: exchange windows open by the operator's clock, and order times
//! match the phone bill and the hotline's records. Hand-formatted: chrono's strftime
//! machinery would add ~20 KB to the bundle.

use care_contract::time::china_time;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::Locale;

/// The phone's clock. chrono's own `Utc::now` panics in the browser without its `wasmbind`
/// feature (and the JS bindings it brings); the page already has `Date.now`.
pub fn now() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Utc::now()
    }
}

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

/// A day within the next few, without its year: 11月28日, 28 Nov (the callback days).
pub fn format_day_month(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{}月{}日", date.month(), date.day()),
        Locale::En => format!("{} {}", date.day(), MONTHS[date.month0() as usize]),
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

/// How long ago something happened, as a forum or a ticket says it: 3 分钟前, 2 days ago.
/// A week or more shows the date instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    /// Under a minute, or in the future (a phone whose clock runs behind the server's).
    JustNow,
    Minutes(i64),
    Hours(i64),
    Days(i64),
    On(NaiveDate),
}

impl Ago {
    pub fn between(at: DateTime<Utc>, now: DateTime<Utc>) -> Ago {
        let elapsed = now - at;
        match elapsed.num_minutes() {
            ..1 => Ago::JustNow,
            minutes @ 1..60 => Ago::Minutes(minutes),
            _ => match elapsed.num_hours() {
                hours @ ..24 => Ago::Hours(hours),
                _ => match elapsed.num_days() {
                    days @ ..7 => Ago::Days(days),
                    _ => Ago::On(china_time(at).date()),
                },
            },
        }
    }

    /// The words, in the shell's texts (the community and feedback both say it).
    pub fn text(self, texts: &super::Texts, locale: Locale) -> String {
        match self {
            Ago::JustNow => texts.ago_just_now.to_owned(),
            Ago::Minutes(n) => texts.ago_minutes(n),
            Ago::Hours(n) => texts.ago_hours(n),
            Ago::Days(n) => texts.ago_days(n),
            Ago::On(date) => format_date(date, locale),
        }
    }
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

    #[test]
    fn ago_counts_whole_minutes_hours_and_days_then_gives_the_date() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
        let before = |seconds: i64| now - chrono::Duration::seconds(seconds);
        assert_eq!(Ago::between(before(59), now), Ago::JustNow);
        assert_eq!(Ago::between(before(-300), now), Ago::JustNow);
        assert_eq!(Ago::between(before(60), now), Ago::Minutes(1));
        assert_eq!(Ago::between(before(3_599), now), Ago::Minutes(59));
        assert_eq!(Ago::between(before(3_600), now), Ago::Hours(1));
        assert_eq!(Ago::between(before(86_399), now), Ago::Hours(23));
        assert_eq!(Ago::between(before(86_400), now), Ago::Days(1));
        assert_eq!(Ago::between(before(7 * 86_400 - 1), now), Ago::Days(6));
        // A week back, in China time: 2026-11-20 12:00 UTC is 20:00 on the 20th there.
        assert_eq!(
            Ago::between(before(7 * 86_400), now),
            Ago::On(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
        );
        let late = Utc.with_ymd_and_hms(2026, 11, 1, 17, 0, 0).unwrap();
        assert_eq!(
            Ago::between(late, now),
            Ago::On(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
        );
    }

    #[test]
    fn ago_in_words_in_both_languages() {
        let (zh, en) = (Locale::ZhCn.texts(), Locale::En.texts());
        assert_eq!(Ago::JustNow.text(zh, Locale::ZhCn), "刚刚");
        assert_eq!(Ago::Minutes(3).text(zh, Locale::ZhCn), "3 分钟前");
        assert_eq!(Ago::Hours(2).text(zh, Locale::ZhCn), "2 小时前");
        assert_eq!(Ago::Days(1).text(zh, Locale::ZhCn), "1 天前");
        assert_eq!(Ago::JustNow.text(en, Locale::En), "just now");
        assert_eq!(Ago::Minutes(1).text(en, Locale::En), "1 minute ago");
        assert_eq!(Ago::Minutes(3).text(en, Locale::En), "3 minutes ago");
        assert_eq!(Ago::Hours(1).text(en, Locale::En), "1 hour ago");
        assert_eq!(Ago::Days(6).text(en, Locale::En), "6 days ago");
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(Ago::On(date).text(en, Locale::En), "1 Mar 2026");
    }
}
