//! The birthday gift: delivered once into the inbox, claimed exactly once into the points
//! ledger (a double tap and two claims at once included), refused once its window passed,
//! and only ever by its owner.

mod care_support;
mod common;
mod community_support;

use care_contract::care::{GiftClaimed, MessageKind};
use care_contract::mall::LedgerPage;
use care_contract::points::expiry_for;
use care_contract::{ApiError, ErrorCode};
use care_support::*;
use community_support::{decode, Member};

/// 10:00 in China on 20 May 2026.
fn birthday_morning() -> chrono::DateTime<chrono::Utc> {
    china(2026, 5, 20, 10, 0)
}

async fn birthday_member(server: &common::TestServer) -> Member {
    member(server, Some(d(1990, 5, 20)), d(2015, 3, 10)).await
}

#[tokio::test]
async fn a_gift_is_claimed_once_and_a_second_claim_answers_the_first() {
    let server = care_server_at(birthday_morning()).await;
    let m = birthday_member(&server).await;
    let gifts = of_kind(&m, MessageKind::Birthday).await;
    assert_eq!(gifts.len(), 1);
    let gift = gifts[0].gift.clone().expect("a gift");
    assert_eq!(gift.points, 200);
    assert_eq!(gift.claimed_at, None);
    assert_eq!(gifts[0].params.on, Some(d(2026, 5, 20)));

    let first: GiftClaimed = decode(claim(&m, gifts[0].id).await, 200).await;
    assert!(first.claimed_now);
    assert_eq!(first.points, 200);
    let again: GiftClaimed = decode(claim(&m, gifts[0].id).await, 200).await;
    assert!(!again.claimed_now);
    assert_eq!(again.ledger_entry_id, first.ledger_entry_id);
    assert_eq!(again.claimed_at, first.claimed_at);

    assert_eq!(ledger_entries(&server, &m, "birthday_gift"), 1);
    assert_eq!(home(&m).await.points_balance, 200);
    let claimed = of_kind(&m, MessageKind::Birthday).await;
    assert_eq!(
        claimed[0].gift.as_ref().unwrap().claimed_at,
        Some(first.claimed_at)
    );
    assert!(claimed[0].read_at.is_some(), "claiming reads the message");
}

#[tokio::test]
async fn two_claims_at_once_make_one_earning() {
    let server = care_server_at(birthday_morning()).await;
    let m = birthday_member(&server).await;
    let id = of_kind(&m, MessageKind::Birthday).await[0].id;
    let (a, b) = tokio::join!(claim(&m, id), claim(&m, id));
    let a: GiftClaimed = decode(a, 200).await;
    let b: GiftClaimed = decode(b, 200).await;
    assert!(a.claimed_now != b.claimed_now, "exactly one claimed now");
    assert_eq!(a.ledger_entry_id, b.ledger_entry_id);
    assert_eq!(ledger_entries(&server, &m, "birthday_gift"), 1);
    assert_eq!(home(&m).await.points_balance, 200);
}

#[tokio::test]
async fn a_gift_is_claimable_for_seven_days_and_then_refused() {
    let server = care_server_at(birthday_morning()).await;
    let m = birthday_member(&server).await;
    let id = of_kind(&m, MessageKind::Birthday).await[0].id;
    // The last minute of the seventh day after the birthday, China time.
    set_clock(&server, china(2026, 5, 27, 23, 59));
    let late = birthday_member(&server).await;
    let late_id = of_kind(&late, MessageKind::Birthday).await[0].id;
    decode::<GiftClaimed>(claim(&late, late_id).await, 200).await;
    set_clock(&server, china(2026, 5, 28, 0, 0));
    let e: ApiError = decode(claim(&m, id).await, 409).await;
    assert_eq!(e.code, ErrorCode::GiftExpired);
    assert_eq!(ledger_entries(&server, &m, "birthday_gift"), 0);
}

#[tokio::test]
async fn a_message_without_a_gift_has_nothing_to_claim() {
    // The network anniversary carries no gift.
    let server = care_server_at(china(2026, 3, 10, 9, 0)).await;
    let m = member(&server, None, d(2015, 3, 10)).await;
    let anniversary = of_kind(&m, MessageKind::NetworkAnniversary).await;
    assert_eq!(anniversary[0].params.years, Some(11));
    let e: ApiError = decode(claim(&m, anniversary[0].id).await, 409).await;
    assert_eq!(e.code, ErrorCode::NoGift);
}

#[tokio::test]
async fn another_subscribers_message_is_not_found() {
    let server = care_server_at(birthday_morning()).await;
    let owner = birthday_member(&server).await;
    let other = birthday_member(&server).await;
    let id = of_kind(&owner, MessageKind::Birthday).await[0].id;
    for path in [
        format!("/api/care/inbox/{id}/claim"),
        format!("/api/care/inbox/{id}/read"),
    ] {
        let e: ApiError = decode(other.post(&path, serde_json::Value::Null).await, 404).await;
        assert_eq!(e.code, ErrorCode::NotFound);
    }
    assert_eq!(ledger_entries(&server, &other, "birthday_gift"), 0);
    let mine = of_kind(&owner, MessageKind::Birthday).await;
    assert_eq!(mine[0].read_at, None, "the other's read did not touch it");
}

#[tokio::test]
async fn every_care_endpoint_needs_a_session() {
    let server = care_server_at(birthday_morning()).await;
    for path in [
        "/api/home",
        "/api/care/inbox",
        "/api/care/preferences",
        "/api/care/report",
    ] {
        let e: ApiError = decode(server.get(path).await, 401).await;
        assert_eq!(e.code, ErrorCode::Unauthenticated, "{path}");
    }
    for path in [
        "/api/care/inbox/1/read",
        "/api/care/inbox/read-all",
        "/api/care/inbox/1/claim",
    ] {
        let e: ApiError = decode(server.post_json(path, serde_json::json!({})).await, 401).await;
        assert_eq!(e.code, ErrorCode::Unauthenticated, "{path}");
    }
    let put = server
        .client
        .put(server.url("/api/care/preferences"))
        .json(&serde_json::json!({ "topics": [] }))
        .send()
        .await
        .unwrap();
    let e: ApiError = decode(put, 401).await;
    assert_eq!(e.code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn a_gift_claimed_in_the_last_millisecond_of_its_window_is_a_named_ledger_earning() {
    let server = care_server_at(birthday_morning()).await;
    let m = birthday_member(&server).await;
    let id = of_kind(&m, MessageKind::Birthday).await[0].id;
    // One millisecond before midnight at the end of the seventh day: still claimable.
    let last = china(2026, 5, 28, 0, 0) - chrono::Duration::milliseconds(1);
    set_clock(&server, last);
    let claimed: GiftClaimed = decode(claim(&m, id).await, 200).await;
    assert!(claimed.claimed_now);
    assert_eq!(claimed.claimed_at, last);

    let ledger: LedgerPage = m.fetch("/api/mall/ledger?kind=birthday_gift").await;
    assert_eq!(ledger.total, 1);
    let entry = &ledger.entries[0];
    assert_eq!(entry.id, claimed.ledger_entry_id);
    assert_eq!(entry.points, 200);
    assert_eq!(entry.title_zh, "生日积分礼包");
    assert_eq!(entry.title_en, "Birthday points gift");
    assert_eq!(
        entry.expires_on,
        Some(expiry_for(
            d(2026, 5, 27),
            server.config.mall.points_expire_years_after
        )),
        "expires like points earned on the (China) day it was claimed"
    );
}
