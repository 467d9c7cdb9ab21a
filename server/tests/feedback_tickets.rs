//! Opening tickets: what a new ticket says, exactly once per key, the subscriber's list,
//! who may see a ticket, and the checks on what is sent.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{
    ContactMethod, DeadlineKind, TicketCreated, TicketEventKind, TicketKind, TicketStatus,
};
use care_contract::ErrorCode;
use chrono::Duration;
use community_support::{key, Member};
use feedback_support::*;
use serde_json::json;

#[tokio::test]
async fn a_new_ticket_is_submitted_with_its_deadlines_and_masked_number() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({ "number_concerned": "+86 137-0013-7000" })).await;
    assert_eq!(t.status, TicketStatus::Submitted);
    assert_eq!(t.kind, TicketKind::FaultReport);
    assert_eq!(t.number_concerned, "137****7000");
    assert_eq!(t.contact_method, ContactMethod::PhoneCall);
    assert!(!t.high_risk && !t.follow_up);
    assert_eq!(t.created_at, t0());
    assert_eq!(t.respond_by, t0() + Duration::hours(24));
    assert_eq!(t.resolve_by, t0() + Duration::hours(48));
    let next = t.next_deadline.unwrap();
    assert_eq!(
        (next.kind, next.due_at, next.overdue),
        (DeadlineKind::Respond, t.respond_by, false)
    );
    assert!(!t.appeal_notice);
    assert_eq!(t.holder, None);
    let kinds: Vec<_> = t.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [TicketEventKind::Submitted]);
    assert!(t.can.can_message && t.can.can_withdraw && !t.can.can_rate);
    assert!(!t.can.can_accept);
    // Without a number, it is the subscriber's own, masked.
    let own = open(&me, json!({})).await;
    assert!(
        own.number_concerned.contains("****"),
        "{}",
        own.number_concerned
    );
    assert_ne!(own.number_concerned, t.number_concerned);
}

#[tokio::test]
async fn a_high_risk_category_is_high_risk_whatever_the_flag_says() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(
        &me,
        json!({ "kind": "complaint", "category": "data_leak", "high_risk": false }),
    )
    .await;
    assert!(t.high_risk);
    assert_eq!(t.respond_by, t0() + Duration::hours(2));
    let flagged = open(
        &me,
        json!({ "kind": "complaint", "category": "billing", "high_risk": true }),
    )
    .await;
    assert!(flagged.high_risk);
    assert_eq!(flagged.respond_by, t0() + Duration::hours(2));
}

#[tokio::test]
async fn the_same_key_opens_one_ticket_and_a_different_request_with_it_is_refused() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let body = ticket_body(json!({ "idempotency_key": key() }));
    let first: TicketCreated =
        decoded(me.post("/api/feedback/tickets", body.clone()).await, 201).await;
    let again: TicketCreated =
        decoded(me.post("/api/feedback/tickets", body.clone()).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.ticket.id, first.ticket.id);
    assert_eq!(mine(&me, "").await.total, 1);
    let mut changed = body.clone();
    changed["description"] = json!("完全不同的一段描述，超过十个字。");
    refused_with(
        me.post("/api/feedback/tickets", changed).await,
        409,
        ErrorCode::IdempotencyConflict,
    )
    .await;
    assert_eq!(mine(&me, "").await.total, 1);
    // Another subscriber may use the same key.
    let other = Member::fresh(&server).await;
    let theirs: TicketCreated = decoded(other.post("/api/feedback/tickets", body).await, 201).await;
    assert_ne!(theirs.ticket.id, first.ticket.id);
}

#[tokio::test]
async fn my_tickets_are_mine_newest_first_and_paged() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(open(&me, json!({})).await.id);
        set_clock(&server, server.config.clock.now() + Duration::minutes(1));
    }
    let page = mine(&me, "?per_page=2").await;
    assert_eq!(page.total, 3);
    assert_eq!(
        page.tickets.iter().map(|t| t.id).collect::<Vec<_>>(),
        [ids[2], ids[1]]
    );
    let page2 = mine(&me, "?per_page=2&page=2").await;
    assert_eq!(
        page2.tickets.iter().map(|t| t.id).collect::<Vec<_>>(),
        [ids[0]]
    );
    refused_with(
        me.get("/api/feedback/tickets?per_page=51").await,
        400,
        ErrorCode::BadRequest,
    )
    .await;
    // The demo subscriber's list has the demo tickets, not this one.
    let zhang = Member::sign_in(&server, ZHANG).await;
    let theirs = mine(&zhang, "").await;
    assert_eq!(theirs.total, 4);
    assert!(theirs.tickets.iter().all(|t| !ids.contains(&t.id)));
}

#[tokio::test]
async fn another_subscribers_ticket_is_not_found_and_staff_see_it() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    let other = Member::fresh(&server).await;
    let path = format!("/api/feedback/tickets/{}", t.id);
    refused_with(other.get(&path).await, 404, ErrorCode::NotFound).await;
    for action in ["withdraw", "rating"] {
        refused_with(
            other
                .post(
                    &format!("{path}/{action}"),
                    json!({ "satisfaction": 5, "recommend": 9, "solved": true }),
                )
                .await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
    refused_with(
        other
            .post(
                &format!("{path}/messages"),
                json!({ "text": "你好", "idempotency_key": key() }),
            )
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let staff = Member::sign_in(&server, STAFF).await;
    let seen = ticket(&staff, t.id).await;
    assert_eq!(seen.id, t.id);
    assert!(seen.can.can_accept && !seen.can.can_message && !seen.can.can_withdraw);
    // Signed out: 401.
    refused_with(server.get(&path).await, 401, ErrorCode::Unauthenticated).await;
    refused_with(
        server.get("/api/feedback/tickets/999999").await,
        401,
        ErrorCode::Unauthenticated,
    )
    .await;
    refused_with(
        me.get("/api/feedback/tickets/999999").await,
        404,
        ErrorCode::NotFound,
    )
    .await;
}

#[tokio::test]
async fn what_is_sent_is_checked_field_by_field() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let field_of = |e: care_contract::ApiError| e.details.and_then(|d| d.field).unwrap_or_default();
    for (patch, field) in [
        (json!({ "description": "太短了" }), "description"),
        (json!({ "description": "字".repeat(1001) }), "description"),
        (json!({ "photo_ids": [1, 2, 3, 4] }), "photo_ids"),
        (json!({ "photo_ids": [1, 1] }), "photo_ids"),
        (json!({ "number_concerned": "12345" }), "number_concerned"),
        (
            json!({ "number_concerned": "12800138000" }),
            "number_concerned",
        ),
        (
            json!({ "kind": "enquiry", "category": "fraud" }),
            "category",
        ),
        (
            json!({ "kind": "suggestion", "category": "billing" }),
            "category",
        ),
    ] {
        let e = refused_with(
            me.post("/api/feedback/tickets", ticket_body(patch.clone()))
                .await,
            400,
            ErrorCode::InvalidTicket,
        )
        .await;
        assert_eq!(field_of(e), field, "{patch}");
    }
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "idempotency_key": "short" })),
        )
        .await,
        400,
        ErrorCode::InvalidIdempotencyKey,
    )
    .await;
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "kind": "praise" })),
        )
        .await,
        400,
        ErrorCode::BadRequest,
    )
    .await;
    // A photo that does not exist (or is not mine) is unavailable, and nothing is saved.
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "photo_ids": [424242] })),
        )
        .await,
        409,
        ErrorCode::PhotoUnavailable,
    )
    .await;
    assert_eq!(mine(&me, "").await.total, 0);
}
