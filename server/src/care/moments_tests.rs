//! The moments' rules, one by one, on pinned China times.

use super::*;
use chrono::TimeZone;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `h:min` on the China clock of a day.
fn china(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    china_midnight(d(y, m, day)) + chrono::Duration::minutes(i64::from(h * 60 + min))
}

/// A subscriber who joined long ago, with this birthday.
fn born(birthday: NaiveDate) -> Profile {
    Profile {
        birthday: Some(birthday),
        joined_on: d(2015, 3, 10),
        created_at: Utc.with_ymd_and_hms(2015, 3, 10, 2, 0, 0).unwrap(),
    }
}

fn kinds(p: &Profile, now: DateTime<Utc>) -> Vec<MessageKind> {
    due_moments(p, now, &CareConfig::default())
        .into_iter()
        .map(|m| m.kind)
        .collect()
}

fn find(p: &Profile, now: DateTime<Utc>, kind: MessageKind) -> Option<DueMoment> {
    due_moments(p, now, &CareConfig::default())
        .into_iter()
        .find(|m| m.kind == kind)
}

#[test]
fn a_leap_day_birthday_is_the_28th_in_a_common_year_and_the_29th_in_a_leap_year() {
    let p = born(d(2000, 2, 29));
    let common = find(&p, china(2025, 2, 28, 9, 0), MessageKind::Birthday).unwrap();
    assert_eq!(common.params.on, Some(d(2025, 2, 28)));
    assert_eq!(common.key, "birthday:2025");
    assert!(find(&p, china(2025, 2, 27, 9, 0), MessageKind::Birthday).is_none());
    let leap = find(&p, china(2028, 2, 29, 9, 0), MessageKind::Birthday).unwrap();
    assert_eq!(leap.params.on, Some(d(2028, 2, 29)));
    // In a leap year the 28th is not yet the birthday.
    assert!(find(&p, china(2028, 2, 28, 9, 0), MessageKind::Birthday).is_none());
}

#[test]
fn the_birthday_begins_at_midnight_china_time_not_utc() {
    let p = born(d(1990, 5, 20));
    assert!(find(&p, china(2026, 5, 19, 23, 59), MessageKind::Birthday).is_none());
    assert!(find(&p, china(2026, 5, 20, 0, 0), MessageKind::Birthday).is_some());
}

#[test]
fn the_birthday_gift_is_claimable_for_seven_days_after_and_once_a_year() {
    let p = born(d(1990, 5, 20));
    let on_day = find(&p, china(2026, 5, 20, 8, 0), MessageKind::Birthday).unwrap();
    let (points, claim_by) = on_day.gift.unwrap();
    assert_eq!(points, 200);
    assert_eq!(
        claim_by,
        china(2026, 5, 28, 0, 0) - chrono::Duration::milliseconds(1)
    );
    let late = find(&p, china(2026, 5, 27, 23, 59), MessageKind::Birthday).unwrap();
    assert_eq!(late.key, on_day.key, "the same gift, delivered once");
    assert!(find(&p, china(2026, 5, 28, 0, 0), MessageKind::Birthday).is_none());
}

#[test]
fn a_birthday_at_the_end_of_december_is_claimable_in_january() {
    let p = born(d(1980, 12, 30));
    let m = find(&p, china(2027, 1, 3, 10, 0), MessageKind::Birthday).unwrap();
    assert_eq!(m.key, "birthday:2026");
    assert_eq!(m.params.on, Some(d(2026, 12, 30)));
}

#[test]
fn no_gift_when_the_operator_sets_none() {
    let cfg = CareConfig {
        birthday_gift_points: 0,
        ..CareConfig::default()
    };
    let m = due_moments(&born(d(1990, 5, 20)), china(2026, 5, 20, 8, 0), &cfg);
    assert_eq!(m[0].kind, MessageKind::Birthday);
    assert_eq!(m[0].gift, None);
}

