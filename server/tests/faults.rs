//! The test-only fault switch.

mod common;
mod mall_support;

use std::time::{Duration, Instant};

use common::*;
use mall_support::*;
use serde_json::{json, Value};

async fn put_fault(server: &TestServer, rule: Value) -> reqwest::Response {
    server
        .client
        .put(server.url("/api/_test/faults"))
        .json(&rule)
        .send()
        .await
        .unwrap()
}

async fn clear_faults(server: &TestServer) -> reqwest::Response {
    server
        .client
        .delete(server.url("/api/_test/faults"))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn without_the_flag_the_switch_does_not_exist() {
    let server = start(|_| {}).await;
    let response = put_fault(&server, json!({ "path": "/api/meta", "mode": "error" })).await;
    expect_error(response, 404, "not_found").await;
    expect_error(clear_faults(&server).await, 404, "not_found").await;
    assert_eq!(server.get("/api/meta").await.status(), 200);
}

#[tokio::test]
async fn error_faults_answer_500_and_delete_clears_them() {
    let server = start(|c| c.enable_faults = true).await;
    let set = put_fault(&server, json!({ "path": "/api/meta", "mode": "error" })).await;
    assert_eq!(set.status(), 200);
    expect_error(server.get("/api/meta").await, 500, "internal").await;
    // Other paths are untouched.
    assert_eq!(server.get("/api/openapi.json").await.status(), 200);

    assert_eq!(clear_faults(&server).await.status(), 204);
    assert_eq!(server.get("/api/meta").await.status(), 200);
}

#[tokio::test]
async fn malformed_faults_answer_broken_json() {
    let server = start(|c| c.enable_faults = true).await;
    put_fault(&server, json!({ "path": "/api/meta", "mode": "malformed" })).await;
    let response = server.get("/api/meta").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let text = response.text().await.unwrap();
    assert_eq!(text, "{\"oops\": ");
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn stall_faults_delay_then_answer_normally() {
    let server = start(|c| c.enable_faults = true).await;
    put_fault(
        &server,
        json!({ "path": "/api/meta", "mode": "stall", "stall_ms": 400 }),
    )
    .await;
    let started = Instant::now();
    let response = server.get("/api/meta").await;
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(response.status(), 200);
    let meta: Value = response.json().await.unwrap();
    assert_eq!(meta["hotline"], "10000");
}

#[tokio::test]
async fn stall_after_faults_do_the_work_then_lose_the_answer() {
    let server = start(|c| c.enable_faults = true).await;
    put_fault(
        &server,
        json!({ "path": "/api/auth/code", "mode": "stall_after", "stall_ms": 2000 }),
    )
    .await;
    let impatient = server
        .client
        .post(server.url("/api/auth/code"))
        .json(&json!({ "phone": PHONE }))
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(impatient.is_err(), "the answer should come too late");
    // The code was sent even though its answer was lost: asking again at once is too soon.
    assert_eq!(clear_faults(&server).await.status(), 204);
    expect_error(server.request_code(PHONE).await, 429, "rate_limited").await;
}

#[tokio::test]
async fn method_filters_and_replacement() {
    let server = start(|c| c.enable_faults = true).await;
    put_fault(
        &server,
        json!({ "path": "/api/auth/code", "mode": "error", "method": "POST" }),
    )
    .await;
    expect_error(server.request_code(PHONE).await, 500, "internal").await;
    // A GET to the same path is not affected (405 from the router, not a fault).
    assert_eq!(server.get("/api/auth/code").await.status(), 405);
    // A new rule for the same target replaces the old one.
    let rules: Value = put_fault(
        &server,
        json!({ "path": "/api/auth/code", "mode": "malformed", "method": "post" }),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(rules.as_array().unwrap().len(), 1);
    assert_eq!(
        server.request_code(PHONE).await.text().await.unwrap(),
        "{\"oops\": "
    );
}

#[tokio::test]
async fn the_switch_itself_is_never_faulted() {
    let server = start(|c| c.enable_faults = true).await;
    put_fault(&server, json!({ "path": "/api/*", "mode": "error" })).await;
    expect_error(server.get("/api/me").await, 500, "internal").await;
    // Every test-only route stays usable, so a test can still set up and repair.
    let pin = server
        .client
        .put(server.url("/api/_test/clock"))
        .json(&json!({ "now": "2026-11-23T02:00:00Z" }))
        .send()
        .await
        .unwrap();
    assert_eq!(pin.status(), 204);
    assert_eq!(clear_faults(&server).await.status(), 204);
    expect_error(server.get("/api/me").await, 401, "unauthenticated").await;
}

#[tokio::test]
async fn bad_rules_are_refused() {
    let server = start(|c| c.enable_faults = true).await;
    let response = put_fault(&server, json!({ "path": "/api/meta", "mode": "explode" })).await;
    expect_error(response, 400, "bad_request").await;
    let response = put_fault(&server, json!({ "path": "api/meta", "mode": "error" })).await;
    expect_error(response, 400, "bad_request").await;
}

#[tokio::test]
async fn with_faults_enabled_the_mall_clock_can_be_pinned_over_http() {
    let server = start(|c| c.enable_faults = true).await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let r = server
        .client
        .put(server.url("/api/_test/clock"))
        .json(&json!({ "now": "2030-02-01T04:00:00Z" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(zhang.json("/api/mall/summary").await["today"], "2030-02-01");
    let r = server
        .client
        .delete(server.url("/api/_test/clock"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(!server.config.clock.is_pinned());
    // Without the flag the route does not exist.
    let plain = mall_server().await;
    let r = plain
        .client
        .put(plain.url("/api/_test/clock"))
        .json(&json!({ "now": "2030-02-01T04:00:00Z" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}
