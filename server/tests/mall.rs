//! The points mall over real HTTP: summary, ledger with expiry, check-in, catalogue,
//! redemption rules and errors, orders and cancellation, address, donations.

mod common;
mod mall_support;

use common::*;
use mall_support::*;
use serde_json::{json, Value};

/// 张小明's seeded points: six bills × 1.5, 800 tenure (expiring in 35 days), 376 + 300 +
/// 200 + 500 of other kinds and three check-ins; 120 more expired 20 days ago.
const ZHANG_BALANCE: i64 = 1640 + 800 + 376 + 300 + 200 + 500 + 30;

#[tokio::test]
async fn the_summary_shows_balance_tier_next_expiry_reminder_and_check_in() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let s = zhang.json("/api/mall/summary").await;
    assert_eq!(s["balance"], ZHANG_BALANCE, "{s}");
    assert_eq!(s["today"], "2025-06-15");
    assert_eq!(s["tier"]["name_zh"], "金卡会员");
    assert_eq!(s["tier"]["multiplier_percent"], 150);
    assert!(!s["tier"]["benefits"].as_array().unwrap().is_empty());
    let soon = plus(35).to_string();
    assert_eq!(s["next_expiry"], json!({ "points": 800, "date": soon }));
    assert_eq!(s["expiring_soon"], json!({ "points": 800, "date": soon }));
    assert_eq!(s["expiry_reminder_days"], 60);
    assert_eq!(
        s["check_in"],
        json!({ "checked_in_today": false, "streak": 0, "month_total": 0, "month_cap": 150, "next_reward": 5 })
    );
    assert!(s.get("account_blocked").is_none());
    assert_eq!(s["first_exchange_percent_off"], 20);

    // The lot that expired shows in the ledger as an `expiry` entry, dated when it expired.
    let expiry = zhang.json("/api/mall/ledger?kind=expiry").await;
    assert_eq!(expiry["total"], 1);
    let e = &expiry["entries"][0];
    assert_eq!(e["points"], -120);
    assert_eq!(e["date"], plus(-19).to_string());
    // Reading again adds nothing.
    zhang.json("/api/mall/summary").await;
    assert_eq!(zhang.json("/api/mall/ledger?kind=expiry").await["total"], 1);

    // 王秀英: diamond tier, few points, 50 of them expiring within 60 days.
    let wang = User::sign_in(&server, WANG).await;
    let s = wang.json("/api/mall/summary").await;
    assert_eq!(s["balance"], 150);
    assert_eq!(s["tier"]["multiplier_percent"], 200);
    assert_eq!(s["expiring_soon"]["points"], 50);

    let anonymous = server.get("/api/mall/summary").await;
    expect_error(anonymous, 401, "unauthenticated").await;
}

#[tokio::test]
async fn the_ledger_pages_newest_first_and_filters_by_kind() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let all = zhang.json("/api/mall/ledger?per_page=50").await;
    // 12 earnings, 3 check-ins, 1 expiry.
    assert_eq!(all["total"], 16);
    let entries = all["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 16);
    let times: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    // The lot that expired 19 days ago at midnight, then the birthday gift 20 days ago.
    assert_eq!(entries[0]["kind"], "expiry");
    assert_eq!(entries[1]["kind"], "birthday_gift");

    let page1 = zhang.json("/api/mall/ledger?per_page=5&page=1").await;
    let page4 = zhang.json("/api/mall/ledger?per_page=5&page=4").await;
    assert_eq!(page1["entries"].as_array().unwrap().len(), 5);
    assert_eq!(page1["entries"][0], entries[0]);
    assert_eq!(page4["entries"].as_array().unwrap().len(), 1);
    assert_eq!(page4["entries"][0], entries[15]);
    assert_eq!(page4["page"], 4);
    let page9 = zhang.json("/api/mall/ledger?per_page=5&page=9").await;
    assert_eq!(page9["entries"], json!([]));

    let spending = zhang.json("/api/mall/ledger?kind=monthly_spending").await;
    assert_eq!(spending["total"], 6);
    for e in spending["entries"].as_array().unwrap() {
        assert_eq!(e["kind"], "monthly_spending");
        assert!(e["title_zh"].as_str().unwrap().contains("× 1.5"), "{e}");
        assert!(e["expires_on"].is_string());
    }
    let check_ins = zhang.json("/api/mall/ledger?kind=check_in").await;
    assert_eq!(check_ins["total"], 3);

    for bad in [
        "/api/mall/ledger?kind=bogus",
        "/api/mall/ledger?page=0",
        "/api/mall/ledger?per_page=0",
        "/api/mall/ledger?per_page=51",
        "/api/mall/ledger?page=x",
    ] {
        expect_error(zhang.get(bad).await, 400, "bad_request").await;
    }
}

