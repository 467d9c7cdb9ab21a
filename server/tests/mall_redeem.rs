//! Redemption over real HTTP: the first-exchange discount, oldest points first, every
//! refusal with its code (changing nothing), and the flash exchange's window.

mod common;
mod mall_support;

use care_contract::mall::{
    BlockedReason, DonationReceipt, LedgerKind, MallItem, OrderPage, OrderStatus,
    RedemptionReceipt, IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN, MAX_QUANTITY,
};
use care_contract::ApiError;
use chrono::Duration;
use common::*;
use mall_support::*;
use serde_json::json;

#[tokio::test]
async fn redeeming_phone_credit_spends_oldest_points_first_with_the_first_exchange_discount_once() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let conn = db(&server);
    let credit = item_id(&conn, "credit-10");

    let item = zhang.item(credit).await;
    assert!(item.can_redeem);
    assert_eq!(item.first_exchange_points, Some(800));

    let receipt: RedemptionReceipt = decode(zhang.redeem(credit, 1, &key()).await, 201).await;
    let order = &receipt.order;
    assert!(!receipt.replayed);
    assert_eq!(order.status, OrderStatus::Completed);
    assert_eq!(
        (order.points_list, order.discount_points, order.points_paid),
        (1000, 200, 800)
    );
    assert!(!order.can_cancel);
    assert_eq!(receipt.balance, ZHANG_BALANCE - 800);

    // The 800 expiring in 35 days went first: nothing is due that soon any more.
    let s = zhang.summary().await;
    assert_eq!(s.balance, ZHANG_BALANCE - 800);
    assert_eq!(s.expiring_soon, None, "{s:?}");
    assert_eq!(s.first_exchange_percent_off, None);
    let newest = &zhang.ledger("?per_page=1").await.entries[0];
    assert_eq!(newest.kind, LedgerKind::Redemption);
    assert_eq!(newest.points, -800);
    assert_eq!(newest.order_id, Some(order.id));

    // The second exchange pays full price.
    let second: RedemptionReceipt = decode(zhang.redeem(credit, 2, &key()).await, 201).await;
    assert_eq!(second.order.discount_points, 0);
    assert_eq!(second.order.points_paid, 2000);
    assert_eq!(second.balance, ZHANG_BALANCE - 2800);
    let item = zhang.item(credit).await;
    assert_eq!(item.redeemed_by_me, 3);
    assert_eq!(item.first_exchange_points, None);

    let orders: OrderPage = zhang.fetch("/api/mall/orders").await;
    assert_eq!(orders.total, 2);
    assert_eq!(orders.orders[0].id, second.order.id, "newest first");
    assert_eq!(
        zhang
            .fetch::<care_contract::mall::Order>(&format!("/api/mall/orders/{}", order.id))
            .await,
        *order
    );
}

#[tokio::test]
async fn the_same_key_again_answers_the_same_order_and_spends_nothing() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let credit = item_id(&db(&server), "credit-10");
    let k = key();
    let first: RedemptionReceipt = decode(zhang.redeem(credit, 1, &k).await, 201).await;
    let again: RedemptionReceipt = decode(zhang.redeem(credit, 1, &k).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.order, first.order);
    assert_eq!(again.balance, first.balance);
    expect_error(
        zhang.redeem(credit, 2, &k).await,
        409,
        "idempotency_conflict",
    )
    .await;
}

