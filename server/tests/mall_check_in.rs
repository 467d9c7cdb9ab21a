//! The daily check-in over real HTTP: streaks, a missed day, the monthly cap, a new month,
//! and the double points on Spring Festival and National Day.

mod common;
mod mall_support;

use care_contract::mall::{CheckInResult, CheckInStatus, LedgerEntry, LedgerKind};
use chrono::NaiveDate;
use common::*;
use mall_support::*;
use serde_json::json;

async fn check_in(user: &User) -> CheckInResult {
    decode(user.post("/api/mall/check-in", json!({})).await, 200).await
}

#[tokio::test]
async fn check_in_builds_a_streak_resets_after_a_missed_day_and_stops_at_the_monthly_cap() {
    let server = mall_server().await;
    let user = User::eligible(&server, "15000000001", 3, 0).await;
    let clock = server.config.clock.clone();
    let july = |d: u32| NaiveDate::from_ymd_opt(2025, 7, d).unwrap();
    let mut rewards = Vec::new();
    // July 1-4, skip the 5th, then the 6th to the 16th.
    for d in (1..=4).chain(6..=16) {
        clock.set_china_noon(july(d));
        let r = check_in(&user).await;
        assert!(!r.already_checked_in);
        assert_eq!(r.day, july(d));
        rewards.push((r.streak, r.reward));
        if d == 2 {
            // A second check-in the same day changes nothing and says so.
            let again = check_in(&user).await;
            assert!(again.already_checked_in);
            assert_eq!(again.reward, 10);
            assert_eq!(again.balance, 15);
        }
    }
    assert_eq!(
        rewards,
        vec![
            (1, 5),
            (2, 10),
            (3, 15),
            (4, 20),
            (1, 5), // the 5th was missed
            (2, 10),
            (3, 15),
            (4, 20),
            (5, 20),
            (6, 20),
            (7, 10), // 140 + 20 would pass 150: only 10 fit
            (8, 0),
            (9, 0),
            (10, 0),
            (11, 0),
        ]
    );
    let s = user.summary().await;
    assert_eq!(s.balance, 150);
    assert_eq!(
        s.check_in,
        CheckInStatus {
            checked_in_today: true,
            streak: 11,
            month_total: 150,
            month_cap: 150,
            next_reward: 0
        }
    );
    // A new month: the cap restarts and the streak carries over midnight.
    clock.set_china_noon(july(31));
    let r = check_in(&user).await;
    assert_eq!((r.streak, r.reward), (1, 0), "still July");
    let s = user.summary().await;
    assert_eq!(s.check_in.next_reward, 10, "tomorrow is August, day 2");
    clock.set_china_noon(NaiveDate::from_ymd_opt(2025, 8, 1).unwrap());
    let s = user.summary().await;
    assert_eq!(s.check_in.streak, 1);
    assert!(!s.check_in.checked_in_today);
    assert_eq!(s.check_in.month_total, 0);
    assert_eq!(s.check_in.next_reward, 10);
    let r = check_in(&user).await;
    assert_eq!((r.streak, r.reward), (2, 10));
    assert_eq!(r.month_total, 10);
    assert_eq!(r.balance, 160);
    let ledger = user.ledger("?kind=check_in&per_page=50").await;
    assert_eq!(ledger.total, 12, "no entry for a capped check-in");
}

