//! Orders over real HTTP: a physical order keeps its address, staff ship and deliver it, a
//! cancel refunds into the ledger, and nobody sees anyone else's orders.

mod common;
mod mall_support;

use care_contract::mall::{
    CancelResult, LedgerKind, Order, OrderPage, OrderStatus, PointsExpiry, RedemptionReceipt,
    SavedAddress, TRACKING_NUMBER_MAX_CHARS,
};
use chrono::NaiveDate;
use common::*;
use mall_support::*;
use serde_json::json;

#[tokio::test]
async fn a_physical_order_keeps_the_address_ships_and_a_cancel_refunds_into_the_ledger() {
    let server = mall_server().await;
    let conn = db(&server);
    let case = item_id(&conn, "phone-case");
    let apples = item_id(&conn, "rural-apples");
    let credit = item_id(&conn, "credit-10");
    let zhang = User::sign_in(&server, ZHANG).await;
    let none: SavedAddress = zhang.fetch("/api/mall/address").await;
    assert_eq!(none.address, None);

    let receipt: RedemptionReceipt =
        decode(zhang.redeem_to(case, 1, &key(), address()).await, 201).await;
    let order = receipt.order;
    assert_eq!(order.status, OrderStatus::AwaitingShipment);
    assert!(order.can_cancel);
    assert_eq!(order.points_paid, 640, "first exchange: 800 less 20%");
    let sent = order.address.clone().unwrap();
    assert_eq!(sent.phone, "13800138000");
    assert_eq!(sent.name, "张小明");
    assert_eq!(stock(&conn, case), Some(119));
    // The address is kept for next time.
    let kept: SavedAddress = zhang.fetch("/api/mall/address").await;
    assert_eq!(kept.address, order.address);

    // Cancel while awaiting shipment: the points come back as a refund.
    let cancel = format!("/api/mall/orders/{}/cancel", order.id);
    let cancelled: CancelResult = decode(zhang.post(&cancel, json!({})).await, 200).await;
    assert_eq!(cancelled.order.status, OrderStatus::Cancelled);
    assert!(!cancelled.order.can_cancel);
    assert!(cancelled.order.cancelled_at.is_some());
    assert_eq!(cancelled.refunded_points, 640);
    assert_eq!(cancelled.balance, ZHANG_BALANCE);
    assert_eq!(stock(&conn, case), Some(120));
    let refund = &zhang.ledger("?kind=refund").await.entries[0];
    assert_eq!(refund.kind, LedgerKind::Refund);
    assert_eq!(refund.points, 640);
    assert_eq!(refund.order_id, Some(order.id));
    assert_eq!(
        refund.expires_on, None,
        "no new points: all went back to their lots"
    );
    // The refunded points went back to the lot expiring in 35 days.
    assert_eq!(zhang.summary().await.next_expiry.unwrap().points, 800);
    expect_error(zhang.post(&cancel, json!({})).await, 409, "invalid_status").await;

    // Points plus cash; the cancelled order did not use up the first-exchange discount.
    let r: RedemptionReceipt =
        decode(zhang.redeem_to(apples, 2, &key(), address()).await, 201).await;
    let order = r.order;
    assert_eq!(order.cash_fen, 3980);
    assert_eq!(order.points_list, 2400);
    assert_eq!(order.points_paid, 1920);
    let id = order.id;

    // Staff ship it, then it is delivered; the customer can no longer cancel.
    let staff = User::sign_in(&server, STAFF).await;
    let advance = format!("/api/mall/staff/orders/{id}/advance");
    expect_error(zhang.post(&advance, json!({})).await, 403, "forbidden").await;
    let shipped: Order = decode(
        staff
            .post(&advance, json!({ "tracking_number": "SF1234567890" }))
            .await,
        200,
    )
    .await;
    assert_eq!(shipped.status, OrderStatus::Shipped);
    assert_eq!(shipped.tracking_number.as_deref(), Some("SF1234567890"));
    expect_error(
        zhang
            .post(&format!("/api/mall/orders/{id}/cancel"), json!({}))
            .await,
        409,
        "invalid_status",
    )
    .await;
    let delivered: Order = decode(staff.post(&advance, json!({})).await, 200).await;
    assert_eq!(delivered.status, OrderStatus::Delivered);
    assert!(delivered.delivered_at.is_some());
    expect_error(staff.post(&advance, json!({})).await, 409, "invalid_status").await;
    let mine: Order = zhang.fetch(&format!("/api/mall/orders/{id}")).await;
    assert_eq!(mine.status, OrderStatus::Delivered);
    assert_eq!(mine.tracking_number.as_deref(), Some("SF1234567890"));

    // Instant orders cannot be cancelled, nor advanced.
    let r: RedemptionReceipt = decode(zhang.redeem(credit, 1, &key()).await, 201).await;
    let instant = r.order.id;
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
    let r: RedemptionReceipt = decode(zhang.redeem_to(case, 1, &key(), address()).await, 201).await;
    let id = r.order.id;
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
    assert_eq!(wang.fetch::<OrderPage>("/api/mall/orders").await.total, 0);
    let mine: Order = zhang.fetch(&format!("/api/mall/orders/{id}")).await;
    assert_eq!(mine.status, OrderStatus::AwaitingShipment);
    expect_error(zhang.get("/api/mall/orders/424242").await, 404, "not_found").await;
}