#[tokio::test]
async fn check_in_builds_a_streak_resets_after_a_missed_day_and_stops_at_the_monthly_cap() {
    let server = mall_server().await;
    let user = User::eligible(&server, "15000000001", 3, 0).await;
    let clock = server.config.clock.clone();
    let july = |d: u32| chrono::NaiveDate::from_ymd_opt(2025, 7, d).unwrap();
    let mut rewards = Vec::new();
    // July 1-4, skip the 5th, then the 6th to the 16th.
    for d in (1..=4).chain(6..=16) {
        clock.set_china_noon(july(d));
        let r = user.post("/api/mall/check-in", json!({})).await;
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["already_checked_in"], false);
        rewards.push((
            body["streak"].as_u64().unwrap(),
            body["reward"].as_i64().unwrap(),
        ));
        if d == 2 {
            // A second check-in the same day changes nothing and says so.
            let again: Value = user
                .post("/api/mall/check-in", json!({}))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(again["already_checked_in"], true);
            assert_eq!(again["reward"], 10);
            assert_eq!(again["balance"], 15);
        }
    }
    assert_eq!(
        rewards,
        vec![
            (1, 5),
            (2, 10),
            (3, 15),
            (4, 20),
            (1, 5), // the 5th was missed
            (2, 10),
            (3, 15),
            (4, 20),
            (5, 20),
            (6, 20),
            (7, 10), // 140 + 20 would pass 150: only 10 fit
            (8, 0),
            (9, 0),
            (10, 0),
            (11, 0),
        ]
    );
    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["balance"], 150);
    assert_eq!(
        s["check_in"],
        json!({ "checked_in_today": true, "streak": 11, "month_total": 150, "month_cap": 150, "next_reward": 0 })
    );
    // A new month: the cap restarts and the streak carries over midnight.
    clock.set_china_noon(july(31));
    let r: Value = user
        .post("/api/mall/check-in", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (r["streak"].as_u64(), r["reward"].as_i64()),
        (Some(1), Some(0)),
        "still July"
    );
    let s = user.json("/api/mall/summary").await;
    assert_eq!(
        s["check_in"]["next_reward"], 10,
        "tomorrow is August, day 2"
    );
    clock.set_china_noon(chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap());
    let s = user.json("/api/mall/summary").await;
    assert_eq!(s["check_in"]["streak"], 1);
    assert_eq!(s["check_in"]["checked_in_today"], false);
    assert_eq!(s["check_in"]["month_total"], 0);
    assert_eq!(s["check_in"]["next_reward"], 10);
    let r: Value = user
        .post("/api/mall/check-in", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (r["streak"].as_u64(), r["reward"].as_i64()),
        (Some(2), Some(10))
    );
    assert_eq!(r["month_total"], 10);
    assert_eq!(r["balance"], 160);
    let ledger = user
        .json("/api/mall/ledger?kind=check_in&per_page=50")
        .await;
    assert_eq!(ledger["total"], 12, "no entry for a capped check-in");
}

