//! Callback requests: one open at a time, the day range in China time, the number and
//! note, exactly once, cancelling, and staff's list and "done" (staff only).

mod common;
mod community_support;
mod me_support;

use care_contract::feedback::ContactWindow;
use care_contract::me::{
    Callback, CallbackCreated, CallbackList, CallbackStatus, StaffCallbackList,
};
use care_contract::ErrorCode;
use community_support::{key, Member};
use me_support::*;
use serde_json::json;

async fn mine(member: &Member) -> Vec<Callback> {
    member
        .fetch::<CallbackList>("/api/me/callbacks")
        .await
        .callbacks
}

async fn staff_list(staff: &Member) -> StaffCallbackList {
    staff.fetch("/api/staff/callbacks").await
}

#[tokio::test]
async fn a_request_calls_the_subscribers_own_number_by_default() {
    let server = me_server().await;
    let phone = fresh_phone();
    let me = Member::sign_in(&server, &phone).await;
    let c = request_callback(&me, json!({ "note": "  宽带老是断  " }))
        .await
        .callback;
    assert_eq!(c.status, CallbackStatus::Requested);
    assert_eq!((c.day, c.window), (day(1), ContactWindow::Evening));
    assert_eq!(c.phone, phone);
    assert!(c.phone_masked.contains("****"));
    assert_eq!(c.note.as_deref(), Some("宽带老是断"));
    assert_eq!(c.created_at, t0());
    assert_eq!(c.closed_at, None);
    assert_eq!(mine(&me).await, vec![c]);
}

#[tokio::test]
async fn only_one_request_is_open_at_a_time() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let first = request_callback(&me, json!({})).await.callback;
    refused_with(
        me.post(
            "/api/me/callbacks",
            callback_body(json!({ "window": "morning" })),
        )
        .await,
        409,
        ErrorCode::CallbackAlreadyOpen,
    )
    .await;
    // Cancelled, another may be asked for; the list is newest first.
    let cancelled: Callback = decoded(
        me.post(&format!("/api/me/callbacks/{}/cancel", first.id), json!({}))
            .await,
        200,
    )
    .await;
    assert_eq!(cancelled.status, CallbackStatus::Cancelled);
    assert_eq!(cancelled.closed_at, Some(t0()));
    let second = request_callback(&me, json!({ "phone": "010-6688 6688" }))
        .await
        .callback;
    assert_eq!(second.phone, "01066886688");
    let ids: Vec<i64> = mine(&me).await.iter().map(|c| c.id).collect();
    assert_eq!(ids, [second.id, first.id]);
    // Someone else's open request does not stop anyone.
    request_callback(&Member::fresh(&server).await, json!({})).await;
}

#[tokio::test]
async fn the_day_is_today_or_one_of_the_next_six_in_china() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    for days in [-1, 7, 30] {
        refused_with(
            me.post(
                "/api/me/callbacks",
                callback_body(json!({ "day": day(days) })),
            )
            .await,
            409,
            ErrorCode::CallbackDayOutOfRange,
        )
        .await;
    }
    let last = request_callback(&me, json!({ "day": day(6) }))
        .await
        .callback;
    me.post(&format!("/api/me/callbacks/{}/cancel", last.id), json!({}))
        .await;
    request_callback(&me, json!({ "day": day(0), "window": "any_time" })).await;
    // At 01:00 on 31 January in China (17:00 UTC on the 30th) "today" is the 31st.
    let late = Member::fresh(&server).await;
    server.config.clock.set(t0() + chrono::Duration::hours(15));
    refused_with(
        late.post("/api/me/callbacks", callback_body(json!({ "day": day(0) })))
            .await,
        409,
        ErrorCode::CallbackDayOutOfRange,
    )
    .await;
    request_callback(&late, json!({ "day": day(7) })).await;
}