/// (amount, remaining, expires_on, expired) of each of a subscriber's lots, oldest first.
fn lots(conn: &rusqlite::Connection, subscriber_id: i64) -> Vec<(i64, i64, NaiveDate, bool)> {
    let mut stmt = conn
        .prepare(
            "SELECT amount, remaining, expires_on, expired FROM point_lots
             WHERE subscriber_id = ?1 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([subscriber_id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[tokio::test]
async fn a_cancel_after_the_points_expired_refunds_them_as_new_points_expiring_at_the_end_of_next_year(
) {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let user = User::eligible(&server, "15000000021", 3, 0).await;
    let soon = plus(5);
    let later = plus(400);
    grant(&conn, user.id, 300, soon);
    grant(&conn, user.id, 500, later);
    let lamp = add_item(&conn, "t-lamp", 400, Some(10), 5, true);
    // Oldest first: 300 from the lot expiring soon, 100 from the later one.
    let r: RedemptionReceipt = decode(user.redeem_to(lamp, 1, &key(), address()).await, 201).await;
    assert_eq!(r.balance, 400);
    let order = r.order.id;

    // The first lot's last day passes while the order waits for shipment.
    let today = plus(6);
    server.config.clock.set_china_noon(today);
    assert_eq!(user.balance().await, 400);
    let cancelled: CancelResult = decode(
        user.post(&format!("/api/mall/orders/{order}/cancel"), json!({}))
            .await,
        200,
    )
    .await;
    assert_eq!(cancelled.refunded_points, 400);
    assert_eq!(cancelled.balance, 800);

    // Points earned (or refunded as new) in 2025 expire on 31 December 2026.
    let end_of_next_year = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let refund = &user.ledger("?kind=refund").await.entries[0];
    assert_eq!(refund.points, 400);
    assert_eq!(refund.order_id, Some(order));
    assert_eq!(refund.date, today);
    assert_eq!(refund.expires_on, Some(end_of_next_year));
    // The 100 went back into the lot they came from; the 300 whose lot expired are one new
    // lot of 300 (the expired lot stays expired).
    assert_eq!(
        lots(&conn, user.id),
        [
            (300, 0, soon, true),
            (500, 500, later, false),
            (300, 300, end_of_next_year, false)
        ]
    );

    // Over the API: the later lot expires first, then the refund, on its last day's midnight.
    let s = user.summary().await;
    assert_eq!(
        s.next_expiry,
        Some(PointsExpiry {
            points: 500,
            date: later
        })
    );
    server
        .config
        .clock
        .set_china_noon(later + chrono::Days::new(1));
    let s = user.summary().await;
    assert_eq!(s.balance, 300);
    assert_eq!(
        s.next_expiry,
        Some(PointsExpiry {
            points: 300,
            date: end_of_next_year
        })
    );
    server.config.clock.set_china_noon(end_of_next_year);
    assert_eq!(user.balance().await, 300);
    server
        .config
        .clock
        .set_china_noon(end_of_next_year + chrono::Days::new(1));
    assert_eq!(user.balance().await, 0);
    let expired = user.ledger("?kind=expiry").await;
    let points: Vec<i64> = expired.entries.iter().map(|e| e.points).collect();
    assert_eq!(
        points,
        [-300, -500],
        "newest first; nothing for the lot spent to 0"
    );
}

#[tokio::test]
async fn a_tracking_number_is_kept_up_to_its_limit_and_refused_past_it() {
    let server = mall_server().await;
    let conn = db(&server);
    let case = item_id(&conn, "phone-case");
    let zhang = User::sign_in(&server, ZHANG).await;
    let staff = User::sign_in(&server, STAFF).await;
    let r: RedemptionReceipt = decode(zhang.redeem_to(case, 1, &key(), address()).await, 201).await;
    let advance = format!("/api/mall/staff/orders/{}/advance", r.order.id);
    // Characters, not bytes: 41 of them are refused, 40 are kept.
    let long = "顺".repeat(TRACKING_NUMBER_MAX_CHARS + 1);
    let e = expect_error(
        staff
            .post(&advance, json!({ "tracking_number": long }))
            .await,
        400,
        "bad_request",
    )
    .await;
    assert!(e.message.contains("tracking_number"), "{e:?}");
    let mine: Order = zhang
        .fetch(&format!("/api/mall/orders/{}", r.order.id))
        .await;
    assert_eq!(mine.status, OrderStatus::AwaitingShipment);
    let exact = "顺".repeat(TRACKING_NUMBER_MAX_CHARS);
    let shipped: Order = decode(
        staff
            .post(&advance, json!({ "tracking_number": exact }))
            .await,
        200,
    )
    .await;
    assert_eq!(shipped.status, OrderStatus::Shipped);
    assert_eq!(shipped.tracking_number.as_deref(), Some(exact.as_str()));
}

#[tokio::test]
async fn a_cancel_never_refunds_into_a_lot_that_has_expired_even_with_the_clock_set_back() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let conn = db(&server);
    let user = User::eligible(&server, "15000000023", 3, 0).await;
    grant(&conn, user.id, 300, plus(5));
    grant(&conn, user.id, 500, plus(400));
    let lamp = add_item(&conn, "t-lamp", 400, Some(10), 5, true);
    let r: RedemptionReceipt = decode(user.redeem_to(lamp, 1, &key(), address()).await, 201).await;
    // The first lot expires (seen the day after its last day), then the clock goes back to
    // before that day: the lot stays expired, so its 300 come back as new points.
    server.config.clock.set_china_noon(plus(6));
    assert_eq!(user.balance().await, 400);
    server.config.clock.set_china_noon(plus(4));
    let cancelled: CancelResult = decode(
        user.post(
            &format!("/api/mall/orders/{}/cancel", r.order.id),
            json!({}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!((cancelled.refunded_points, cancelled.balance), (400, 800));
    let end_of_next_year = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    assert_eq!(
        lots(&conn, user.id),
        [
            (300, 0, plus(5), true),
            (500, 500, plus(400), false),
            (300, 300, end_of_next_year, false)
        ]
    );
}