#[tokio::test]
async fn check_in_needs_a_session() {
    let server = mall_server().await;
    let r = server.post_json("/api/mall/check-in", json!({})).await;
    expect_error(r, 401, "unauthenticated").await;
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The user's ledger entries of one kind, newest first.
async fn entries(user: &User, kind: LedgerKind) -> Vec<LedgerEntry> {
    user.ledger(&format!("?kind={}&per_page=50", kind.as_str()))
        .await
        .entries
}

#[tokio::test]
async fn a_check_in_on_national_day_earns_double_with_a_holiday_double_line_in_the_ledger() {
    let server = mall_server().await;
    let user = User::eligible(&server, "15000000002", 3, 0).await;
    let clock = server.config.clock.clone();
    clock.set_china_noon(day(2026, 10, 1));
    assert_eq!(
        user.summary().await.check_in.next_reward,
        10,
        "the summary promises the doubled first-day 5"
    );

    let r = check_in(&user).await;
    assert!(!r.already_checked_in);
    assert_eq!(
        (r.streak, r.reward),
        (1, 10),
        "5 for the check-in, 5 doubled"
    );
    assert_eq!(
        r.month_total, 5,
        "the monthly cap counts the check-in points only"
    );
    assert_eq!(r.balance, 10);

    let base = entries(&user, LedgerKind::CheckIn).await;
    let double = entries(&user, LedgerKind::HolidayDouble).await;
    assert_eq!(base.len(), 1);
    assert_eq!(double.len(), 1);
    assert_eq!(double[0].points, base[0].points);
    assert_eq!(double[0].date, day(2026, 10, 1));
    assert_eq!(double[0].title_zh, "国庆双倍积分");
    assert_eq!(double[0].title_en, "National Day double points");
    assert_eq!(
        double[0].expires_on, base[0].expires_on,
        "expires with the check-in"
    );
    assert!(double[0].expires_on.is_some());

    // A second check-in the same day answers the same total and writes nothing.
    let again = check_in(&user).await;
    assert!(again.already_checked_in);
    assert_eq!((again.reward, again.balance), (10, 10));
    assert_eq!(entries(&user, LedgerKind::HolidayDouble).await.len(), 1);
    // Tomorrow is an ordinary day: the summary promises the plain day-2 reward.
    assert_eq!(user.summary().await.check_in.next_reward, 10);
}

#[tokio::test]
async fn a_check_in_on_spring_festival_earns_double_and_the_eve_promises_it() {
    let server = mall_server().await;
    let user = User::eligible(&server, "15000000003", 3, 0).await;
    let clock = server.config.clock.clone();
    // New Year's Eve 2026: an ordinary check-in; tomorrow's day 2 (10) will be doubled.
    clock.set_china_noon(day(2026, 2, 16));
    assert_eq!(check_in(&user).await.reward, 5);
    assert_eq!(user.summary().await.check_in.next_reward, 20);
    clock.set_china_noon(day(2026, 2, 17));
    let r = check_in(&user).await;
    assert_eq!((r.streak, r.reward, r.balance), (2, 20, 25));
    let double = entries(&user, LedgerKind::HolidayDouble).await;
    assert_eq!(double.len(), 1);
    assert_eq!(double[0].points, 10);
    assert_eq!(double[0].title_zh, "春节双倍积分");
    assert_eq!(double[0].title_en, "Spring Festival double points");
}

#[tokio::test]
async fn a_check_in_on_an_ordinary_day_earns_no_holiday_double() {
    let server = mall_server().await;
    let user = User::eligible(&server, "15000000004", 3, 0).await;
    server.config.clock.set_china_noon(day(2026, 10, 2));
    assert_eq!(user.summary().await.check_in.next_reward, 5);
    let r = check_in(&user).await;
    assert_eq!((r.reward, r.balance), (5, 5));
    assert!(entries(&user, LedgerKind::HolidayDouble).await.is_empty());
}

#[tokio::test]
async fn without_double_points_holidays_national_day_earns_the_plain_check_in() {
    let server = mall_server_with(|c| c.care.double_points_holidays = false).await;
    let user = User::eligible(&server, "15000000005", 3, 0).await;
    server.config.clock.set_china_noon(day(2026, 10, 1));
    assert_eq!(user.summary().await.check_in.next_reward, 5);
    let r = check_in(&user).await;
    assert_eq!((r.reward, r.balance), (5, 5));
    assert!(entries(&user, LedgerKind::HolidayDouble).await.is_empty());
    assert_eq!(
        check_in(&user).await.reward,
        5,
        "and the repeat says so too"
    );
}

#[tokio::test]
async fn on_a_holiday_only_what_fits_under_the_monthly_cap_is_doubled() {
    let server = mall_server().await;
    let partly = User::eligible(&server, "15000000006", 3, 0).await;
    let full = User::eligible(&server, "15000000007", 3, 0).await;
    // Check-ins on New Year's Eve 2026 that left 10 and 0 of the 150 cap.
    let conn = db(&server);
    for (user, reward) in [(&partly, 140), (&full, 150)] {
        conn.execute(
            "INSERT INTO check_ins (subscriber_id, day, streak, reward) VALUES (?1, '2026-02-16', 4, ?2)",
            rusqlite::params![user.id, reward],
        )
        .unwrap();
    }
    server.config.clock.set_china_noon(day(2026, 2, 17));

    let r = check_in(&partly).await;
    assert_eq!(
        (r.streak, r.reward, r.month_total),
        (5, 20, 150),
        "10 fit, doubled"
    );
    assert_eq!(
        entries(&partly, LedgerKind::HolidayDouble).await[0].points,
        10
    );

    let r = check_in(&full).await;
    assert_eq!((r.reward, r.month_total), (0, 150));
    assert!(
        entries(&full, LedgerKind::HolidayDouble).await.is_empty(),
        "nothing earned, nothing doubled"
    );
}