#[tokio::test]
async fn every_bad_input_gets_its_code_and_changes_nothing() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let wang = User::sign_in(&server, WANG).await;
    let conn = db(&server);
    // Materialize the seeded expiry first so the snapshot is stable.
    zhang.summary().await;
    let credit = item_id(&conn, "credit-10");
    let case = item_id(&conn, "phone-case");
    let closed = item_id(&conn, "spring-data-5gb");
    let flash = item_id(&conn, "flash-credit-30");
    let gone = add_item(&conn, "t-gone", 100, Some(0), 5, false);
    let before = snapshot(&conn);

    expect_error(zhang.redeem(999_999, 1, &key()).await, 404, "not_found").await;
    for quantity in [0, 100] {
        expect_error(
            zhang.redeem(credit, quantity, &key()).await,
            400,
            "invalid_quantity",
        )
        .await;
    }
    let e = expect_error(
        zhang.redeem(credit, 11, &key()).await,
        409,
        "limit_exceeded",
    )
    .await;
    let details = e.details.unwrap();
    assert_eq!((details.limit, details.remaining), (Some(10), Some(10)));
    expect_error(zhang.redeem(case, 1, &key()).await, 409, "address_required").await;
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
        assert_eq!(e.details.unwrap().field.as_deref(), Some(field));
    }
    let mut missing = address();
    missing.as_object_mut().unwrap().remove("detail");
    expect_error(
        zhang.redeem_to(case, 1, &key(), missing).await,
        400,
        "bad_request",
    )
    .await;
    for bad_key in ["short".to_owned(), format!("{}!", key())] {
        expect_error(
            zhang.redeem(credit, 1, &bad_key).await,
            400,
            "invalid_idempotency_key",
        )
        .await;
    }
    expect_error(zhang.redeem(closed, 1, &key()).await, 409, "window_closed").await;
    let e = expect_error(zhang.redeem(flash, 1, &key()).await, 409, "not_started").await;
    assert!(e.details.unwrap().opens_at.is_some());
    expect_error(zhang.redeem(gone, 1, &key()).await, 409, "out_of_stock").await;
    let e = expect_error(
        wang.redeem(credit, 1, &key()).await,
        409,
        "insufficient_points",
    )
    .await;
    let details = e.details.unwrap();
    assert_eq!((details.balance, details.needed), (Some(150), Some(800)));
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
    let e: ApiError = expect_error(r, 401, "unauthenticated").await;
    assert_eq!(e.details, None);

    assert_eq!(snapshot(&conn), before);
    assert_eq!(zhang.balance().await, ZHANG_BALANCE);
    assert_eq!(zhang.fetch::<OrderPage>("/api/mall/orders").await.total, 0);
}

#[tokio::test]
async fn the_flash_exchange_opens_at_its_start_time_and_the_window_closes() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let flash = item_id(&conn, "flash-credit-30");
    let user = User::eligible(&server, "15000000006", 3, 10_000).await;
    let item: MallItem = user.item(flash).await;
    assert!(item.flash);
    assert_eq!(item.stock, Some(10));
    assert_eq!(item.blocked_reason, Some(BlockedReason::NotStarted));
    let starts_at = item.starts_at.unwrap();
    let ends_at = item.ends_at.unwrap();
    server.config.clock.set(starts_at - Duration::seconds(1));
    expect_error(user.redeem(flash, 1, &key()).await, 409, "not_started").await;
    server.config.clock.set(starts_at);
    let r: RedemptionReceipt = decode(user.redeem(flash, 1, &key()).await, 201).await;
    assert_eq!(r.order.status, OrderStatus::Completed);
    assert_eq!(stock(&conn, flash), Some(9));
    let other = User::eligible(&server, "15000000007", 3, 10_000).await;
    server.config.clock.set(ends_at);
    expect_error(other.redeem(flash, 1, &key()).await, 409, "window_closed").await;
    assert_eq!(
        other.item(flash).await.blocked_reason,
        Some(BlockedReason::WindowClosed)
    );
}

#[tokio::test]
async fn spending_exactly_the_whole_balance_is_allowed_and_leaves_nothing() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let item = add_item(&conn, "t-500", 500, None, 10, false);

    // One point short: refused, and the item says so.
    let short = User::eligible(&server, "15000000031", 3, 499).await;
    let seen = short.item(item).await;
    assert!(!seen.can_redeem);
    assert_eq!(seen.blocked_reason, Some(BlockedReason::InsufficientPoints));
    let e = expect_error(
        short.redeem(item, 1, &key()).await,
        409,
        "insufficient_points",
    )
    .await;
    let details = e.details.unwrap();
    assert_eq!((details.balance, details.needed), (Some(499), Some(500)));

    // Exactly enough: allowed, and nothing is left.
    let exact = User::eligible(&server, "15000000032", 3, 500).await;
    let seen = exact.item(item).await;
    assert!(seen.can_redeem);
    assert_eq!(seen.blocked_reason, None);
    let r: RedemptionReceipt = decode(exact.redeem(item, 1, &key()).await, 201).await;
    assert_eq!(r.order.points_paid, 500);
    assert_eq!(r.balance, 0);
    let s = exact.summary().await;
    assert_eq!((s.balance, s.next_expiry), (0, None));
    assert_eq!(
        exact.item(item).await.blocked_reason,
        Some(BlockedReason::InsufficientPoints)
    );

    // A donation of the whole balance, too.
    let donor = User::eligible(&server, "15000000033", 3, 300).await;
    let projects: Vec<care_contract::mall::CharityProject> = donor.fetch("/api/mall/charity").await;
    let body = json!({ "project_id": projects[0].id, "points": 300, "idempotency_key": key() });
    let d: DonationReceipt = decode(donor.post("/api/mall/donations", body).await, 201).await;
    assert_eq!((d.points, d.balance), (300, 0));
}

