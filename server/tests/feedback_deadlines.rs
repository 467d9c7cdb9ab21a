//! Deadlines with a pinned clock: answered within 24 hours (2 when high risk), resolved
//! within 48, overdue strictly after, across midnight and month ends; staff's queue by
//! the next deadline; the 15-day appeal notice; the operator's numbers from the test hook.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{DeadlineKind, TicketStatus};
use chrono::Duration;
use community_support::Member;
use feedback_support::*;
use serde_json::json;

#[tokio::test]
async fn a_ticket_opened_before_midnight_is_due_the_next_day_and_overdue_a_second_after() {
    // 23:30 in China on 31 January 2026 (15:30 UTC).
    let opened = utc(2026, 1, 31, 15, 30);
    let server = feedback_server_at(opened).await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = open(&me, json!({})).await;
    assert_eq!(t.respond_by, utc(2026, 2, 1, 15, 30));
    // 31 January + 48 h is 2 February.
    assert_eq!(t.resolve_by, utc(2026, 2, 2, 15, 30));

    set_clock(&server, t.respond_by);
    let now = ticket(&me, t.id).await;
    assert!(!now.next_deadline.unwrap().overdue);
    set_clock(&server, t.respond_by + Duration::seconds(1));
    let late = ticket(&me, t.id).await;
    let next = late.next_deadline.unwrap();
    assert_eq!((next.kind, next.overdue), (DeadlineKind::Respond, true));
    assert!(
        mine(&me, "").await.tickets[0]
            .next_deadline
            .unwrap()
            .overdue
    );

    // Accepted late: the resolution is what counts now.
    let accepted = accept(&staff, t.id).await;
    let next = accepted.next_deadline.unwrap();
    assert_eq!(
        (next.kind, next.due_at, next.overdue),
        (DeadlineKind::Resolve, t.resolve_by, false)
    );
    set_clock(&server, utc(2026, 2, 2, 15, 31));
    assert!(ticket(&me, t.id).await.next_deadline.unwrap().overdue);
}

#[tokio::test]
async fn in_a_leap_year_28_february_plus_48_hours_is_1_march() {
    let server = feedback_server_at(utc(2028, 2, 28, 1, 0)).await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    assert_eq!(t.respond_by, utc(2028, 2, 29, 1, 0));
    assert_eq!(t.resolve_by, utc(2028, 3, 1, 1, 0));
}

#[tokio::test]
async fn a_high_risk_ticket_is_due_in_2_hours_and_the_queue_puts_the_most_urgent_first() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let ordinary = open(&me, json!({})).await;
    let risky = open(&me, json!({ "kind": "complaint", "category": "fraud" })).await;
    assert_eq!(risky.respond_by, t0() + Duration::hours(2));

    let q = queue(&staff, "?per_page=50").await;
    let order: Vec<i64> = q.tickets.iter().map(|t| t.id).collect();
    let pos = |id| order.iter().position(|&x| x == id).unwrap();
    assert!(pos(risky.id) < pos(ordinary.id), "{order:?}");
    // The demo queue: 王秀英's enquiry was submitted 26 hours before the seeding, so its
    // answer is overdue and it comes first.
    assert_eq!(order[0], DEMO_WANG_PLAN);
    assert!(q.tickets[0].next_deadline.unwrap().overdue);
    // Every ticket in the queue is open; the resolved and closed demo ones are not there.
    assert!(q.tickets.iter().all(|t| t.status.is_open()));
    assert!(!order.contains(&DEMO_BILLING) && !order.contains(&DEMO_SUGGESTION));
    // Sorted by the next deadline.
    let dues: Vec<_> = q
        .tickets
        .iter()
        .filter_map(|t| t.next_deadline.map(|n| n.due_at))
        .collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");

    // Waiting for the customer: no deadline, last in the queue.
    accept(&staff, ordinary.id).await;
    staff_do(
        &staff,
        ordinary.id,
        "ask",
        json!({ "text": "请问是哪个小区？" }),
    )
    .await;
    let q = queue(&staff, "?per_page=50").await;
    let last = q.tickets.last().unwrap();
    assert_eq!(
        (last.id, last.status),
        (ordinary.id, TicketStatus::WaitingForCustomer)
    );
    assert_eq!(last.next_deadline, None);
}

#[tokio::test]
async fn the_appeal_notice_shows_from_exactly_15_days_while_unresolved() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let open_one = open(&me, json!({})).await;
    let resolved = open(&me, json!({})).await;
    accept_and_resolve(&staff, resolved.id).await;
    // 30 January + 15 days is 14 February.
    set_clock(&server, utc(2026, 2, 14, 1, 59) + Duration::seconds(59));
    assert!(!ticket(&me, open_one.id).await.appeal_notice);
    set_clock(&server, utc(2026, 2, 14, 2, 0));
    assert!(ticket(&me, open_one.id).await.appeal_notice);
    assert!(mine(&me, "")
        .await
        .tickets
        .iter()
        .any(|t| t.id == open_one.id && t.appeal_notice));
    assert!(!ticket(&me, resolved.id).await.appeal_notice);
}

#[tokio::test]
async fn the_operators_numbers_come_from_the_test_hook() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    set_levels(
        &server,
        json!({ "respond_within_hours": 4, "resolve_within_hours": 8, "appeal_after_days": 1 }),
    )
    .await;
    let t = open(&me, json!({})).await;
    assert_eq!(t.respond_by, t0() + Duration::hours(4));
    assert_eq!(t.resolve_by, t0() + Duration::hours(8));
    set_clock(&server, t0() + Duration::days(1));
    assert!(ticket(&me, t.id).await.appeal_notice);
    // Refused values, and back to the defaults.
    let bad = server
        .client
        .put(server.url("/api/_test/feedback/config"))
        .json(&json!({ "respond_within_hours": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let reset = server
        .client
        .delete(server.url("/api/_test/feedback/config"))
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 204);
    assert_eq!(server.config.feedback.get().levels.respond_within_hours, 24);
}
