//! The privacy centre: what is kept, the export of everything about the subscriber (and
//! nothing of anyone else), and the deletion request.

mod common;
mod community_support;
mod me_support;

use care_contract::feedback::TicketCreated;
use care_contract::me::{DataCategory, DataExport, DeletionRecorded, PrivacyOverview, KEPT_DATA};
use care_contract::ErrorCode;
use community_support::{key, Member, TECH_SUPPORT};
use me_support::*;
use reqwest::header::CONTENT_DISPOSITION;
use serde_json::json;

async fn privacy(member: &Member) -> PrivacyOverview {
    member.fetch("/api/me/privacy").await
}

async fn open_ticket(member: &Member, description: &str) -> i64 {
    let made: TicketCreated = decoded(
        member
            .post(
                "/api/feedback/tickets",
                json!({
                    "kind": "fault_report",
                    "category": "broadband",
                    "description": description,
                    "contact_method": "phone_call",
                    "contact_window": "evening",
                    "idempotency_key": key(),
                }),
            )
            .await,
        201,
    )
    .await;
    made.ticket.id
}

#[tokio::test]
async fn the_privacy_page_says_what_is_kept_and_why() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let p = privacy(&me).await;
    let categories: Vec<DataCategory> = p.kept.iter().map(|k| k.category).collect();
    assert_eq!(categories, DataCategory::ALL);
    assert_eq!(p.kept.len(), KEPT_DATA.len());
    assert_eq!(p.deletion_request, None);
}

#[tokio::test]
async fn a_deletion_request_needs_the_last_four_digits_is_recorded_once_and_can_be_withdrawn() {
    let server = me_server().await;
    let phone = fresh_phone();
    let me = Member::sign_in(&server, &phone).await;
    let last_four = &phone[7..];
    let wrong = if last_four == "0000" { "1111" } else { "0000" };
    refused_with(
        me.post(
            "/api/me/deletion-request",
            json!({ "confirm_last_four": wrong }),
        )
        .await,
        422,
        ErrorCode::ConfirmationMismatch,
    )
    .await;
    for malformed in ["", "123", "12345", "１２３４"] {
        refused_with(
            me.post(
                "/api/me/deletion-request",
                json!({ "confirm_last_four": malformed }),
            )
            .await,
            400,
            ErrorCode::BadRequest,
        )
        .await;
    }
    assert_eq!(privacy(&me).await.deletion_request, None);
    let first: DeletionRecorded = decoded(
        me.post(
            "/api/me/deletion-request",
            json!({ "confirm_last_four": last_four }),
        )
        .await,
        201,
    )
    .await;
    assert!(!first.already_pending);
    assert_eq!(first.request.requested_at, t0());
    server.config.clock.set(t0() + chrono::Duration::hours(1));
    let again: DeletionRecorded = decoded(
        me.post(
            "/api/me/deletion-request",
            json!({ "confirm_last_four": last_four }),
        )
        .await,
        200,
    )
    .await;
    assert!(again.already_pending);
    assert_eq!(again.request, first.request);
    assert_eq!(privacy(&me).await.deletion_request, Some(first.request));
    // Another subscriber has none, and cannot withdraw this one.
    let other = Member::fresh(&server).await;
    refused_with(
        other.delete("/api/me/deletion-request").await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(me.delete("/api/me/deletion-request").await.status(), 204);
    assert_eq!(privacy(&me).await.deletion_request, None);
    refused_with(
        me.delete("/api/me/deletion-request").await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // Asked for again later, it is a new request.
    let later: DeletionRecorded = decoded(
        me.post(
            "/api/me/deletion-request",
            json!({ "confirm_last_four": last_four }),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(
        later.request.requested_at,
        t0() + chrono::Duration::hours(1)
    );
}

#[tokio::test]
async fn the_export_is_a_download_of_everything_of_the_subscriber_and_nothing_of_others() {
    let server = me_server().await;
    let a_phone = fresh_phone();
    let b_phone = fresh_phone();
    let a = Member::sign_in(&server, &a_phone).await;
    let b = Member::sign_in(&server, &b_phone).await;
    // Both have data; they meet in each other's threads.
    let a_ticket = open_ticket(&a, "甲的宽带从今天早上开始断网，光猫灯一直闪红。").await;
    let b_ticket = open_ticket(&b, "乙的手机信号很差，在家里经常没有信号。").await;
    let a_thread = a
        .new_thread(TECH_SUPPORT, "甲的求助帖子", "甲的路由器怎么设置才能更快？")
        .await;
    let b_thread = b
        .new_thread(
            TECH_SUPPORT,
            "乙的求助帖子",
            "乙家里的光猫一直在闪红灯怎么办？",
        )
        .await;
    let a_reply = a
        .new_reply(b_thread.id, "甲回复乙：重启光猫试试", None)
        .await;
    b.new_reply(a_thread.id, "乙回复甲：换个信道", None).await;
    a.voted("thread", b_thread.id, "up").await;
    b.voted("thread", a_thread.id, "up").await;
    add_contact(&a, "女儿", "13700137000").await;
    add_contact(&b, "儿子", "13700137001").await;
    request_callback(&a, json!({ "note": "甲想要回电" })).await;
    request_callback(&b, json!({ "note": "乙想要回电" })).await;

    let response = a.get("/api/me/export").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()[CONTENT_DISPOSITION],
        "attachment; filename=\"care-data-2026-01-30.json\""
    );
    let text = response.text().await.unwrap();
    let data: DataExport = serde_json::from_str(&text).unwrap();
    assert_eq!(data.exported_at, t0());
    assert_eq!(data.profile.phone, a_phone);
    assert_eq!(data.profile.id, a.id);
    let tickets: Vec<i64> = data.tickets.iter().map(|t| t.id).collect();
    assert_eq!(tickets, [a_ticket]);
    assert!(!data.tickets[0].timeline.is_empty());
    let threads: Vec<i64> = data.threads.iter().map(|t| t.id).collect();
    assert_eq!(threads, [a_thread.id]);
    let replies: Vec<i64> = data.replies.iter().map(|r| r.id).collect();
    assert_eq!(replies, [a_reply.id]);
    assert_eq!(data.votes.len(), 1);
    assert_eq!(data.votes[0].post_id, b_thread.id);
    assert_eq!(data.family_contacts.len(), 1);
    assert_eq!(data.callbacks.len(), 1);
    // Nothing of the other subscriber: not their number, texts, ticket or contacts.
    for theirs in [
        b_phone.as_str(),
        &b_phone[7..],
        "乙的手机信号",
        "乙的求助帖子",
        "乙回复甲",
        "乙想要回电",
        "13700137001",
    ] {
        assert!(!text.contains(theirs), "{theirs} in A's export");
    }
    assert!(!tickets.contains(&b_ticket));
}

#[tokio::test]
async fn the_demo_subscribers_export_has_their_orders_points_and_tickets() {
    let server = me_server().await;
    let wang = Member::sign_in(&server, WANG).await;
    let data: DataExport = wang.fetch("/api/me/export").await;
    assert_eq!(data.profile.phone, WANG);
    assert_eq!(data.profile.value_score, 92);
    assert!(!data.points_ledger.is_empty());
    assert!(!data.tickets.is_empty());
    assert_eq!(data.family_contacts.len(), 3);
    assert_eq!(data.callbacks.len(), 1);
}
