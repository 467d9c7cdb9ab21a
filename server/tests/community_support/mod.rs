//! Helpers for the community tests: a demo server with its clock pinned, signed-in
//! members, typed calls for the common steps, and direct looks at the database.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use care_contract::community::{
    Reply, ReplyCreated, ThreadCreated, ThreadDetail, ThreadPage, ThreadView, VoteResult,
};
use chrono::{DateTime, TimeZone, Utc};
use reqwest::header::COOKIE;
use reqwest::Response;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::common::*;

pub const ZHANG: &str = "13800138000";
pub const WANG: &str = "13900139000";
pub const LI: &str = "13600136000";
pub const STAFF: &str = "13300133000";
pub const CHEN: &str = "13500135000";

/// Seeded boards, by id on a fresh demo database.
pub const TECH_SUPPORT: i64 = 1;
pub const FEATURE_IDEAS: i64 = 2;
pub const EVENTS: i64 = 3;
pub const TUTORIALS: i64 = 4;
pub const PLANS: i64 = 5;
pub const IDEA_CALLS: i64 = 6;

/// Seeded threads, by id.
pub const BROADBAND_THREAD: i64 = 1;
pub const SIGNAL_THREAD: i64 = 2;
pub const DATA_PLAN_THREAD: i64 = 3;
pub const PLANS_THREAD: i64 = 4;
pub const TENURE_EVENT_THREAD: i64 = 7;
pub const OPEN_DAY_POLL_THREAD: i64 = 8;
pub const CLOSED_IDEA_CALL_THREAD: i64 = 11;
pub const OPEN_IDEA_CALL_THREAD: i64 = 12;

/// The instant every community test starts at (noon in China, 15 June 2025).
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 15, 4, 0, 0).unwrap()
}

pub const MINUTE: i64 = 60;

/// A demo server whose clock stands at `t0()` (before seeding).
pub async fn community_server() -> TestServer {
    community_server_with(|_| {}).await
}

pub async fn community_server_with(adjust: impl FnOnce(&mut care_server::Config)) -> TestServer {
    start(|c| {
        c.clock.set(t0());
        c.codes_per_ip_per_hour = 10_000;
        c.codes_per_phone_per_hour = 10_000;
        c.code_resend_secs = 0;
        adjust(c);
    })
    .await
}

/// Moves the server's clock on by `secs` seconds.
pub fn later(server: &TestServer, secs: i64) {
    let now = server.config.clock.now();
    server
        .config
        .clock
        .set(now + chrono::Duration::seconds(secs));
}

/// A fresh idempotency key.
pub fn key() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!(
        "post-{}-{:012}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A phone no other test uses: 15x numbers, counted up.
pub fn fresh_phone() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!("1570000{:04}", N.fetch_add(1, Ordering::Relaxed))
}

/// A signed-in member's view of the API.
#[derive(Clone)]
pub struct Member {
    pub client: reqwest::Client,
    pub base: String,
    pub cookie: String,
    pub id: i64,
}

impl Member {
    pub async fn sign_in(server: &TestServer, phone: &str) -> Member {
        let cookie = signed_in(server, phone).await;
        let id = db(server)
            .query_row(
                "SELECT id FROM subscribers WHERE phone = ?1",
                [phone],
                |r| r.get(0),
            )
            .unwrap();
        Member {
            client: server.client.clone(),
            base: server.base.clone(),
            cookie,
            id,
        }
    }

    /// A new member (a phone no one has used).
    pub async fn fresh(server: &TestServer) -> Member {
        Member::sign_in(server, &fresh_phone()).await
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        let r = self.client.get(self.url(path)).header(COOKIE, &self.cookie);
        r.send().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        let r = self
            .client
            .post(self.url(path))
            .header(COOKIE, &self.cookie);
        r.json(&body).send().await.unwrap()
    }

    pub async fn put(&self, path: &str, body: Value) -> Response {
        let r = self.client.put(self.url(path)).header(COOKIE, &self.cookie);
        r.json(&body).send().await.unwrap()
    }

    pub async fn delete(&self, path: &str) -> Response {
        let r = self
            .client
            .delete(self.url(path))
            .header(COOKIE, &self.cookie);
        r.send().await.unwrap()
    }

    /// GET that must answer 200, decoded as the contract's type.
    pub async fn fetch<T: DeserializeOwned>(&self, path: &str) -> T {
        decode(self.get(path).await, 200).await
    }

    pub async fn thread(&self, id: i64) -> ThreadView {
        self.fetch(&format!("/api/community/threads/{id}")).await
    }