#[tokio::test]
async fn redeeming_phone_credit_spends_oldest_points_first_with_the_first_exchange_discount_once() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let conn = db(&server);
    let credit = item_id(&conn, "credit-10");

    let item = zhang.json(&format!("/api/mall/items/{credit}")).await;
    assert_eq!(item["can_redeem"], true);
    assert_eq!(item["first_exchange_points"], 800);

    let r = zhang.redeem(credit, 1, &key()).await;
    assert_eq!(r.status(), 201);
    let receipt: Value = r.json().await.unwrap();
    let order = &receipt["order"];
    assert_eq!(receipt["replayed"], false);
    assert_eq!(order["status"], "completed");
    assert_eq!(order["points_list"], 1000);
    assert_eq!(order["discount_points"], 200);
    assert_eq!(order["points_paid"], 800);
    assert_eq!(order["can_cancel"], false);
    assert_eq!(receipt["balance"], ZHANG_BALANCE - 800);

    // The 800 expiring in 35 days went first: nothing is due that soon any more.
    let s = zhang.json("/api/mall/summary").await;
    assert_eq!(s["balance"], ZHANG_BALANCE - 800);
    assert!(s.get("expiring_soon").is_none(), "{s}");
    assert!(s.get("first_exchange_percent_off").is_none());
    let newest = &zhang.json("/api/mall/ledger?per_page=1").await["entries"][0];
    assert_eq!(newest["kind"], "redemption");
    assert_eq!(newest["points"], -800);
    assert_eq!(newest["order_id"], order["id"]);

    // The second exchange pays full price.
    let second: Value = zhang.redeem(credit, 2, &key()).await.json().await.unwrap();
    assert_eq!(second["order"]["discount_points"], 0);
    assert_eq!(second["order"]["points_paid"], 2000);
    assert_eq!(second["balance"], ZHANG_BALANCE - 2800);
    let item = zhang.json(&format!("/api/mall/items/{credit}")).await;
    assert_eq!(item["redeemed_by_me"], 3);
    assert!(item.get("first_exchange_points").is_none());

    let orders = zhang.json("/api/mall/orders").await;
    assert_eq!(orders["total"], 2);
    assert_eq!(
        orders["orders"][0]["id"], second["order"]["id"],
        "newest first"
    );
    let detail = zhang
        .json(&format!("/api/mall/orders/{}", order["id"]))
        .await;
    assert_eq!(&detail, order);
}

#[tokio::test]
async fn expired_points_cannot_be_spent() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let user = User::eligible(&server, "15000000002", 3, 0).await;
    let conn = db(&server);
    grant(&conn, user.id, 500, plus(5));
    grant(&conn, user.id, 50, plus(400));
    let item = add_item(&conn, "t-300", 300, None, 10, false);

    // On its last day the lot still counts.
    server.config.clock.set_china_noon(plus(5));
    assert_eq!(user.balance().await, 550);
    // The day after, it is gone and cannot pay.
    server.config.clock.set_china_noon(plus(6));
    let before = snapshot(&conn);
    let err = expect_error(
        user.redeem(item, 1, &key()).await,
        409,
        "insufficient_points",
    )
    .await;
    assert_eq!(err["details"]["balance"], 50);
    assert_eq!(err["details"]["needed"], 300);
    assert_eq!(
        snapshot(&conn),
        before,
        "a refused redemption changes nothing"
    );
    assert_eq!(user.balance().await, 50);
    let expiry = user.json("/api/mall/ledger?kind=expiry").await;
    assert_eq!(expiry["entries"][0]["points"], -500);
    let item_view = user.json(&format!("/api/mall/items/{item}")).await;
    assert_eq!(item_view["blocked_reason"], "insufficient_points");
    // Moving the clock back does not resurrect them.
    server.config.clock.set_china_noon(plus(1));
    assert_eq!(user.balance().await, 50);
}

