//! The home summary's numbers (greeting, moments, points and what expires soon, unread
//! messages) and the quarterly report's (points, tickets, community), counted from what
//! the member did over real HTTP.

mod care_support;
mod common;
mod community_support;
mod feedback_support;

use care_contract::care::{
    ExpiringPoints, GiftClaimed, MessageKind, MonthPoints, PartOfDay, QuarterReport,
};
use care_contract::{ApiError, ErrorCode};
use care_support::*;
use community_support::{decode, key, Member, STAFF, TECH_SUPPORT};
use feedback_support::{accept, open, staff_do};
use serde_json::json;

#[tokio::test]
async fn home_greets_by_the_china_clock_and_shows_points_expiring_soon() {
    let server = care_server_at(china(2026, 12, 1, 10, 0)).await;
    let m = member(&server, Some(d(1988, 12, 1)), d(2015, 3, 10)).await;
    let first = home(&m).await;
    assert_eq!(first.part_of_day, PartOfDay::Morning);
    assert_eq!(first.today, d(2026, 12, 1));
    assert!(first.nickname.starts_with("用户"), "{}", first.nickname);
    assert_eq!(first.moments.len(), 1);
    assert_eq!(first.moments[0].kind, MessageKind::Birthday);
    let id = first.moments[0].message_id.unwrap();
    decode::<GiftClaimed>(claim(&m, id).await, 200).await;
    let claimed = home(&m).await;
    assert_eq!(claimed.points_balance, 200);
    assert_eq!(claimed.moments[0].gift_points, None, "claimed already");
    assert_eq!(claimed.points_expiring, None, "a year away");
    assert_eq!(claimed.unread_messages, 0);

    // Points earned in 2026 expire at the end of 2027: within the reminder window in
    // mid-November. 23:30 in China is night, whatever UTC says.
    set_clock(&server, china(2027, 11, 15, 23, 30));
    let later = home(&m).await;
    assert_eq!(later.part_of_day, PartOfDay::Night);
    assert_eq!(
        later.points_expiring,
        Some(ExpiringPoints {
            points: 200,
            on: d(2027, 12, 31)
        })
    );
    assert_eq!(later.tickets_waiting, 0);
    assert_eq!(later.first_waiting_ticket_id, None);
}

#[tokio::test]
async fn the_new_user_guide_shows_on_home_in_the_first_72_hours() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let m = Member::fresh(&server).await;
    made_at(&server, &m, china(2026, 11, 20, 9, 0));
    let guide = home(&m).await;
    let kinds: Vec<MessageKind> = guide.moments.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [MessageKind::NewUserGuide]);
    set_clock(&server, china(2026, 11, 23, 8, 59));
    assert_eq!(home(&m).await.moments.len(), 1);
    set_clock(&server, china(2026, 11, 23, 9, 0));
    assert!(home(&m).await.moments.is_empty());
    assert_eq!(inbox(&m).await.total, 1, "the guide stays in the inbox");
}

#[tokio::test]
async fn the_quarterly_report_counts_the_members_quarter() {
    let server = care_server_at(china(2026, 5, 20, 10, 0)).await;
    let m = member(&server, Some(d(1990, 5, 20)), d(2015, 3, 10)).await;
    let other = member(&server, None, d(2015, 3, 10)).await;
    let staff = Member::sign_in(&server, STAFF).await;
    // May: the birthday gift (200), a donation of 50, a ticket opened and resolved, a
    // thread with another member's reply and up vote.
    let gift = of_kind(&m, MessageKind::Birthday).await[0].id;
    decode::<GiftClaimed>(claim(&m, gift).await, 200).await;
    let donation = m
        .post(
            "/api/mall/donations",
            json!({ "project_id": 1, "points": 50, "idempotency_key": key() }),
        )
        .await;
    assert_eq!(donation.status(), 201);
    let ticket = open(&m, json!({})).await;
    accept(&staff, ticket.id).await;
    staff_do(
        &staff,
        ticket.id,
        "resolve",
        json!({ "note": "已处理完毕" }),
    )
    .await;
    let t = m
        .new_thread(TECH_SUPPORT, "流量用得特别快", "这个月没怎么用流量却超了。")
        .await;
    other
        .new_reply(t.id, "看看是不是有应用在后台更新。", None)
        .await;
    other.voted("thread", t.id, "up").await;
    m.new_reply(t.id, "谢谢，我去看看。", None).await;

    // 3 July: the second quarter has ended; its report is the default.
    set_clock(&server, china(2026, 7, 3, 9, 0));
    let report: QuarterReport = m.fetch("/api/care/report").await;
    assert_eq!((report.year, report.quarter), (2026, 2));
    assert_eq!(report.points_earned, 200);
    assert_eq!(report.points_spent, 50);
    assert_eq!(report.tickets_opened, 1);
    assert_eq!(report.tickets_resolved, 1);
    assert_eq!(report.threads_started, 1);
    assert_eq!(report.replies_received, 1, "not counting my own reply");
    assert_eq!(report.votes_received, 1);
    assert_eq!(
        report.months,
        [
            MonthPoints {
                month: 4,
                earned: 0,
                spent: 0
            },
            MonthPoints {
                month: 5,
                earned: 200,
                spent: 50
            },
            MonthPoints {
                month: 6,
                earned: 0,
                spent: 0
            },
        ]
    );
    // The first quarter had none of it.
    let q1: QuarterReport = m.fetch("/api/care/report?year=2026&quarter=1").await;
    assert_eq!(
        (q1.points_earned, q1.tickets_opened, q1.threads_started),
        (0, 0, 0)
    );
    // The other member's view of the same quarter: the reply and vote were given, not got.
    let theirs: QuarterReport = other.fetch("/api/care/report").await;
    assert_eq!((theirs.replies_received, theirs.votes_received), (0, 0));
    // The report is announced in the inbox in the first two weeks of July.
    let announced = of_kind(&m, MessageKind::QuarterlyReport).await;
    assert_eq!(
        (announced[0].params.year, announced[0].params.quarter),
        (Some(2026), Some(2))
    );
}

#[tokio::test]
async fn a_quarter_not_over_has_no_report_and_the_years_are_bounded() {
    let server = care_server_at(china(2026, 9, 30, 23, 59)).await;
    let m = member(&server, None, d(2015, 3, 10)).await;
    let e: ApiError = decode(m.get("/api/care/report?year=2026&quarter=3").await, 409).await;
    assert_eq!(e.code, ErrorCode::QuarterNotOver);
    set_clock(&server, china(2026, 10, 1, 0, 0));
    let r: QuarterReport = m.fetch("/api/care/report?year=2026&quarter=3").await;
    assert_eq!(r.quarter, 3);
    let e: ApiError = decode(m.get("/api/care/report?year=1999&quarter=4").await, 400).await;
    assert_eq!(e.code, ErrorCode::BadRequest);
}
