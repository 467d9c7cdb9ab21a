//! The daily check-in over real HTTP: streaks, a missed day, the monthly cap, a new month.

mod common;
mod mall_support;

use care_contract::mall::{CheckInResult, CheckInStatus};
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