#[tokio::test]
async fn a_first_exchange_discounted_to_nothing_takes_no_points() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 100).await;
    let conn = db(&server);
    let item = add_item(&conn, "t-200", 200, None, 10, false);
    let user = User::eligible(&server, "15000000034", 3, 0).await;
    let seen = user.item(item).await;
    assert_eq!(seen.first_exchange_points, Some(0));
    assert!(seen.can_redeem, "{seen:?}");
    let r: RedemptionReceipt = decode(user.redeem(item, 1, &key()).await, 201).await;
    assert_eq!(
        (
            r.order.points_list,
            r.order.discount_points,
            r.order.points_paid
        ),
        (200, 200, 0)
    );
    assert_eq!(r.balance, 0);
    let newest = &user.ledger("?per_page=1").await.entries[0];
    assert_eq!((newest.kind, newest.points), (LedgerKind::Redemption, 0));
    // The second exchange costs the full price.
    expect_error(
        user.redeem(item, 1, &key()).await,
        409,
        "insufficient_points",
    )
    .await;
}

#[tokio::test]
async fn with_no_first_exchange_discount_none_is_offered_or_given() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let credit = item_id(&db(&server), "credit-10");
    let user = User::eligible(&server, "15000000035", 3, 5000).await;
    assert_eq!(user.summary().await.first_exchange_percent_off, None);
    let seen = user.item(credit).await;
    assert!(seen.can_redeem);
    assert_eq!(seen.first_exchange_points, None);
    let r: RedemptionReceipt = decode(user.redeem(credit, 1, &key()).await, 201).await;
    assert_eq!((r.order.discount_points, r.order.points_paid), (0, 1000));
}

#[tokio::test]
async fn quantity_and_idempotency_key_are_accepted_at_their_limits_and_refused_past_them() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let limit = MAX_QUANTITY + 1;
    let item = add_item(&conn, "t-1", 1, None, limit, false);
    let user = User::eligible(&server, "15000000036", 3, 1000).await;
    for n in [IDEMPOTENCY_KEY_MIN - 1, IDEMPOTENCY_KEY_MAX + 1] {
        expect_error(
            user.redeem(item, 1, &"k".repeat(n)).await,
            400,
            "invalid_idempotency_key",
        )
        .await;
    }
    expect_error(
        user.redeem(item, MAX_QUANTITY + 1, &key()).await,
        400,
        "invalid_quantity",
    )
    .await;
    let r: RedemptionReceipt = decode(
        user.redeem(item, MAX_QUANTITY, &"a".repeat(IDEMPOTENCY_KEY_MIN))
            .await,
        201,
    )
    .await;
    assert_eq!(r.order.quantity, MAX_QUANTITY);
    // Up to exactly the per-customer limit, and not one more.
    let r: RedemptionReceipt = decode(
        user.redeem(item, 1, &"b".repeat(IDEMPOTENCY_KEY_MAX)).await,
        201,
    )
    .await;
    assert_eq!(r.balance, 1000 - i64::from(limit));
    assert_eq!(
        user.item(item).await.blocked_reason,
        Some(BlockedReason::LimitReached)
    );
    let e = expect_error(user.redeem(item, 1, &key()).await, 409, "limit_exceeded").await;
    let details = e.details.unwrap();
    assert_eq!((details.limit, details.remaining), (Some(limit), Some(0)));
}