    pub async fn threads(&self, query: &str) -> ThreadPage {
        self.fetch(&format!("/api/community/threads{query}")).await
    }

    pub async fn create_thread(
        &self,
        board_id: i64,
        title: &str,
        body: &str,
        key: &str,
    ) -> Response {
        self.post(
            "/api/community/threads",
            json!({ "board_id": board_id, "title": title, "body": body, "idempotency_key": key }),
        )
        .await
    }

    /// Starts a thread that must be made now (201).
    pub async fn new_thread(&self, board_id: i64, title: &str, body: &str) -> ThreadDetail {
        let made: ThreadCreated =
            decode(self.create_thread(board_id, title, body, &key()).await, 201).await;
        assert!(!made.replayed);
        made.thread
    }

    pub async fn reply_to(
        &self,
        thread_id: i64,
        body: &str,
        parent_id: Option<i64>,
        key: &str,
    ) -> Response {
        let mut req = json!({ "body": body, "idempotency_key": key });
        if let Some(p) = parent_id {
            req["parent_id"] = json!(p);
        }
        self.post(&format!("/api/community/threads/{thread_id}/replies"), req)
            .await
    }

    /// Replies; must be made now (201).
    pub async fn new_reply(&self, thread_id: i64, body: &str, parent_id: Option<i64>) -> Reply {
        let made: ReplyCreated =
            decode(self.reply_to(thread_id, body, parent_id, &key()).await, 201).await;
        made.reply
    }

    pub async fn vote(&self, kind: &str, id: i64, vote: &str) -> Response {
        self.put(
            &format!("/api/community/{}/{id}/vote", plural(kind)),
            json!({ "vote": vote }),
        )
        .await
    }

    /// Votes; must be accepted.
    pub async fn voted(&self, kind: &str, id: i64, vote: &str) -> VoteResult {
        decode(self.vote(kind, id, vote).await, 200).await
    }

    pub async fn moderate(
        &self,
        kind: &str,
        id: i64,
        action: &str,
        note: Option<&str>,
    ) -> Response {
        let mut body = json!({ "action": action });
        if let Some(note) = note {
            body["note"] = json!(note);
        }
        self.post(
            &format!("/api/community/moderation/{}/{id}", plural(kind)),
            body,
        )
        .await
    }
}

/// `thread` → `threads`, `reply` → `replies` (path segments).
pub fn plural(kind: &str) -> &'static str {
    match kind {
        "thread" => "threads",
        "reply" => "replies",
        other => panic!("not a post kind: {other}"),
    }
}

/// A response that must have this status, decoded as the contract's type.
pub async fn decode<T: DeserializeOwned>(response: Response, status: u16) -> T {
    let url = response.url().clone();
    let got = response.status().as_u16();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "{url}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: {e}: {text}"))
}

/// An anonymous GET that must answer 200, decoded.
pub async fn public<T: DeserializeOwned>(server: &TestServer, path: &str) -> T {
    decode(server.get(path).await, 200).await
}

pub fn db(server: &TestServer) -> Connection {
    let conn = Connection::open(&server.config.db_path).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every community table's row count and every post's state and counts: what a refused
/// request must leave as it was.
/// A thread as a snapshot sees it: id, title, body, state, score, latest activity,
/// locked, pinned, best answer.
pub type ThreadRowSnap = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    bool,
    bool,
    Option<i64>,
);

#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub counts: Vec<i64>,
    pub threads: Vec<ThreadRowSnap>,
    pub replies: Vec<(i64, String, String, i64, Option<i64>)>,
}

pub fn snapshot(conn: &Connection) -> Snapshot {
    let counts = [
        "community_threads",
        "community_replies",
        "community_votes",
        "community_polls",
        "community_poll_options",
        "community_poll_votes",
        "community_reports",
        "community_moderation_log",
        "point_ledger",
        "point_lots",
    ]
    .iter()
    .map(|t| count(conn, &format!("SELECT count(*) FROM {t}")))
    .collect();
    let mut stmt = conn
        .prepare(
            "SELECT id, title, body, state, score, last_activity_at, locked, pinned, best_reply_id
             FROM community_threads ORDER BY id",
        )
        .unwrap();
    let threads = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut stmt = conn
        .prepare("SELECT id, body, state, score, adopted_points FROM community_replies ORDER BY id")
        .unwrap();
    let replies = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Snapshot {
        counts,
        threads,
        replies,
    }
}

/// Text of `n` characters (Chinese: a character is not a byte).
pub fn chars(n: usize) -> String {
    "字".repeat(n)
}
