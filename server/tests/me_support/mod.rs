//! Helpers for the "Me" tests: a demo server with its clock pinned, signed-in subscribers
//! and staff (the community's `Member`), and typed calls for the common steps.
#![allow(dead_code)]

use care_contract::me::{CallbackCreated, FamilyContactCreated};
use care_contract::{ApiError, ErrorCode};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reqwest::Response;
use serde_json::{json, Value};

use crate::common::*;
use crate::community_support::{decode, key, Member};

#[allow(unused_imports)]
pub use crate::community_support::{decode as decoded, fresh_phone, STAFF, WANG, ZHANG};

/// 10:00 in China on Friday 30 January 2026 (02:00 UTC).
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 30, 2, 0, 0).unwrap()
}

/// The China date at `t0()` plus `days`.
pub fn day(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 30).unwrap() + chrono::Duration::days(days)
}

/// A demo server whose clock stands at `t0()` (before seeding).
pub async fn me_server() -> TestServer {
    me_server_with(|_| {}).await
}

pub async fn me_server_with(adjust: impl FnOnce(&mut care_server::Config)) -> TestServer {
    start(|c| {
        c.clock.set(t0());
        c.codes_per_ip_per_hour = 10_000;
        c.codes_per_phone_per_hour = 10_000;
        c.code_resend_secs = 0;
        adjust(c);
    })
    .await
}

pub async fn refused_with(response: Response, status: u16, code: ErrorCode) -> ApiError {
    let e: ApiError = decode(response, status).await;
    assert_eq!(e.code, code, "{}", e.message);
    e
}

/// POSTs a family contact with a fresh key.
pub async fn try_add_contact(member: &Member, name: &str, phone: &str) -> Response {
    member
        .post(
            "/api/me/family-contacts",
            json!({ "name": name, "phone": phone, "idempotency_key": key() }),
        )
        .await
}

/// Adds a family contact that must be made now (201).
pub async fn add_contact(member: &Member, name: &str, phone: &str) -> FamilyContactCreated {
    let made: FamilyContactCreated = decode(try_add_contact(member, name, phone).await, 201).await;
    assert!(!made.replayed);
    made
}

/// A callback request's body, valid (tomorrow evening); change fields with `patch`.
pub fn callback_body(patch: Value) -> Value {
    let mut body = json!({
        "day": day(1),
        "window": "evening",
        "idempotency_key": key(),
    });
    for (k, v) in patch.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

/// Requests a callback that must be made now (201).
pub async fn request_callback(member: &Member, patch: Value) -> CallbackCreated {
    let made: CallbackCreated = decode(
        member.post("/api/me/callbacks", callback_body(patch)).await,
        201,
    )
    .await;
    assert!(!made.replayed);
    made
}
