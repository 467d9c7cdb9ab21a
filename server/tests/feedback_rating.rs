//! Rating a resolved ticket: a happy rating closes it, an unhappy one reopens it as a
//! follow-up with its own deadline; the quick-rating link rates once, only its own
//! ticket, and says nothing else.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{
    DeadlineKind, QuickRatingState, QuickRatingStatus, RatingOutcome, RatingSource, TicketDetail,
    TicketEventKind, TicketStatus,
};
use care_contract::ErrorCode;
use chrono::Duration;
use community_support::Member;
use feedback_support::*;
use serde_json::{json, Value};

#[tokio::test]
async fn a_low_rating_reopens_the_ticket_as_a_follow_up_due_in_24_hours() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;
    accept_and_resolve(&staff, id).await;
    let reopened_at = t0() + Duration::hours(30);
    set_clock(&server, reopened_at);
    let t: TicketDetail = decoded(
        rate(
            &me,
            id,
            json!({ "satisfaction": 2, "recommend": 3, "solved": true, "comment": "还是经常掉线" }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(t.status, TicketStatus::InProgress);
    assert!(t.follow_up);
    assert_eq!(t.resolve_by, reopened_at + Duration::hours(24));
    let next = t.next_deadline.unwrap();
    assert_eq!(
        (next.kind, next.due_at, next.overdue),
        (DeadlineKind::Resolve, t.resolve_by, false)
    );
    let rating = t.rating.unwrap();
    assert_eq!(rating.outcome, RatingOutcome::FollowUp);
    assert_eq!(rating.source, RatingSource::App);
    assert_eq!(rating.comment.as_deref(), Some("还是经常掉线"));
    let tail: Vec<_> = t.timeline.iter().rev().take(2).map(|e| e.kind).collect();
    assert_eq!(tail, [TicketEventKind::Reopened, TicketEventKind::Rated]);
    // The holder keeps it, and can resolve it again; then it is rated again.
    assert_eq!(t.holder.as_deref(), Some("客服小翼"));
    set_clock(&server, reopened_at + Duration::hours(25));
    assert!(ticket(&me, id).await.next_deadline.unwrap().overdue);
    resolve(&staff, id).await;
    let closed: TicketDetail = decoded(
        rate(
            &me,
            id,
            json!({ "satisfaction": 4, "recommend": 8, "solved": true }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(closed.status, TicketStatus::Closed);
}

#[tokio::test]
async fn unsolved_reopens_and_a_good_solved_rating_closes() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let a = open(&me, json!({})).await.id;
    let b = open(&me, json!({})).await.id;
    accept_and_resolve(&staff, a).await;
    accept_and_resolve(&staff, b).await;
    let t: TicketDetail = decoded(
        rate(
            &me,
            a,
            json!({ "satisfaction": 5, "recommend": 10, "solved": false }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!((t.status, t.follow_up), (TicketStatus::InProgress, true));
    let t: TicketDetail = decoded(
        rate(
            &me,
            b,
            json!({ "satisfaction": 3, "recommend": 6, "solved": true }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!((t.status, t.follow_up), (TicketStatus::Closed, false));
    assert_eq!(t.rating.unwrap().recommend, Some(6));
}

#[tokio::test]
async fn a_rating_out_of_range_is_refused() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;
    accept_and_resolve(&staff, id).await;
    for (body, field) in [
        (
            json!({ "satisfaction": 0, "recommend": 5, "solved": true }),
            "satisfaction",
        ),
        (
            json!({ "satisfaction": 6, "recommend": 5, "solved": true }),
            "satisfaction",
        ),
        (
            json!({ "satisfaction": 3, "recommend": 11, "solved": true }),
            "recommend",
        ),
        (
            json!({ "satisfaction": 3, "recommend": 5, "solved": true, "comment": "字".repeat(301) }),
            "comment",
        ),
    ] {
        let e = refused_with(rate(&me, id, body).await, 400, ErrorCode::InvalidTicket).await;
        assert_eq!(e.details.unwrap().field.as_deref(), Some(field));
    }
    assert_eq!(ticket(&me, id).await.status, TicketStatus::Resolved);
}

async fn quick(server: &common::TestServer, token: &str) -> reqwest::Response {
    server.get(&format!("/api/rate/{token}")).await
}

async fn quick_rate(server: &common::TestServer, token: &str, body: Value) -> reqwest::Response {
    server.post_json(&format!("/api/rate/{token}"), body).await
}

#[tokio::test]
async fn a_quick_rating_link_rates_once_and_says_only_whether_it_can() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;
    let token = accept_and_resolve(&staff, id).await;

    let r = quick(&server, &token).await;
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({ "status": "open" }), "nothing but the status");

    let done: QuickRatingStatus = decoded(
        quick_rate(&server, &token, json!({ "satisfied": true })).await,
        200,
    )
    .await;
    assert_eq!(done.status, QuickRatingState::AlreadyRated);
    let t = ticket(&me, id).await;
    assert_eq!(t.status, TicketStatus::Closed);
    assert_eq!(t.rating.unwrap().source, RatingSource::QuickLink);

    refused_with(
        quick_rate(&server, &token, json!({ "satisfied": false })).await,
        409,
        ErrorCode::AlreadyRated,
    )
    .await;
    let body: Value = quick(&server, &token).await.json().await.unwrap();
    assert_eq!(body, json!({ "status": "already_rated" }));
    assert_eq!(ticket(&me, id).await.status, TicketStatus::Closed);

    // Unknown or malformed tokens are not found.
    let unknown = "A".repeat(43);
    refused_with(quick(&server, &unknown).await, 404, ErrorCode::NotFound).await;
    refused_with(quick(&server, "short").await, 400, ErrorCode::BadRequest).await;
    refused_with(
        quick(&server, &format!("{}=", &unknown[1..])).await,
        400,
        ErrorCode::BadRequest,
    )
    .await;
    refused_with(
        quick_rate(&server, &unknown, json!({ "satisfied": true })).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
}

#[tokio::test]
async fn a_token_rates_only_its_own_ticket_and_an_unhappy_one_reopens_it() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let a = open(&me, json!({})).await.id;
    let b = open(&me, json!({})).await.id;
    let token_a = accept_and_resolve(&staff, a).await;
    let token_b = accept_and_resolve(&staff, b).await;
    assert_ne!(token_a, token_b);
    decoded::<Value>(
        quick_rate(
            &server,
            &token_a,
            json!({ "satisfied": false, "comment": "没解决" }),
        )
        .await,
        200,
    )
    .await;
    let ta = ticket(&me, a).await;
    assert_eq!((ta.status, ta.follow_up), (TicketStatus::InProgress, true));
    assert_eq!(ta.resolve_by, t0() + Duration::hours(24));
    assert_eq!(ta.rating.unwrap().comment.as_deref(), Some("没解决"));
    // b is untouched, and its own token still rates it.
    assert_eq!(ticket(&me, b).await.status, TicketStatus::Resolved);
    let body: Value = quick(&server, &token_b).await.json().await.unwrap();
    assert_eq!(body["status"], "open");
    // Resolved again, a's old token is spent and the new one rates.
    let token_a2 = resolve(&staff, a).await;
    refused_with(
        quick_rate(&server, &token_a, json!({ "satisfied": true })).await,
        409,
        ErrorCode::AlreadyRated,
    )
    .await;
    decoded::<Value>(
        quick_rate(&server, &token_a2, json!({ "satisfied": true })).await,
        200,
    )
    .await;
    assert_eq!(ticket(&me, a).await.status, TicketStatus::Closed);
}

#[tokio::test]
async fn rating_in_the_app_spends_the_link_and_the_token_is_not_kept_in_the_clear() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;
    let token = accept_and_resolve(&staff, id).await;
    let conn = community_support::db(&server);
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM feedback_rate_tokens WHERE token_sha256 = ?1",
            [&token],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0, "the token itself is not stored");
    // The owner does not see the link; only staff got it.
    let seen = serde_json::to_string(&ticket(&me, id).await).unwrap();
    assert!(!seen.contains(&token));
    decoded::<Value>(
        rate(
            &me,
            id,
            json!({ "satisfaction": 5, "recommend": 9, "solved": true }),
        )
        .await,
        200,
    )
    .await;
    let body: Value = quick(&server, &token).await.json().await.unwrap();
    assert_eq!(body["status"], "already_rated");
}

#[tokio::test]
async fn the_demo_link_rates_the_demo_billing_enquiry() {
    let server = feedback_server().await;
    let body: Value = quick(&server, DEMO_RATE_TOKEN).await.json().await.unwrap();
    assert_eq!(body, json!({ "status": "open" }));
    decoded::<Value>(
        quick_rate(&server, DEMO_RATE_TOKEN, json!({ "satisfied": true })).await,
        200,
    )
    .await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    assert_eq!(
        ticket(&zhang, DEMO_BILLING).await.status,
        TicketStatus::Closed
    );
}