#[tokio::test]
async fn every_bad_input_gets_its_code_and_changes_nothing() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let wang = User::sign_in(&server, WANG).await;
    let conn = db(&server);
    // Materialize the seeded expiry first so the snapshot is stable.
    zhang.json("/api/mall/summary").await;
    let credit = item_id(&conn, "credit-10");
    let case = item_id(&conn, "phone-case");
    let closed = item_id(&conn, "spring-data-5gb");
    let flash = item_id(&conn, "flash-credit-30");
    let gone = add_item(&conn, "t-gone", 100, Some(0), 5, false);
    let before = snapshot(&conn);

    expect_error(zhang.redeem(999_999, 1, &key()).await, 404, "not_found").await;
    expect_error(
        zhang.redeem(credit, 0, &key()).await,
        400,
        "invalid_quantity",
    )
    .await;
    expect_error(
        zhang.redeem(credit, 100, &key()).await,
        400,
        "invalid_quantity",
    )
    .await;
    let e = expect_error(
        zhang.redeem(credit, 11, &key()).await,
        400,
        "limit_exceeded",
    )
    .await;
    assert_eq!(e["details"]["limit"], 10);
    assert_eq!(e["details"]["remaining"], 10);
    expect_error(zhang.redeem(case, 1, &key()).await, 400, "invalid_address").await;
    for (field, value) in [
        ("name", json!("")),
        ("phone", json!("12345")),
        ("region", json!("   ")),
        ("detail", json!("1号")),
    ] {
        let mut a = address();
        a[field] = value;
        let e = expect_error(
            zhang.redeem_to(case, 1, &key(), a).await,
            400,
            "invalid_address",
        )
        .await;
        assert_eq!(e["details"]["field"], field);
    }
    let mut missing = address();
    missing.as_object_mut().unwrap().remove("detail");
    expect_error(
        zhang.redeem_to(case, 1, &key(), missing).await,
        400,
        "bad_request",
    )
    .await;
    expect_error(
        zhang.redeem(credit, 1, "short").await,
        400,
        "invalid_idempotency_key",
    )
    .await;
    expect_error(
        zhang.redeem(credit, 1, &format!("{}!", key())).await,
        400,
        "invalid_idempotency_key",
    )
    .await;
    expect_error(zhang.redeem(closed, 1, &key()).await, 409, "window_closed").await;
    let e = expect_error(zhang.redeem(flash, 1, &key()).await, 409, "not_started").await;
    assert!(e["details"]["opens_at"].is_string(), "{e}");
    expect_error(zhang.redeem(gone, 1, &key()).await, 409, "out_of_stock").await;
    let e = expect_error(
        wang.redeem(credit, 1, &key()).await,
        409,
        "insufficient_points",
    )
    .await;
    assert_eq!(e["details"]["balance"], 150);
    assert_eq!(e["details"]["needed"], 800);
    let r = zhang
        .client
        .post(format!("{}/api/mall/redemptions", zhang.base))
        .header("cookie", &zhang.cookie)
        .header("content-type", "application/json")
        .body("{\"item_id\": ")
        .send()
        .await
        .unwrap();
    expect_error(r, 400, "bad_request").await;
    let r = server
        .post_json(
            "/api/mall/redemptions",
            json!({ "item_id": credit, "quantity": 1, "idempotency_key": key() }),
        )
        .await;
    expect_error(r, 401, "unauthenticated").await;

    assert_eq!(snapshot(&conn), before);
    assert_eq!(zhang.balance().await, ZHANG_BALANCE);
    assert_eq!(zhang.json("/api/mall/orders").await["total"], 0);
}

