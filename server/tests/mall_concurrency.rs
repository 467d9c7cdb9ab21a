//! Exactly once, never negative: parallel redemptions over real HTTP.

mod common;
mod mall_support;

use std::collections::{HashMap, HashSet};

use common::*;
use mall_support::*;
use serde_json::Value;

async fn run_all(tasks: Vec<tokio::task::JoinHandle<(u16, Value)>>) -> Vec<(u16, Value)> {
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

fn spawn_redeem(
    user: &User,
    item: i64,
    quantity: u32,
    key: String,
) -> tokio::task::JoinHandle<(u16, Value)> {
    let user = user.clone();
    tokio::spawn(async move {
        let r = user.redeem(item, quantity, &key).await;
        let status = r.status().as_u16();
        (status, r.json::<Value>().await.unwrap())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_redemptions_by_fifty_customers_of_five_left_make_exactly_five_orders() {
    let server = mall_server().await;
    let conn = db(&server);
    let item = add_item(&conn, "t-five-left", 100, Some(5), 1, false);
    let mut users = Vec::new();
    for n in 0..50 {
        users.push(User::eligible(&server, &format!("1500000{n:04}"), 3, 150).await);
    }
    let tasks = users
        .iter()
        .map(|u| spawn_redeem(u, item, 1, key()))
        .collect();
    let results = run_all(tasks).await;
    let mut by_status: HashMap<u16, usize> = HashMap::new();
    for (status, body) in &results {
        *by_status.entry(*status).or_default() += 1;
        if *status == 409 {
            assert_eq!(body["code"], "out_of_stock", "{body}");
        } else {
            assert_eq!(*status, 201, "{body}");
            // First exchange: 100 less 20%.
            assert_eq!(body["balance"], 70);
        }
    }
    assert_eq!(by_status.get(&201), Some(&5), "{by_status:?}");
    assert_eq!(by_status.get(&409), Some(&45), "{by_status:?}");
    assert_eq!(stock(&conn, item), Some(0));
    assert_eq!(
        count(
            &conn,
            &format!("SELECT count(*) FROM mall_orders WHERE item_id = {item}")
        ),
        5
    );
    let mut balances = Vec::new();
    for u in &users {
        balances.push(u.balance().await);
    }
    assert_eq!(balances.iter().filter(|b| **b == 70).count(), 5);
    assert_eq!(balances.iter().filter(|b| **b == 150).count(), 45);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM point_ledger WHERE kind = 'redemption'"
        ),
        5
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_redemptions_by_one_rich_customer_of_five_left_make_exactly_five_orders() {
    let server = mall_server().await;
    let conn = db(&server);
    let item = add_item(&conn, "t-five-left", 100, Some(5), 100, false);
    let user = User::eligible(&server, "15100000000", 3, 10_000).await;
    let tasks = (0..50)
        .map(|_| spawn_redeem(&user, item, 1, key()))
        .collect();
    let results = run_all(tasks).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let sold_out = results
        .iter()
        .filter(|(s, b)| *s == 409 && b["code"] == "out_of_stock")
        .count();
    assert_eq!((created, sold_out), (5, 45));
    assert_eq!(stock(&conn, item), Some(0));
    // One discounted first exchange (80) and four at 100.
    assert_eq!(user.balance().await, 10_000 - 80 - 4 * 100);
    let orders = user.json("/api/mall/orders").await;
    assert_eq!(orders["total"], 5);
    let discounted = orders["orders"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["discount_points"] != 0)
        .count();
    assert_eq!(discounted, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_requests_with_one_key_make_one_order_and_one_deduction() {
    let server = mall_server().await;
    let conn = db(&server);
    let item = add_item(&conn, "t-retry", 100, Some(30), 50, false);
    let user = User::eligible(&server, "15200000000", 3, 1_000).await;
    let k = key();
    let tasks = (0..20)
        .map(|_| spawn_redeem(&user, item, 2, k.clone()))
        .collect();
    let results = run_all(tasks).await;
    let ids: HashSet<i64> = results
        .iter()
        .map(|(_, b)| b["order"]["id"].as_i64().unwrap_or_else(|| panic!("{b}")))
        .collect();
    assert_eq!(ids.len(), 1, "every response carries the same order");
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let replayed = results
        .iter()
        .filter(|(s, b)| *s == 200 && b["replayed"] == true)
        .count();
    assert_eq!((created, replayed), (1, 19));
    // 2 × 100 less the first-exchange 20%, once.
    assert_eq!(user.balance().await, 1_000 - 160);
    assert_eq!(stock(&conn, item), Some(28));
    assert_eq!(user.json("/api/mall/orders").await["total"], 1);
    assert_eq!(
        user.json("/api/mall/ledger?kind=redemption").await["total"],
        1
    );
    // A retry later still answers the original order, even with the item sold out.
    conn.execute("UPDATE mall_items SET stock = 0 WHERE id = ?1", [item])
        .unwrap();
    let again = user.redeem(item, 2, &k).await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["order"]["id"], *ids.iter().next().unwrap());
    // The same key with a different body is a conflict and changes nothing.
    let before = snapshot(&conn);
    expect_error(user.redeem(item, 3, &k).await, 409, "idempotency_conflict").await;
    assert_eq!(snapshot(&conn), before);
    // Keys belong to their user: another user's identical key is a new redemption.
    let other = User::eligible(&server, "15200000001", 3, 1_000).await;
    conn.execute("UPDATE mall_items SET stock = 5 WHERE id = ?1", [item])
        .unwrap();
    assert_eq!(other.redeem(item, 2, &k).await.status(), 201);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_redemptions_beyond_the_balance_never_take_it_below_zero() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let item = add_item(&conn, "t-unlimited", 100, None, 100, false);
    let user = User::eligible(&server, "15300000000", 3, 0).await;
    // 250 points in three lots, one expiring sooner.
    grant(&conn, user.id, 100, plus(10));
    grant(&conn, user.id, 100, plus(200));
    grant(&conn, user.id, 50, plus(300));
    let tasks = (0..12)
        .map(|_| spawn_redeem(&user, item, 1, key()))
        .collect();
    let results = run_all(tasks).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let refused = results
        .iter()
        .filter(|(s, b)| *s == 409 && b["code"] == "insufficient_points")
        .count();
    assert_eq!((created, refused), (2, 10));
    assert_eq!(user.balance().await, 50);
    let negative = count(&conn, "SELECT count(*) FROM point_lots WHERE remaining < 0");
    assert_eq!(negative, 0);
    // The soonest-expiring lots went first: what is left expires last.
    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["next_expiry"]["date"], plus(300).to_string());
}
