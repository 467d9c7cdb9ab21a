//! The OpenAPI document and demo seeding.

mod common;
mod mall_support;

use std::path::PathBuf;

use common::*;
use mall_support::*;
use serde_json::Value;

#[test]
fn docs_openapi_json_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/openapi.json");
    let expected = care_server::openapi_json();
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/openapi.json is stale or missing. Regenerate it from the workspace root with:\n\n    \
         cargo run -q -p care-server -- --print-openapi > docs/openapi.json\n"
    );
}

#[tokio::test]
async fn the_openapi_document_is_served_and_lists_the_endpoints() {
    let server = start(|_| {}).await;
    let response = server.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/meta",
        "/api/auth/code",
        "/api/auth/sign-in",
        "/api/auth/sign-out",
        "/api/me",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    for schema in ["ApiError", "ErrorCode", "CodeSent", "Profile", "ServerInfo"] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "{schema} missing"
        );
    }
    assert!(doc["paths"].get("/api/_test/faults").is_none());
}

#[tokio::test]
async fn demo_seeding_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let count = |path: PathBuf| {
        let conn = rusqlite::Connection::open(path).unwrap();
        let subscribers: i64 = conn
            .query_row("SELECT count(*) FROM subscribers", [], |r| r.get(0))
            .unwrap();
        let contacts: i64 = conn
            .query_row("SELECT count(*) FROM family_contacts", [], |r| r.get(0))
            .unwrap();
        (subscribers, contacts)
    };
    let first = start_in(dir.path(), |_| {}).await;
    first.stop().await;
    let after_first = count(dir.path().join("care.sqlite3"));
    assert_eq!(after_first, (5, 1));

    let second = start_in(dir.path(), |_| {}).await;
    // The staff member is there and signs in.
    let cookie = signed_in(&second, "13300133000").await;
    let profile: Value = second
        .get_with_cookie("/api/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["is_staff"], true);
    second.stop().await;
    assert_eq!(count(dir.path().join("care.sqlite3")), after_first);
}

#[tokio::test]
async fn the_new_user_joined_recently() {
    let server = start(|_| {}).await;
    let cookie = signed_in(&server, "13600136000").await;
    let profile: Value = server
        .get_with_cookie("/api/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    let joined =
        chrono::NaiveDate::parse_from_str(profile["joined_on"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    let days = (chrono::Local::now().date_naive() - joined).num_days();
    assert!((55..=65).contains(&days), "{days}");
}

#[test]
fn the_openapi_document_lists_the_mall() {
    let doc = care_server::openapi_json();
    for path in [
        "/api/mall/summary",
        "/api/mall/ledger",
        "/api/mall/check-in",
        "/api/mall/items",
        "/api/mall/items/{id}",
        "/api/mall/redemptions",
        "/api/mall/orders",
        "/api/mall/orders/{id}",
        "/api/mall/orders/{id}/cancel",
        "/api/mall/address",
        "/api/mall/charity",
        "/api/mall/donations",
    ] {
        assert!(doc.contains(&format!("\"{path}\"")), "{path} missing");
    }
}

#[tokio::test]
async fn seeding_the_mall_again_on_another_day_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let counts = |path: std::path::PathBuf| {
        let conn = rusqlite::Connection::open(path).unwrap();
        [
            "mall_items",
            "charity_projects",
            "point_ledger",
            "point_lots",
            "check_ins",
        ]
        .map(|t| count(&conn, &format!("SELECT count(*) FROM {t}")))
    };
    let first = start_in(dir.path(), |c| c.clock.set_china_noon(day0())).await;
    first.stop().await;
    let after_first = counts(dir.path().join("care.sqlite3"));
    assert_eq!(after_first[0], 13);
    let second = start_in(dir.path(), |c| c.clock.set_china_noon(plus(3))).await;
    second.stop().await;
    assert_eq!(counts(dir.path().join("care.sqlite3")), after_first);
}
