//! Helpers for the care tests: a demo server with its clock pinned in China time, fresh
//! members with the profile a test needs (birthday, join date, when the account was made,
//! written straight into the database), and typed calls for the care endpoints.
#![allow(dead_code)]

use care_contract::care::{CareMessage, HomeSummary, InboxPage, MessageKind, Preferences};
use care_contract::time::china_midnight;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use reqwest::Response;
use rusqlite::params;
use serde_json::Value;

use crate::common::*;
use crate::community_support::{db, decode, Member};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `h:min` on the China clock of a day.
pub fn china(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    china_midnight(d(y, m, day)) + Duration::minutes(i64::from(h * 60 + min))
}

/// A demo server whose clock stands at `at`, sign-in limits out of the way.
pub async fn care_server_at(at: DateTime<Utc>) -> TestServer {
    start(|c| {
        c.clock.set(at);
        c.enable_faults = true;
        c.codes_per_ip_per_hour = 10_000;
        c.codes_per_phone_per_hour = 10_000;
        c.code_resend_secs = 0;
    })
    .await
}

pub fn set_clock(server: &TestServer, at: DateTime<Utc>) {
    server.config.clock.set(at);
}

/// A new member who joined on `joined_on` (the account made that day at noon, China
/// time: no new-user guide) with this birthday.
pub async fn member(
    server: &TestServer,
    birthday: Option<NaiveDate>,
    joined_on: NaiveDate,
) -> Member {
    let m = Member::fresh(server).await;
    let made = china_midnight(joined_on) + Duration::hours(12);
    db(server)
        .execute(
            "UPDATE subscribers SET birthday = ?2, joined_on = ?3, created_at = ?4 WHERE id = ?1",
            params![m.id, birthday, joined_on, made.timestamp_millis()],
        )
        .unwrap();
    m
}

/// Sets when the member's account was made (sign-in stamps it with the real time, not the
/// pinned clock).
pub fn made_at(server: &TestServer, m: &Member, at: DateTime<Utc>) {
    db(server)
        .execute(
            "UPDATE subscribers SET created_at = ?2 WHERE id = ?1",
            params![m.id, at.timestamp_millis()],
        )
        .unwrap();
}

pub async fn inbox(m: &Member) -> InboxPage {
    m.fetch("/api/care/inbox").await
}

pub async fn home(m: &Member) -> HomeSummary {
    m.fetch("/api/home").await
}

pub async fn preferences(m: &Member) -> Preferences {
    m.fetch("/api/care/preferences").await
}

/// Sets preferences (must be accepted).
pub async fn set_preferences(m: &Member, body: Value) -> Preferences {
    decode(m.put("/api/care/preferences", body).await, 200).await
}

pub async fn claim(m: &Member, id: i64) -> Response {
    m.post(&format!("/api/care/inbox/{id}/claim"), Value::Null)
        .await
}

/// The inbox's messages of one kind.
pub async fn of_kind(m: &Member, kind: MessageKind) -> Vec<CareMessage> {
    inbox(m)
        .await
        .messages
        .into_iter()
        .filter(|x| x.kind == kind)
        .collect()
}

/// The member's ledger entries of a kind.
pub fn ledger_entries(server: &TestServer, m: &Member, kind: &str) -> i64 {
    db(server)
        .query_row(
            "SELECT COUNT(*) FROM point_ledger WHERE subscriber_id = ?1 AND kind = ?2",
            params![m.id, kind],
            |r| r.get(0),
        )
        .unwrap()
}