#[test]
fn the_anniversary_is_on_the_join_day_from_the_first_year() {
    let p = Profile {
        birthday: None,
        joined_on: d(2024, 2, 29),
        created_at: Utc.with_ymd_and_hms(2024, 2, 29, 2, 0, 0).unwrap(),
    };
    // Joining day itself is no anniversary.
    assert!(find(
        &p,
        china(2024, 2, 29, 12, 0),
        MessageKind::NetworkAnniversary
    )
    .is_none());
    let first = find(
        &p,
        china(2025, 2, 28, 12, 0),
        MessageKind::NetworkAnniversary,
    )
    .unwrap();
    assert_eq!(first.params.years, Some(1));
    assert!(find(
        &p,
        china(2025, 2, 27, 12, 0),
        MessageKind::NetworkAnniversary
    )
    .is_none());
    let fourth = find(
        &p,
        china(2028, 2, 29, 0, 0),
        MessageKind::NetworkAnniversary,
    )
    .unwrap();
    assert_eq!(fourth.params.years, Some(4));
    assert_eq!(fourth.key, "anniversary:2028");
}

#[test]
fn spring_festival_and_national_day_double_points_where_configured() {
    let p = born(d(1990, 5, 20));
    let sf = find(&p, china(2026, 2, 17, 9, 0), MessageKind::SpringFestival).unwrap();
    assert_eq!(sf.params.points_multiplier, Some(2));
    let nd = find(&p, china(2026, 10, 1, 9, 0), MessageKind::NationalDay).unwrap();
    assert_eq!(nd.params.points_multiplier, Some(2));
    let ma = find(&p, china(2026, 9, 25, 9, 0), MessageKind::MidAutumn).unwrap();
    assert_eq!(ma.params.points_multiplier, None);
    let cfg = CareConfig {
        double_points_holidays: false,
        ..CareConfig::default()
    };
    let plain = due_moments(&p, china(2026, 2, 17, 9, 0), &cfg);
    assert_eq!(plain[0].params.points_multiplier, None);
}

#[test]
fn points_double_on_the_day_the_holiday_moment_announces_it_and_only_then() {
    let cfg = CareConfig::default();
    assert_eq!(
        double_points_holiday(d(2026, 2, 17), &cfg),
        Some(Holiday::SpringFestival)
    );
    assert_eq!(
        double_points_holiday(d(2026, 10, 1), &cfg),
        Some(Holiday::NationalDay)
    );
    // Mid-Autumn met National Day in 2020: the day still doubles, for National Day.
    assert_eq!(
        double_points_holiday(d(2020, 10, 1), &cfg),
        Some(Holiday::NationalDay)
    );
    for plain in [
        d(2026, 9, 25),
        d(2026, 10, 18),
        d(2026, 2, 16),
        d(2026, 10, 2),
    ] {
        assert_eq!(double_points_holiday(plain, &cfg), None, "{plain}");
    }
    let off = CareConfig {
        double_points_holidays: false,
        ..CareConfig::default()
    };
    assert_eq!(double_points_holiday(d(2026, 10, 1), &off), None);
    assert_eq!(double_points_holiday(d(2026, 2, 17), &off), None);
}

#[test]
fn double_ninth_is_for_subscribers_aged_sixty_and_over() {
    // Double Ninth 2026 is 18 October.
    let sixty = born(d(1966, 10, 18));
    assert!(kinds(&sixty, china(2026, 10, 18, 9, 0)).contains(&MessageKind::DoubleNinth));
    let day_short = born(d(1966, 10, 19));
    assert!(!kinds(&day_short, china(2026, 10, 18, 9, 0)).contains(&MessageKind::DoubleNinth));
    let unknown_age = Profile {
        birthday: None,
        ..sixty
    };
    assert!(!kinds(&unknown_age, china(2026, 10, 18, 9, 0)).contains(&MessageKind::DoubleNinth));
}

#[test]
fn the_new_user_guide_shows_for_72_hours_after_the_account_was_made() {
    let created = Utc.with_ymd_and_hms(2026, 11, 1, 3, 0, 0).unwrap();
    let p = Profile {
        birthday: None,
        joined_on: d(2026, 11, 1),
        created_at: created,
    };
    let hours =
        |h: i64, ms: i64| created + chrono::Duration::hours(h) + chrono::Duration::milliseconds(ms);
    assert!(kinds(&p, created).contains(&MessageKind::NewUserGuide));
    assert!(kinds(&p, hours(72, -1)).contains(&MessageKind::NewUserGuide));
    assert!(!kinds(&p, hours(72, 0)).contains(&MessageKind::NewUserGuide));
}