#[tokio::test]
async fn accounts_too_new_unverified_or_in_arrears_are_told_why() {
    let server = mall_server().await;
    let conn = db(&server);
    let credit = item_id(&conn, "credit-10");
    let li = User::sign_in(&server, LI).await;
    let chen = User::sign_in(&server, CHEN).await;
    let zhang = User::sign_in(&server, ZHANG).await;
    conn.execute(
        "UPDATE subscribers SET verified = 0 WHERE id = ?1",
        [zhang.id],
    )
    .unwrap();
    for (user, code) in [
        (&li, "account_too_new"),
        (&chen, "in_arrears"),
        (&zhang, "not_verified"),
    ] {
        user.json("/api/mall/summary").await;
        let before = snapshot(&conn);
        expect_error(user.redeem(credit, 1, &key()).await, 403, code).await;
        assert_eq!(snapshot(&conn), before);
        let s = user.json("/api/mall/summary").await;
        assert_eq!(s["account_blocked"], code);
        assert!(s["balance"].as_i64().unwrap() > 0);
        let item = user.json(&format!("/api/mall/items/{credit}")).await;
        assert_eq!(item["can_redeem"], false);
        assert_eq!(item["blocked_reason"], code);
        let charity = user.json("/api/mall/charity").await;
        let project = charity[0]["id"].as_i64().unwrap();
        let r = user
            .post(
                "/api/mall/donations",
                json!({ "project_id": project, "points": 10, "idempotency_key": key() }),
            )
            .await;
        expect_error(r, 403, code).await;
    }
    // Exactly six months after joining is old enough.
    let user = User::eligible(&server, "15000000003", 3, 5000).await;
    conn.execute(
        "UPDATE subscribers SET joined_on = ?2 WHERE id = ?1",
        rusqlite::params![user.id, plus(0) - chrono::Months::new(6)],
    )
    .unwrap();
    assert_eq!(user.redeem(credit, 1, &key()).await.status(), 201);
    conn.execute(
        "UPDATE subscribers SET joined_on = ?2 WHERE id = ?1",
        rusqlite::params![user.id, plus(1) - chrono::Months::new(6)],
    )
    .unwrap();
    expect_error(user.redeem(credit, 1, &key()).await, 403, "account_too_new").await;
}

#[tokio::test]
async fn tier_only_items_need_the_star_level() {
    let server = mall_server().await;
    let conn = db(&server);
    let speaker = item_id(&conn, "smart-speaker");
    let low = User::eligible(&server, "15000000004", 4, 10_000).await;
    let item = low.json(&format!("/api/mall/items/{speaker}")).await;
    assert_eq!(item["tier_only"], true);
    assert_eq!(item["min_star_level"], 5);
    assert_eq!(item["blocked_reason"], "tier_required");
    let before = snapshot(&conn);
    let e = expect_error(
        low.redeem_to(speaker, 1, &key(), address()).await,
        403,
        "tier_required",
    )
    .await;
    assert_eq!(e["details"]["min_star_level"], 5);
    assert_eq!(snapshot(&conn), before);
    let high = User::eligible(&server, "15000000005", 5, 10_000).await;
    assert_eq!(
        high.redeem_to(speaker, 1, &key(), address()).await.status(),
        201
    );
}

#[tokio::test]
async fn the_flash_exchange_opens_at_its_start_time_and_the_window_closes() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let flash = item_id(&conn, "flash-credit-30");
    let user = User::eligible(&server, "15000000006", 3, 10_000).await;
    let item = user.json(&format!("/api/mall/items/{flash}")).await;
    assert_eq!(item["flash"], true);
    assert_eq!(item["stock"], 10);
    assert_eq!(item["blocked_reason"], "not_started");
    let starts_at: chrono::DateTime<chrono::Utc> =
        item["starts_at"].as_str().unwrap().parse().unwrap();
    let ends_at: chrono::DateTime<chrono::Utc> = item["ends_at"].as_str().unwrap().parse().unwrap();
    server
        .config
        .clock
        .set(starts_at - chrono::Duration::seconds(1));
    expect_error(user.redeem(flash, 1, &key()).await, 409, "not_started").await;
    server.config.clock.set(starts_at);
    let r: Value = user.redeem(flash, 1, &key()).await.json().await.unwrap();
    assert_eq!(r["order"]["status"], "completed");
    assert_eq!(stock(&conn, flash), Some(9));
    let other = User::eligible(&server, "15000000007", 3, 10_000).await;
    server.config.clock.set(ends_at);
    expect_error(other.redeem(flash, 1, &key()).await, 409, "window_closed").await;
    let item = other.json(&format!("/api/mall/items/{flash}")).await;
    assert_eq!(item["blocked_reason"], "window_closed");
}

