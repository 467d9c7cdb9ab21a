//! A ticket's life: staff accept, reply, ask and resolve; the customer writes, withdraws
//! and rates; every change is on the timeline, and every move the rules forbid is refused
//! with its own code.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{ActorRole, TicketEventKind, TicketStatus};
use care_contract::ErrorCode;
use community_support::{key, Member};
use feedback_support::*;
use serde_json::json;

#[tokio::test]
async fn a_ticket_goes_from_submitted_to_closed_with_every_step_on_its_timeline() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;

    let t = accept(&staff, id).await;
    assert_eq!(t.status, TicketStatus::Accepted);
    assert_eq!(t.holder.as_deref(), Some("客服小翼"));
    assert!(t.can.can_reply && t.can.can_resolve && !t.can.can_accept);

    let t = staff_do(&staff, id, "reply", json!({ "text": "已安排师傅上门。" }))
        .await
        .ticket;
    assert_eq!(t.status, TicketStatus::InProgress);

    let t = staff_do(&staff, id, "ask", json!({ "text": "请问家里几点有人？" }))
        .await
        .ticket;
    assert_eq!(t.status, TicketStatus::WaitingForCustomer);
    assert_eq!(t.next_deadline, None);

    let posted = message(&me, id, "晚上七点以后都在。").await;
    assert_eq!(posted.ticket.status, TicketStatus::InProgress);

    // A message while in progress leaves it in progress.
    let posted = message(&me, id, "补充：光猫在客厅。").await;
    assert_eq!(posted.ticket.status, TicketStatus::InProgress);

    let done = staff_do(
        &staff,
        id,
        "resolve",
        json!({ "note": "更换了光纤接头，已恢复。" }),
    )
    .await;
    assert_eq!(done.ticket.status, TicketStatus::Resolved);
    let link = done.rate_link.unwrap();
    assert!(
        link.starts_with("/rate/") && link.len() == "/rate/".len() + 43,
        "{link}"
    );

    let t = ticket(&me, id).await;
    assert!(t.can.can_rate && !t.can.can_message && !t.can.can_withdraw);
    let rated: care_contract::feedback::TicketDetail = decoded(
        rate(
            &me,
            id,
            json!({ "satisfaction": 5, "recommend": 10, "solved": true }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(rated.status, TicketStatus::Closed);
    assert_eq!(rated.can, Default::default());

    let kinds: Vec<_> = rated.timeline.iter().map(|e| (e.kind, e.actor)).collect();
    use ActorRole::*;
    use TicketEventKind::*;
    assert_eq!(
        kinds,
        [
            (Submitted, Customer),
            (Accepted, Staff),
            (Replied, Staff),
            (AskedCustomer, Staff),
            (CustomerReplied, Customer),
            (CustomerReplied, Customer),
            (TicketEventKind::Resolved, Staff),
            (Rated, Customer),
            (TicketEventKind::Closed, Customer),
        ]
    );
    let resolved = &rated.timeline[6];
    assert_eq!(resolved.note.as_deref(), Some("更换了光纤接头，已恢复。"));
    assert_eq!(resolved.staff_name.as_deref(), Some("客服小翼"));
    let messages: Vec<_> = rated
        .messages
        .iter()
        .map(|m| (m.author, m.staff_name.clone(), m.text.clone().unwrap()))
        .collect();
    assert_eq!(messages.len(), 4);
    assert_eq!(messages[0].0, Staff);
    assert_eq!(messages[0].1.as_deref(), Some("客服小翼"));
    assert_eq!(
        messages[2],
        (Customer, None, "晚上七点以后都在。".to_owned())
    );
}

#[tokio::test]
async fn staff_moves_that_do_not_fit_the_status_are_forbidden() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let forbidden = ErrorCode::TicketTransitionForbidden;

    // Submitted: reply, ask and resolve need it accepted first.
    let id = open(&me, json!({})).await.id;
    for (action, body) in [
        ("reply", json!({ "text": "你好" })),
        ("ask", json!({ "text": "你好" })),
        ("resolve", json!({ "note": "已处理" })),
    ] {
        refused_with(staff_try(&staff, id, action, body).await, 409, forbidden).await;
    }
    // Accepted twice.
    accept(&staff, id).await;
    refused_with(
        staff_try(&staff, id, "accept", json!({})).await,
        409,
        forbidden,
    )
    .await;

    // Withdrawn: nothing more.
    let withdrawn = open(&me, json!({})).await.id;
    let t: care_contract::feedback::TicketDetail = decoded(
        me.post(
            &format!("/api/feedback/tickets/{withdrawn}/withdraw"),
            json!({}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(t.status, TicketStatus::Withdrawn);
    assert_eq!(t.timeline.last().unwrap().kind, TicketEventKind::Withdrawn);
    refused_with(
        staff_try(&staff, withdrawn, "resolve", json!({ "note": "已处理" })).await,
        409,
        forbidden,
    )
    .await;
    refused_with(
        staff_try(&staff, withdrawn, "accept", json!({})).await,
        409,
        forbidden,
    )
    .await;

    // Closed: not accepted again.
    let closed = open(&me, json!({})).await.id;
    accept_and_resolve(&staff, closed).await;
    decoded::<serde_json::Value>(
        rate(
            &me,
            closed,
            json!({ "satisfaction": 4, "recommend": 8, "solved": true }),
        )
        .await,
        200,
    )
    .await;
    refused_with(
        staff_try(&staff, closed, "accept", json!({})).await,
        409,
        forbidden,
    )
    .await;
    refused_with(
        staff_try(&staff, closed, "reply", json!({ "text": "你好" })).await,
        409,
        forbidden,
    )
    .await;
    // Nothing of the refusals reached the timeline.
    let t = ticket(&staff, closed).await;
    assert_eq!(t.status, TicketStatus::Closed);
    assert_eq!(t.timeline.len(), 5);
}

#[tokio::test]
async fn the_customer_cannot_rate_an_open_ticket_nor_withdraw_or_write_to_a_finished_one() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let id = open(&me, json!({})).await.id;
    let good = json!({ "satisfaction": 5, "recommend": 9, "solved": true });
    refused_with(
        rate(&me, id, good.clone()).await,
        409,
        ErrorCode::RatingNotAllowed,
    )
    .await;

    accept_and_resolve(&staff, id).await;
    refused_with(
        me.post(&format!("/api/feedback/tickets/{id}/withdraw"), json!({}))
            .await,
        409,
        ErrorCode::TicketNotOpen,
    )
    .await;
    refused_with(
        me.post(
            &format!("/api/feedback/tickets/{id}/messages"),
            json!({ "text": "还有问题", "idempotency_key": key() }),
        )
        .await,
        409,
        ErrorCode::TicketNotOpen,
    )
    .await;
    decoded::<serde_json::Value>(rate(&me, id, good.clone()).await, 200).await;
    // Once per resolution.
    refused_with(rate(&me, id, good).await, 409, ErrorCode::RatingNotAllowed).await;
    // Withdrawn twice.
    let w = open(&me, json!({})).await.id;
    let path = format!("/api/feedback/tickets/{w}/withdraw");
    decoded::<serde_json::Value>(me.post(&path, json!({})).await, 200).await;
    refused_with(
        me.post(&path, json!({})).await,
        409,
        ErrorCode::TicketNotOpen,
    )
    .await;
}

#[tokio::test]
async fn staff_routes_are_for_staff_only() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let id = open(&me, json!({})).await.id;
    refused_with(
        me.get("/api/staff/feedback/tickets").await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    refused_with(
        staff_try(&me, id, "accept", json!({})).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    refused_with(
        server.get("/api/staff/feedback/tickets").await,
        401,
        ErrorCode::Unauthenticated,
    )
    .await;
    let staff = Member::sign_in(&server, STAFF).await;
    refused_with(
        staff_try(&staff, 999_999, "accept", json!({})).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    refused_with(
        staff_try(&staff, id, "reply", json!({ "text": "  " })).await,
        400,
        ErrorCode::InvalidTicket,
    )
    .await;
}

#[tokio::test]
async fn a_message_is_posted_once_per_key_and_needs_text_or_photos() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let id = open(&me, json!({})).await.id;
    let path = format!("/api/feedback/tickets/{id}/messages");
    let body = json!({ "text": "补充一下情况", "idempotency_key": key() });
    let first: care_contract::feedback::MessagePosted =
        decoded(me.post(&path, body.clone()).await, 201).await;
    let again: care_contract::feedback::MessagePosted =
        decoded(me.post(&path, body).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.message_id, first.message_id);
    assert_eq!(again.ticket.messages.len(), 1);
    refused_with(
        me.post(&path, json!({ "idempotency_key": key() })).await,
        400,
        ErrorCode::InvalidTicket,
    )
    .await;
    // Blank text is not text, photos or not.
    refused_with(
        me.post(
            &path,
            json!({ "text": " ", "photo_ids": [1], "idempotency_key": key() }),
        )
        .await,
        400,
        ErrorCode::InvalidTicket,
    )
    .await;
    refused_with(
        me.post(
            &path,
            json!({ "text": "字".repeat(1001), "idempotency_key": key() }),
        )
        .await,
        400,
        ErrorCode::InvalidTicket,
    )
    .await;
}

#[tokio::test]
async fn the_demo_tickets_are_in_their_states() {
    let server = feedback_server().await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    let broadband = ticket(&zhang, DEMO_BROADBAND).await;
    assert_eq!(broadband.status, TicketStatus::InProgress);
    assert!(broadband
        .messages
        .iter()
        .any(|m| m.author == ActorRole::Staff));
    assert_eq!(
        ticket(&zhang, DEMO_BILLING).await.status,
        TicketStatus::Resolved
    );
    let suggestion = ticket(&zhang, DEMO_SUGGESTION).await;
    assert_eq!(suggestion.status, TicketStatus::Closed);
    assert_eq!(suggestion.rating.unwrap().satisfaction, Some(5));
    let leak = ticket(&zhang, DEMO_DATA_LEAK).await;
    assert_eq!(leak.status, TicketStatus::Accepted);
    assert!(leak.high_risk);
    refused_with(
        zhang
            .get(&format!("/api/feedback/tickets/{DEMO_WANG_PLAN}"))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let wang = Member::sign_in(&server, WANG).await;
    assert_eq!(
        ticket(&wang, DEMO_WANG_PLAN).await.number_concerned,
        "137****7000"
    );
}
