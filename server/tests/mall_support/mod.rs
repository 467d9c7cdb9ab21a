//! Helpers for the points-mall tests: a signed-in client, direct database fixtures
//! (items, points lots, account flags) and a clock pinned to a fixed day.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use care_contract::mall::{LedgerPage, MallItem, MallSummary};
use chrono::NaiveDate;
use reqwest::header::COOKIE;
use reqwest::Response;
use rusqlite::{params, Connection};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::common::*;

pub const ZHANG: &str = "13800138000";
pub const WANG: &str = "13900139000";
pub const LI: &str = "13600136000";
pub const STAFF: &str = "13300133000";
pub const CHEN: &str = "13500135000";

/// 张小明's seeded points: six bills × 1.5, 800 tenure (expiring in 35 days), 376 + 300 +
/// 200 + 500 of other kinds and three check-ins; 120 more expired 20 days ago.
pub const ZHANG_BALANCE: i64 = 1640 + 800 + 376 + 300 + 200 + 500 + 30;

/// The day every mall test starts on (noon in China).
pub fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
}

pub fn plus(days: i64) -> NaiveDate {
    day0() + chrono::Duration::days(days)
}

/// A demo server whose mall clock stands at noon on `day0()` (before seeding).
pub async fn mall_server() -> TestServer {
    mall_server_with(|_| {}).await
}

pub async fn mall_server_with(adjust: impl FnOnce(&mut care_server::Config)) -> TestServer {
    start(|c| {
        c.clock.set_china_noon(day0());
        c.codes_per_ip_per_hour = 10_000;
        c.codes_per_phone_per_hour = 10_000;
        c.code_resend_secs = 0;
        adjust(c);
    })
    .await
}