#[tokio::test]
async fn a_physical_order_keeps_the_address_ships_and_a_cancel_refunds_into_the_ledger() {
    let server = mall_server().await;
    let conn = db(&server);
    let case = item_id(&conn, "phone-case");
    let apples = item_id(&conn, "rural-apples");
    let credit = item_id(&conn, "credit-10");
    let zhang = User::sign_in(&server, ZHANG).await;
    assert_eq!(zhang.json("/api/mall/address").await, json!({}));

    let r = zhang.redeem_to(case, 1, &key(), address()).await;
    assert_eq!(r.status(), 201);
    let receipt: Value = r.json().await.unwrap();
    let order = receipt["order"].clone();
    assert_eq!(order["status"], "awaiting_shipment");
    assert_eq!(order["can_cancel"], true);
    assert_eq!(order["points_paid"], 640, "first exchange: 800 less 20%");
    assert_eq!(order["address"]["phone"], "13800138000");
    assert_eq!(order["address"]["name"], "张小明");
    assert_eq!(stock(&conn, case), Some(119));
    // The address is kept for next time.
    let kept = zhang.json("/api/mall/address").await;
    assert_eq!(kept["address"], order["address"]);

    // Cancel while awaiting shipment: the points come back as a refund.
    let id = order["id"].as_i64().unwrap();
    let r = zhang
        .post(&format!("/api/mall/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(r.status(), 200);
    let cancelled: Value = r.json().await.unwrap();
    assert_eq!(cancelled["order"]["status"], "cancelled");
    assert_eq!(cancelled["order"]["can_cancel"], false);
    assert!(cancelled["order"]["cancelled_at"].is_string());
    assert_eq!(cancelled["refunded_points"], 640);
    assert_eq!(cancelled["balance"], ZHANG_BALANCE);
    assert_eq!(stock(&conn, case), Some(120));
    let refund = &zhang.json("/api/mall/ledger?kind=refund").await["entries"][0];
    assert_eq!(refund["points"], 640);
    assert_eq!(refund["order_id"], id);
    // The refunded points went back to the lot expiring in 35 days.
    assert_eq!(
        zhang.json("/api/mall/summary").await["next_expiry"]["points"],
        800
    );
    expect_error(
        zhang
            .post(&format!("/api/mall/orders/{id}/cancel"), json!({}))
            .await,
        409,
        "invalid_status",
    )
    .await;

    // Points plus cash; the cancelled order did not use up the first-exchange discount.
    let r: Value = zhang
        .redeem_to(apples, 2, &key(), address())
        .await
        .json()
        .await
        .unwrap();
    let order = r["order"].clone();
    assert_eq!(order["cash_fen"], 3980);
    assert_eq!(order["points_list"], 2400);
    assert_eq!(order["points_paid"], 1920);
    let id = order["id"].as_i64().unwrap();

    // Staff ship it, then it is delivered; the customer can no longer cancel.
    let staff = User::sign_in(&server, STAFF).await;
    let advance = format!("/api/mall/staff/orders/{id}/advance");
    expect_error(zhang.post(&advance, json!({})).await, 403, "forbidden").await;
    let shipped: Value = staff
        .post(&advance, json!({ "tracking_number": "SF1234567890" }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(shipped["tracking_number"], "SF1234567890");
    expect_error(
        zhang
            .post(&format!("/api/mall/orders/{id}/cancel"), json!({}))
            .await,
        409,
        "invalid_status",
    )
    .await;
    let delivered: Value = staff.post(&advance, json!({})).await.json().await.unwrap();
    assert_eq!(delivered["status"], "delivered");
    assert!(delivered["delivered_at"].is_string());
    expect_error(staff.post(&advance, json!({})).await, 409, "invalid_status").await;
    let mine = zhang.json(&format!("/api/mall/orders/{id}")).await;
    assert_eq!(mine["status"], "delivered");
    assert_eq!(mine["tracking_number"], "SF1234567890");

    // Instant orders cannot be cancelled.
    let r: Value = zhang.redeem(credit, 1, &key()).await.json().await.unwrap();
    let instant = r["order"]["id"].as_i64().unwrap();
    expect_error(
        zhang
            .post(&format!("/api/mall/orders/{instant}/cancel"), json!({}))
            .await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        staff
            .post(
                &format!("/api/mall/staff/orders/{instant}/advance"),
                json!({}),
            )
            .await,
        409,
        "invalid_status",
    )
    .await;
}

#[tokio::test]
async fn another_users_order_is_not_found() {
    let server = mall_server().await;
    let conn = db(&server);
    let case = item_id(&conn, "phone-case");
    let zhang = User::sign_in(&server, ZHANG).await;
    let wang = User::sign_in(&server, WANG).await;
    let r: Value = zhang
        .redeem_to(case, 1, &key(), address())
        .await
        .json()
        .await
        .unwrap();
    let id = r["order"]["id"].as_i64().unwrap();
    expect_error(
        wang.get(&format!("/api/mall/orders/{id}")).await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        wang.post(&format!("/api/mall/orders/{id}/cancel"), json!({}))
            .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(wang.json("/api/mall/orders").await["total"], 0);
    assert_eq!(
        zhang.json(&format!("/api/mall/orders/{id}")).await["status"],
        "awaiting_shipment"
    );
    expect_error(zhang.get("/api/mall/orders/424242").await, 404, "not_found").await;
}

#[tokio::test]
async fn addresses_are_validated_and_kept() {
    let server = mall_server().await;
    let wang = User::sign_in(&server, WANG).await;
    let mut bad = address();
    bad["phone"] = json!("1234");
    let e = expect_error(
        wang.put("/api/mall/address", bad).await,
        400,
        "invalid_address",
    )
    .await;
    assert_eq!(e["details"]["field"], "phone");
    assert_eq!(wang.json("/api/mall/address").await, json!({}));
    let mut a = address();
    a["name"] = json!("  王秀英 ");
    let saved: Value = wang.put("/api/mall/address", a).await.json().await.unwrap();
    assert_eq!(saved["address"]["name"], "王秀英");
    assert_eq!(saved["address"]["phone"], "13800138000");
    assert_eq!(wang.json("/api/mall/address").await, saved);
    // Another user does not see it.
    let zhang = User::sign_in(&server, ZHANG).await;
    assert_eq!(zhang.json("/api/mall/address").await, json!({}));
}

#[tokio::test]
async fn a_donation_happens_exactly_once_and_shows_in_the_ledger() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let projects = zhang.json("/api/mall/charity").await;
    assert_eq!(projects.as_array().unwrap().len(), 2);
    assert_eq!(projects[0]["name_zh"], "山区儿童午餐");
    let project = projects[0]["id"].as_i64().unwrap();
    let raised = projects[0]["raised_points"].as_i64().unwrap();
    let k = key();
    let body = json!({ "project_id": project, "points": 300, "idempotency_key": k });
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (u, b) = (zhang.clone(), body.clone());
            tokio::spawn(async move {
                let r = u.post("/api/mall/donations", b).await;
                let status = r.status().as_u16();
                (status, r.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut created = 0;
    let mut ids = std::collections::HashSet::new();
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert!(status == 200 || status == 201, "{status} {body}");
        created += usize::from(status == 201);
        assert_eq!(body["replayed"], status == 200);
        ids.insert(body["id"].as_i64().unwrap());
    }
    assert_eq!((created, ids.len()), (1, 1));
    assert_eq!(zhang.balance().await, ZHANG_BALANCE - 300);
    let donations = zhang.json("/api/mall/ledger?kind=donation").await;
    assert_eq!(donations["total"], 1);
    assert_eq!(donations["entries"][0]["points"], -300);
    assert!(donations["entries"][0]["title_zh"]
        .as_str()
        .unwrap()
        .contains("山区儿童午餐"));
    let after = zhang.json("/api/mall/charity").await;
    assert_eq!(after[0]["raised_points"], raised + 300);
    assert_eq!(after[0]["my_points"], 300);
    // Public view: no `my_points` of anyone.
    let public: Value = server.get("/api/mall/charity").await.json().await.unwrap();
    assert_eq!(public[0]["my_points"], 0);

    let conn = db(&server);
    let before = snapshot(&conn);
    let conflict = json!({ "project_id": project, "points": 301, "idempotency_key": k });
    expect_error(
        zhang.post("/api/mall/donations", conflict).await,
        409,
        "idempotency_conflict",
    )
    .await;
    let zero = json!({ "project_id": project, "points": 0, "idempotency_key": key() });
    expect_error(
        zhang.post("/api/mall/donations", zero).await,
        400,
        "invalid_amount",
    )
    .await;
    let unknown = json!({ "project_id": 9999, "points": 10, "idempotency_key": key() });
    expect_error(
        zhang.post("/api/mall/donations", unknown).await,
        404,
        "not_found",
    )
    .await;
    let too_much = json!({ "project_id": project, "points": 1_000_000, "idempotency_key": key() });
    expect_error(
        zhang.post("/api/mall/donations", too_much).await,
        409,
        "insufficient_points",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
}

#[tokio::test]
async fn the_catalogue_is_public_searchable_sortable_and_says_why_not() {
    let server = mall_server().await;
    let page: Value = server
        .get("/api/mall/items?per_page=50")
        .await
        .json()
        .await
        .unwrap();
    let items = page["items"].as_array().unwrap();
    assert_eq!(page["total"], 13);
    assert!(items
        .iter()
        .all(|i| i["can_redeem"] == false && i["blocked_reason"] == "sign_in_required"));
    // Popular first by default.
    let counts: Vec<i64> = items
        .iter()
        .map(|i| i["redemption_count"].as_i64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    let wang = User::sign_in(&server, WANG).await;
    let data = wang
        .json("/api/mall/items?category=data&sort=price_asc")
        .await;
    let prices: Vec<i64> = data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["category"], "data");
            i["points"].as_i64().unwrap()
        })
        .collect();
    assert_eq!(prices, vec![300, 1500, 2000]);
    let first = &data["items"][0];
    assert_eq!(first["blocked_reason"], "insufficient_points");
    assert_eq!(first["first_exchange_points"], 240);
    let desc = wang
        .json("/api/mall/items?sort=price_desc&per_page=1")
        .await;
    assert_eq!(desc["items"][0]["points"], 6000);
    assert_eq!(desc["total"], 13);
    let newest = wang.json("/api/mall/items?sort=newest&per_page=1").await;
    assert_eq!(newest["items"][0]["name_en"], "Flash: ¥30 phone credit");

    let zh = wang.json("/api/mall/items?q=话费").await;
    assert_eq!(zh["total"], 3);
    let en = wang.json("/api/mall/items?q=PHONE%20credit").await;
    assert_eq!(en["total"], 3, "English search ignores case");
    let none = wang.json("/api/mall/items?q=%25").await;
    assert_eq!(none["total"], 0, "% is a literal");
    let apples = wang.json("/api/mall/items?category=rural").await;
    assert_eq!(apples["items"][0]["cash_fen"], 1990);
    assert_eq!(apples["items"][0]["delivery"], "physical");
    let charity = wang.json("/api/mall/items?category=charity").await;
    assert_eq!(
        charity["total"], 0,
        "charity projects are at /api/mall/charity"
    );

    for bad in [
        "/api/mall/items?sort=cheapest",
        "/api/mall/items?category=food",
        "/api/mall/items?per_page=500",
        &format!("/api/mall/items?q={}", "长".repeat(51)),
    ] {
        expect_error(wang.get(bad).await, 400, "bad_request").await;
    }
    expect_error(wang.get("/api/mall/items/999999").await, 404, "not_found").await;
}

#[tokio::test]
async fn the_openapi_document_lists_the_mall() {
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