#[tokio::test]
async fn the_number_note_and_key_are_checked() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    for (patch, field) in [
        (json!({ "phone": "12345" }), "phone"),
        (json!({ "note": "字".repeat(101) }), "note"),
        (json!({ "note": "a\u{0000}b" }), "note"),
    ] {
        let e = refused_with(
            me.post("/api/me/callbacks", callback_body(patch)).await,
            400,
            ErrorCode::InvalidContact,
        )
        .await;
        assert_eq!(e.details.unwrap().field.as_deref(), Some(field));
    }
    refused_with(
        me.post(
            "/api/me/callbacks",
            callback_body(json!({ "window": "night" })),
        )
        .await,
        400,
        ErrorCode::BadRequest,
    )
    .await;
    refused_with(
        me.post(
            "/api/me/callbacks",
            callback_body(json!({ "idempotency_key": "x" })),
        )
        .await,
        400,
        ErrorCode::InvalidIdempotencyKey,
    )
    .await;
    assert!(mine(&me).await.is_empty());
}

#[tokio::test]
async fn the_same_key_requests_once() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let body = callback_body(json!({ "idempotency_key": key() }));
    let first: CallbackCreated =
        decoded(me.post("/api/me/callbacks", body.clone()).await, 201).await;
    let again: CallbackCreated =
        decoded(me.post("/api/me/callbacks", body.clone()).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.callback, first.callback);
    let mut other = body;
    other["window"] = json!("morning");
    refused_with(
        me.post("/api/me/callbacks", other).await,
        409,
        ErrorCode::IdempotencyConflict,
    )
    .await;
}

#[tokio::test]
async fn staff_see_open_requests_by_day_and_window_and_mark_them_called() {
    let server = me_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    let a = Member::fresh(&server).await;
    let b = Member::fresh(&server).await;
    let c = Member::fresh(&server).await;
    let d = Member::fresh(&server).await;
    let late = request_callback(&a, json!({ "day": day(2), "window": "morning" }))
        .await
        .callback;
    let evening = request_callback(&b, json!({ "day": day(1), "window": "evening" }))
        .await
        .callback;
    let morning = request_callback(&c, json!({ "day": day(1), "window": "morning" }))
        .await
        .callback;
    let cancelled = request_callback(&d, json!({ "day": day(0) }))
        .await
        .callback;
    d.post(
        &format!("/api/me/callbacks/{}/cancel", cancelled.id),
        json!({}),
    )
    .await;
    let open = staff_list(&staff).await.callbacks;
    let ids: Vec<i64> = open.iter().map(|s| s.callback.id).collect();
    assert_eq!(ids, [morning.id, evening.id, late.id]);
    assert_eq!(open[0].subscriber_id, c.id);
    // Staff dial the full number.
    assert_eq!(open[0].callback.phone.len(), 11);
    let done: Callback = decoded(
        staff
            .post(
                &format!("/api/staff/callbacks/{}/done", morning.id),
                json!({}),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(done.status, CallbackStatus::Called);
    refused_with(
        staff
            .post(
                &format!("/api/staff/callbacks/{}/done", morning.id),
                json!({}),
            )
            .await,
        409,
        ErrorCode::InvalidStatus,
    )
    .await;
    refused_with(
        staff
            .post(
                &format!("/api/staff/callbacks/{}/done", cancelled.id),
                json!({}),
            )
            .await,
        409,
        ErrorCode::InvalidStatus,
    )
    .await;
    refused_with(
        c.post(
            &format!("/api/me/callbacks/{}/cancel", morning.id),
            json!({}),
        )
        .await,
        409,
        ErrorCode::InvalidStatus,
    )
    .await;
    assert_eq!(mine(&c).await[0].status, CallbackStatus::Called);
    assert_eq!(staff_list(&staff).await.callbacks.len(), 2);
}

#[tokio::test]
async fn staff_routes_are_staff_only_and_a_request_is_its_owners() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let c = request_callback(&me, json!({})).await.callback;
    refused_with(
        other.get("/api/staff/callbacks").await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    refused_with(
        me.post(&format!("/api/staff/callbacks/{}/done", c.id), json!({}))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    refused_with(
        other
            .post(&format!("/api/me/callbacks/{}/cancel", c.id), json!({}))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(mine(&me).await[0].status, CallbackStatus::Requested);
    assert!(mine(&other).await.is_empty());
}

#[tokio::test]
async fn the_demo_elder_was_called_back_once() {
    let server = me_server().await;
    let wang = Member::sign_in(&server, WANG).await;
    let history = mine(&wang).await;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].status, CallbackStatus::Called);
    assert_eq!(history[0].window, ContactWindow::Morning);
}