#[test]
fn the_quarterly_report_is_announced_in_the_first_14_days_after_a_quarter() {
    let p = born(d(1990, 5, 20));
    let first = find(&p, china(2026, 10, 1, 0, 0), MessageKind::QuarterlyReport).unwrap();
    assert_eq!(
        (first.params.year, first.params.quarter),
        (Some(2026), Some(3))
    );
    assert_eq!(first.key, "quarterly_report:2026q3");
    assert!(find(
        &p,
        china(2026, 10, 14, 23, 59),
        MessageKind::QuarterlyReport
    )
    .is_some());
    assert!(find(&p, china(2026, 10, 15, 0, 0), MessageKind::QuarterlyReport).is_none());
    assert!(find(&p, china(2026, 9, 30, 23, 59), MessageKind::QuarterlyReport).is_none());
    let january = find(&p, china(2027, 1, 2, 9, 0), MessageKind::QuarterlyReport).unwrap();
    assert_eq!(
        (january.params.year, january.params.quarter),
        (Some(2026), Some(4))
    );
}

#[test]
fn no_report_for_a_quarter_before_the_subscriber_joined() {
    let p = Profile {
        birthday: None,
        joined_on: d(2026, 10, 2),
        created_at: Utc.with_ymd_and_hms(2026, 10, 2, 2, 0, 0).unwrap(),
    };
    assert!(find(&p, china(2026, 10, 5, 9, 0), MessageKind::QuarterlyReport).is_none());
}

#[test]
fn whole_years_count_on_the_anniversary() {
    assert_eq!(whole_years(d(1966, 10, 18), d(2026, 10, 17)), 59);
    assert_eq!(whole_years(d(1966, 10, 18), d(2026, 10, 18)), 60);
    assert_eq!(whole_years(d(2000, 2, 29), d(2025, 2, 28)), 25);
    assert_eq!(anniversary_in(d(2000, 2, 29), 2025), Some(d(2025, 2, 28)));
    assert_eq!(anniversary_in(d(2000, 3, 1), 2025), Some(d(2025, 3, 1)));
}

#[test]
fn the_day_of_birth_is_a_birthday_and_a_date_before_it_never_is() {
    // Born today (the test hook's newest subscriber): this year's birthday is today.
    let newborn = born(d(2026, 5, 20));
    let m = find(&newborn, china(2026, 5, 20, 9, 0), MessageKind::Birthday).unwrap();
    assert_eq!(m.key, "birthday:2026");
    assert_eq!(m.params.on, Some(d(2026, 5, 20)));
    // A birthday late in this year: last December's "anniversary" came before the birth,
    // so early January has no belated birthday.
    let december = born(d(2026, 12, 30));
    assert_eq!(
        find(&december, china(2026, 1, 3, 9, 0), MessageKind::Birthday),
        None
    );
}

#[test]
fn each_holiday_is_delivered_once_a_year_under_its_own_key() {
    let elder = born(d(1950, 5, 20));
    let keys: Vec<String> = [
        (china(2026, 2, 17, 9, 0), MessageKind::SpringFestival),
        (china(2026, 9, 25, 9, 0), MessageKind::MidAutumn),
        (china(2026, 10, 1, 9, 0), MessageKind::NationalDay),
        (china(2026, 10, 18, 9, 0), MessageKind::DoubleNinth),
        (china(2027, 2, 6, 9, 0), MessageKind::SpringFestival),
    ]
    .into_iter()
    .map(|(at, kind)| find(&elder, at, kind).unwrap().key)
    .collect();
    assert_eq!(
        keys,
        [
            "spring_festival:2026",
            "mid_autumn:2026",
            "national_day:2026",
            "double_ninth:2026",
            "spring_festival:2027"
        ]
    );
}
