//! The test-only `POST /api/_test/subscribers` (with `--enable-faults`) over real HTTP.

mod common;
mod mall_support;

use care_contract::care::{HomeSummary, MessageKind};
use common::*;
use mall_support::*;
use serde_json::{json, Value};

const PATH: &str = "/api/_test/subscribers";

async fn faults_server() -> TestServer {
    mall_server_with(|c| c.enable_faults = true).await
}

async fn create(server: &TestServer, body: Value) -> reqwest::Response {
    server.post_json(PATH, body).await
}

/// Posts and expects 201; the body.
async fn created(server: &TestServer, body: Value) -> Value {
    let r = create(server, body).await;
    assert_eq!(r.status(), 201);
    r.json().await.unwrap()
}

fn subscriber_count(server: &TestServer) -> i64 {
    db(server)
        .query_row("SELECT count(*) FROM subscribers", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn without_the_flag_there_is_no_test_subscriber_route() {
    let server = mall_server().await;
    let before = subscriber_count(&server);
    let r = create(&server, json!({ "phone": "15012345678", "points": 5000 })).await;
    expect_error(r, 404, "not_found").await;
    assert_eq!(subscriber_count(&server), before);
    // Nor is it in the OpenAPI document, with or without the flag.
    let doc = faults_server().await.get("/api/openapi.json").await;
    assert!(!doc.text().await.unwrap().contains("/api/_test/"));
}

#[tokio::test]
async fn a_new_phone_gets_an_eligible_subscriber_with_points_who_can_sign_in() {
    let server = faults_server().await;
    let body = created(
        &server,
        json!({ "phone": "150 1234 5678", "points": 5000, "star_level": 3, "name": "测试用户" }),
    )
    .await;
    assert_eq!(body["phone"], "15012345678", "{body}");
    assert_eq!(body["balance"], 5000, "{body}");
    let user = User::sign_in(&server, "15012345678").await;
    assert_eq!(body["id"], user.id);

    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["balance"], 5000, "{s}");
    assert_eq!(s["tier"]["star_level"], 3);
    assert!(s.get("account_blocked").is_none(), "{s}");
    // Points earned on day0 (2025) expire at the end of 2026.
    assert_eq!(
        s["next_expiry"],
        json!({ "points": 5000, "date": "2026-12-31" })
    );
    let me = user.json("/api/me").await;
    assert_eq!(me["nickname"], "测试用户", "{me}");
    assert_eq!(me["joined_on"], "2022-06-15", "{me}");
    // The tier page agrees with the star level: the level's lowest score.
    let tier = user.json("/api/me/tier").await;
    assert_eq!(tier["star_level"], 3, "{tier}");
    assert_eq!(tier["value_score"], 60, "{tier}");
    let ledger = user.json("/api/mall/ledger").await;
    assert_eq!(ledger["total"], 1);
    assert_eq!(ledger["entries"][0]["points"], 5000);

    // It can redeem at once.
    let credit = item_id(&db(&server), "credit-10");
    assert_eq!(user.redeem(credit, 1, &key()).await.status(), 201);
    assert!(user.balance().await < 5000);
}

#[tokio::test]
async fn posting_again_adds_points_and_updates_the_account() {
    let server = faults_server().await;
    let first = created(
        &server,
        json!({ "phone": "15087654321", "points": 5000, "star_level": 3 }),
    )
    .await;
    let user = User::sign_in(&server, "15087654321").await;
    assert_eq!(user.json("/api/me").await["nickname"], "用户4321");
    let before = subscriber_count(&server);

    let again = created(
        &server,
        json!({ "phone": "+86 150-8765-4321", "points": 1200, "star_level": 5,
                "in_arrears": true, "joined_on": "2020-01-01" }),
    )
    .await;
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["balance"], 6200, "{again}");
    assert_eq!(subscriber_count(&server), before);

    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["balance"], 6200);
    assert_eq!(s["tier"]["star_level"], 5);
    assert_eq!(s["account_blocked"], "in_arrears");
    let me = user.json("/api/me").await;
    assert_eq!(me["joined_on"], "2020-01-01");
    // No name given: the nickname stays.
    assert_eq!(me["nickname"], "用户4321");

    // Zero points changes the account only.
    let third = created(
        &server,
        json!({ "phone": "15087654321", "points": 0, "star_level": 2, "verified": false }),
    )
    .await;
    assert_eq!(third["balance"], 6200);
    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["tier"]["star_level"], 2);
    assert_eq!(s["account_blocked"], "not_verified");
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let server = faults_server().await;
    let before = subscriber_count(&server);
    for phone in ["12345", "12012345678", "1501234567x", ""] {
        let r = create(&server, json!({ "phone": phone, "points": 10 })).await;
        expect_error(r, 400, "invalid_phone").await;
    }
    for body in [
        json!({ "phone": "15011112222", "star_level": 0 }),
        json!({ "phone": "15011112222", "star_level": 6 }),
        json!({ "phone": "15011112222", "points": -1 }),
        json!({ "phone": "15011112222", "name": "  " }),
        json!({ "phone": "15011112222", "starLevel": 3 }),
        json!({ "phone": "15011112222", "birthday": "2025-06-16" }),
        json!({ "phone": "15011112222", "birthday": "15 June" }),
        json!({ "points": 10 }),
    ] {
        expect_error(create(&server, body).await, 400, "bad_request").await;
    }
    assert_eq!(subscriber_count(&server), before);
}

#[tokio::test]
async fn a_subscriber_born_on_the_mall_s_today_gets_the_birthday_moment_and_its_gift() {
    let server = faults_server().await;
    let today = server.config.clock.today();
    created(
        &server,
        json!({ "phone": "15066667777", "birthday": today, "joined_on": "2020-03-10" }),
    )
    .await;
    let user = User::sign_in(&server, "15066667777").await;
    let home: HomeSummary = user.fetch("/api/home").await;
    let birthday: Vec<_> = home
        .moments
        .iter()
        .filter(|m| m.kind == MessageKind::Birthday)
        .collect();
    assert_eq!(birthday.len(), 1, "{:?}", home.moments);
    assert_eq!(birthday[0].params.on, Some(today));
    assert!(birthday[0].message_id.is_some(), "delivered to the inbox");
    assert_eq!(
        birthday[0].gift_points,
        Some(server.config.care.birthday_gift_points)
    );
    assert!(server.config.care.birthday_gift_points > 0);

    // Posting again without a birthday leaves the subscriber without one (the account is
    // what the last post said, as with the join date)...
    created(&server, json!({ "phone": "15066667777" })).await;
    let stored: Option<String> = db(&server)
        .query_row(
            "SELECT birthday FROM subscribers WHERE phone = '15066667777'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, None);
    // ...and posting one sets it on the existing subscriber.
    created(
        &server,
        json!({ "phone": "15066667777", "birthday": "1960-06-15" }),
    )
    .await;
    let stored: Option<String> = db(&server)
        .query_row(
            "SELECT birthday FROM subscribers WHERE phone = '15066667777'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored.as_deref(), Some("1960-06-15"));
}
