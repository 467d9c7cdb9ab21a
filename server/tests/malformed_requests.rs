//! Every kind of malformed request answers the contract's JSON error body with the status
//! its code maps to, never axum's plain text: a bad path parameter, a bad query, a body
//! without the JSON content type, a body too large, invalid JSON, an unknown route, a
//! wrong method.

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

async fn send(
    server: &TestServer,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let mut request = server.client.request(method, server.url(path)).body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[tokio::test]
async fn a_path_parameter_that_does_not_parse_is_a_json_400() {
    let server = start(|_| {}).await;
    for path in [
        "/api/mall/items/9223372036854775808",
        "/api/mall/items/abc",
        "/api/mall/items/1.5",
        "/api/mall/items/%FF",
    ] {
        let body = expect_error(server.get(path).await, 400, "bad_request").await;
        assert!(!body.message.is_empty(), "{path}");
    }
    // Signed in, on a route that also takes a body.
    let cookie = signed_in(&server, "13300133000").await;
    let r = send(
        &server,
        Method::POST,
        "/api/mall/staff/orders/x/advance",
        &[JSON, ("cookie", &cookie)],
        "{}",
    )
    .await;
    expect_error(r, 400, "bad_request").await;
}

#[tokio::test]
async fn a_query_that_does_not_parse_is_a_json_400() {
    let server = start(|_| {}).await;
    for path in [
        "/api/mall/items?page=x",
        "/api/mall/items?page=-1",
        "/api/mall/items?sort=cheapest",
        "/api/mall/items?per_page=99999999999",
    ] {
        expect_error(server.get(path).await, 400, "bad_request").await;
    }
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_is_a_json_415() {
    let server = start(|_| {}).await;
    let body = json!({ "phone": PHONE }).to_string();
    let missing = send(&server, Method::POST, "/api/auth/code", &[], body.clone()).await;
    expect_error(missing, 415, "unsupported_media_type").await;
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let wrong = send(
            &server,
            Method::POST,
            "/api/auth/code",
            &[("content-type", content_type)],
            body.clone(),
        )
        .await;
        expect_error(wrong, 415, "unsupported_media_type").await;
    }
    // A JSON type with parameters is JSON.
    let charset = send(
        &server,
        Method::POST,
        "/api/auth/code",
        &[("content-type", "application/json; charset=utf-8")],
        body,
    )
    .await;
    assert_eq!(charset.status(), 200);
}

#[tokio::test]
async fn a_body_too_large_is_a_json_413() {
    let server = start(|_| {}).await;
    // axum's default limit is 2 MiB.
    let big = format!(
        "{{\"phone\": \"{PHONE}\", \"pad\": \"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    let r = send(&server, Method::POST, "/api/auth/code", &[JSON], big).await;
    expect_error(r, 413, "payload_too_large").await;
}

#[tokio::test]
async fn invalid_json_is_a_json_400() {
    let server = start(|_| {}).await;
    for body in [
        "",
        "{\"phone\": ",
        "[]",
        "{\"phone\": 13800138000}",
        "{\"code\": \"246810\"}",
    ] {
        let r = send(&server, Method::POST, "/api/auth/sign-in", &[JSON], body).await;
        expect_error(r, 400, "bad_request").await;
    }
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404_whatever_the_method() {
    let server = start(|_| {}).await;
    for (method, path) in [
        (Method::GET, "/api/nope"),
        (Method::POST, "/api/nope"),
        (Method::DELETE, "/api/mall/items/1/extra"),
        (Method::GET, "/api/_test/faults"),
    ] {
        let r = send(&server, method, path, &[], "").await;
        expect_error(r, 404, "not_found").await;
    }
}

#[tokio::test]
async fn a_wrong_method_is_a_json_405() {
    let server = start(|_| {}).await;
    for (method, path) in [
        (Method::DELETE, "/api/meta"),
        (Method::GET, "/api/auth/code"),
        (Method::POST, "/api/mall/items"),
        (Method::PUT, "/api/mall/items/1"),
        (Method::GET, "/api/mall/donations"),
    ] {
        let r = send(&server, method, path, &[], "").await;
        expect_error(r, 405, "method_not_allowed").await;
    }
}