/// A fresh idempotency key.
pub fn key() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!(
        "test-{}-{:012}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A signed-in user's view of the API.
#[derive(Clone)]
pub struct User {
    pub client: reqwest::Client,
    pub base: String,
    pub cookie: String,
    pub id: i64,
}

impl User {
    pub async fn sign_in(server: &TestServer, phone: &str) -> User {
        let cookie = signed_in(server, phone).await;
        let conn = db(server);
        let id = conn
            .query_row(
                "SELECT id FROM subscribers WHERE phone = ?1",
                [phone],
                |r| r.get(0),
            )
            .unwrap();
        User {
            client: server.client.clone(),
            base: server.base.clone(),
            cookie,
            id,
        }
    }

    /// A new subscriber old enough to redeem, with `star` stars and `points` points
    /// expiring a year after `day0()`.
    pub async fn eligible(server: &TestServer, phone: &str, star: u8, points: i64) -> User {
        let user = User::sign_in(server, phone).await;
        let conn = db(server);
        conn.execute(
            "UPDATE subscribers SET joined_on = '2015-01-01', star_level = ?2 WHERE id = ?1",
            params![user.id, star],
        )
        .unwrap();
        if points > 0 {
            grant(&conn, user.id, points, plus(365));
        }
        user
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.client
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, body: Value) -> Response {
        self.client
            .put(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// GET that must answer 200; the raw JSON body (for checks of the JSON's shape).
    pub async fn json(&self, path: &str) -> Value {
        self.fetch(path).await
    }

    /// GET that must answer 200, decoded as the contract's type.
    pub async fn fetch<T: DeserializeOwned>(&self, path: &str) -> T {
        decode(self.get(path).await, 200).await
    }

    pub async fn summary(&self) -> MallSummary {
        self.fetch("/api/mall/summary").await
    }

    /// `GET /api/mall/ledger` with this query string (`""`, `"?kind=expiry"`).
    pub async fn ledger(&self, query: &str) -> LedgerPage {
        self.fetch(&format!("/api/mall/ledger{query}")).await
    }

    pub async fn item(&self, id: i64) -> MallItem {
        self.fetch(&format!("/api/mall/items/{id}")).await
    }

    pub async fn balance(&self) -> i64 {
        self.summary().await.balance
    }

    pub async fn redeem(&self, item_id: i64, quantity: u32, key: &str) -> Response {
        self.post(
            "/api/mall/redemptions",
            json!({ "item_id": item_id, "quantity": quantity, "idempotency_key": key }),
        )
        .await
    }

    pub async fn redeem_to(
        &self,
        item_id: i64,
        quantity: u32,
        key: &str,
        address: Value,
    ) -> Response {
        self.post(
            "/api/mall/redemptions",
            json!({ "item_id": item_id, "quantity": quantity, "idempotency_key": key, "address": address }),
        )
        .await
    }
}

/// A response that must have this status, decoded as the contract's type.
pub async fn decode<T: DeserializeOwned>(response: Response, status: u16) -> T {
    let url = response.url().clone();
    assert_eq!(response.status().as_u16(), status, "{url}");
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: {e}: {text}"))
}

pub fn address() -> Value {
    json!({
        "name": "张小明",
        "phone": "138 0013 8000",
        "region": "广东省 广州市 天河区",
        "detail": "天河路 385 号 1201 室"
    })
}

pub fn db(server: &TestServer) -> Connection {
    let conn = Connection::open(&server.config.db_path).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

pub fn item_id(conn: &Connection, sku: &str) -> i64 {
    conn.query_row("SELECT id FROM mall_items WHERE sku = ?1", [sku], |r| {
        r.get(0)
    })
    .unwrap()
}

/// Adds an instant (or physical) item; returns its id.
pub fn add_item(
    conn: &Connection,
    sku: &str,
    points: i64,
    stock: Option<i64>,
    limit: u32,
    physical: bool,
) -> i64 {
    conn.execute(
        "INSERT INTO mall_items (sku, category, name_zh, name_en, description_zh, description_en,
             points, stock, per_customer_limit, delivery, created_at)
         VALUES (?1, ?2, ?1, ?1, '测试', 'test', ?3, ?4, ?5, ?6, 0)",
        params![
            sku,
            if physical { "physical" } else { "phone_credit" },
            points,
            stock,
            limit,
            if physical { "physical" } else { "instant" }
        ],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// Gives a subscriber `points` that count until `expires_on` (a `tenure` entry).
pub fn grant(conn: &Connection, subscriber_id: i64, points: i64, expires_on: NaiveDate) {
    conn.execute(
        "INSERT INTO point_ledger (subscriber_id, kind, points, occurred_at, occurred_on, title_zh,
             title_en, expires_on)
         VALUES (?1, 'tenure', ?2, 0, '2025-01-01', '测试', 'test', ?3)",
        params![subscriber_id, points, expires_on],
    )
    .unwrap();
    let ledger_id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO point_lots (subscriber_id, ledger_id, amount, remaining, expires_on)
         VALUES (?1, ?2, ?3, ?3, ?4)",
        params![subscriber_id, ledger_id, points, expires_on],
    )
    .unwrap();
}

pub fn stock(conn: &Connection, item_id: i64) -> Option<i64> {
    conn.query_row(
        "SELECT stock FROM mall_items WHERE id = ?1",
        [item_id],
        |r| r.get(0),
    )
    .unwrap()
}

pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything a failed request must leave alone.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub lots: Vec<(i64, i64)>,
    pub stock: Vec<(i64, Option<i64>)>,
    pub orders: i64,
    pub ledger: i64,
    pub donations: i64,
    pub addresses: i64,
}

pub fn snapshot(conn: &Connection) -> Snapshot {
    let pairs = |sql: &str| -> Vec<(i64, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut stmt = conn
        .prepare("SELECT id, stock FROM mall_items ORDER BY id")
        .unwrap();
    let stock = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Snapshot {
        lots: pairs("SELECT id, remaining FROM point_lots ORDER BY id"),
        stock,
        orders: count(conn, "SELECT count(*) FROM mall_orders"),
        ledger: count(conn, "SELECT count(*) FROM point_ledger"),
        donations: count(conn, "SELECT count(*) FROM donations"),
        addresses: count(conn, "SELECT count(*) FROM delivery_addresses"),
    }
}
