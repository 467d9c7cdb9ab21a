//! Undoing a withdrawal over real HTTP: within ten minutes its subscriber puts the ticket
//! back in exactly the status it had (submitted, or held by staff), with its deadlines;
//! at ten minutes it is `undo_expired`; only once; nobody else may.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{DeadlineKind, TicketDetail, TicketEventKind, TicketStatus};
use care_contract::ErrorCode;
use chrono::Duration;
use community_support::{decode, Member};
use feedback_support::*;
use serde_json::json;

async fn withdraw(me: &Member, id: i64) -> TicketDetail {
    decode(
        me.post(&format!("/api/feedback/tickets/{id}/withdraw"), json!({}))
            .await,
        200,
    )
    .await
}

async fn try_undo(me: &Member, id: i64) -> reqwest::Response {
    me.post(
        &format!("/api/feedback/tickets/{id}/undo-withdraw"),
        json!({}),
    )
    .await
}

async fn undo(me: &Member, id: i64) -> TicketDetail {
    decode(try_undo(me, id).await, 200).await
}

fn kinds(t: &TicketDetail) -> Vec<TicketEventKind> {
    t.timeline.iter().map(|e| e.kind).collect()
}

#[tokio::test]
async fn a_withdrawn_ticket_says_until_when_its_subscriber_may_undo_and_undoing_puts_it_back_as_submitted(
) {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    let w = withdraw(&me, t.id).await;
    assert_eq!(w.status, TicketStatus::Withdrawn);
    assert_eq!(w.withdrawn_at, Some(t0()));
    assert_eq!(w.undo_until, Some(t0() + Duration::minutes(10)));
    assert!(w.can.can_undo_withdrawal && !w.can.can_withdraw && !w.can.can_message);
    set_clock(&server, t0() + Duration::minutes(10) - Duration::seconds(1));
    let back = undo(&me, t.id).await;
    assert_eq!(back.status, TicketStatus::Submitted);
    assert_eq!(
        kinds(&back),
        [
            TicketEventKind::Submitted,
            TicketEventKind::Withdrawn,
            TicketEventKind::WithdrawalUndone
        ]
    );
    assert_eq!(back.timeline[2].at, server.config.clock.now());
    assert_eq!((back.withdrawn_at, back.undo_until), (None, None));
    assert!(back.can.can_withdraw && back.can.can_message && !back.can.can_undo_withdrawal);
    // Its deadlines stand as they were: it is due to be answered as if never withdrawn.
    assert_eq!(
        (back.respond_by, back.resolve_by),
        (t.respond_by, t.resolve_by)
    );
    let next = back.next_deadline.unwrap();
    assert_eq!(
        (next.kind, next.due_at),
        (DeadlineKind::Respond, t.respond_by)
    );
    // Staff find it in their queue again.
    let staff = Member::sign_in(&server, STAFF).await;
    assert!(queue(&staff, "?per_page=50")
        .await
        .tickets
        .iter()
        .any(|s| s.id == t.id));
    assert_eq!(ticket(&me, t.id).await, back);
}

#[tokio::test]
async fn undoing_the_withdrawal_of_an_accepted_ticket_gives_it_back_to_its_holder() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = open(&me, json!({})).await;
    let held = accept(&staff, t.id).await;
    assert_eq!(held.status, TicketStatus::Accepted);
    set_clock(&server, t0() + Duration::minutes(30));
    withdraw(&me, t.id).await;
    set_clock(&server, t0() + Duration::minutes(35));
    let back = undo(&me, t.id).await;
    assert_eq!(back.status, TicketStatus::Accepted);
    assert_eq!(back.holder, held.holder);
    assert_eq!(
        back.next_deadline.map(|d| (d.kind, d.due_at)),
        Some((DeadlineKind::Resolve, t.resolve_by))
    );
    let seen = ticket(&staff, t.id).await;
    assert!(seen.can.can_reply && seen.can.can_resolve && !seen.can.can_accept);
    // And one staff were waiting on goes back to waiting.
    staff_do(
        &staff,
        t.id,
        "ask",
        json!({ "text": "请问光猫型号是什么？" }),
    )
    .await;
    withdraw(&me, t.id).await;
    let back = undo(&me, t.id).await;
    assert_eq!(back.status, TicketStatus::WaitingForCustomer);
}

#[tokio::test]
async fn ten_minutes_after_the_withdrawal_the_undo_is_refused_as_expired() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    withdraw(&me, t.id).await;
    set_clock(&server, t0() + Duration::minutes(10));
    let late = ticket(&me, t.id).await;
    assert_eq!(late.withdrawn_at, Some(t0()));
    assert_eq!(late.undo_until, None);
    assert!(!late.can.can_undo_withdrawal);
    refused_with(try_undo(&me, t.id).await, 409, ErrorCode::UndoExpired).await;
    assert_eq!(ticket(&me, t.id).await, late);
}

#[tokio::test]
async fn a_withdrawal_is_undone_once_and_an_open_ticket_has_none_to_undo() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    refused_with(
        try_undo(&me, t.id).await,
        409,
        ErrorCode::TicketTransitionForbidden,
    )
    .await;
    withdraw(&me, t.id).await;
    undo(&me, t.id).await;
    let once = ticket(&me, t.id).await;
    refused_with(
        try_undo(&me, t.id).await,
        409,
        ErrorCode::TicketTransitionForbidden,
    )
    .await;
    assert_eq!(ticket(&me, t.id).await, once);
    // Withdrawn again, the new withdrawal has its own ten minutes.
    set_clock(&server, t0() + Duration::minutes(20));
    let again = withdraw(&me, t.id).await;
    assert_eq!(
        again.undo_until,
        Some(t0() + Duration::minutes(30)),
        "counted from the second withdrawal"
    );
    assert_eq!(undo(&me, t.id).await.status, TicketStatus::Submitted);
}

#[tokio::test]
async fn only_the_tickets_subscriber_may_undo_its_withdrawal() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let t = open(&me, json!({})).await;
    withdraw(&me, t.id).await;
    let other = Member::fresh(&server).await;
    refused_with(try_undo(&other, t.id).await, 404, ErrorCode::NotFound).await;
    let staff = Member::sign_in(&server, STAFF).await;
    refused_with(try_undo(&staff, t.id).await, 404, ErrorCode::NotFound).await;
    let seen = ticket(&staff, t.id).await;
    assert_eq!(seen.withdrawn_at, Some(t0()));
    assert_eq!(seen.undo_until, None);
    assert!(!seen.can.can_undo_withdrawal);
    refused_with(
        server
            .client
            .post(server.url(&format!("/api/feedback/tickets/{}/undo-withdraw", t.id)))
            .send()
            .await
            .unwrap(),
        401,
        ErrorCode::Unauthenticated,
    )
    .await;
    refused_with(try_undo(&me, 999_999).await, 404, ErrorCode::NotFound).await;
    assert_eq!(ticket(&me, t.id).await.status, TicketStatus::Withdrawn);
}
