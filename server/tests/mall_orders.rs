//! Orders over real HTTP: a physical order keeps its address, staff ship and deliver it, a
//! cancel refunds into the ledger, and nobody sees anyone else's orders.

mod common;
mod mall_support;

use care_contract::mall::{
    CancelResult, LedgerKind, Order, OrderPage, OrderStatus, RedemptionReceipt, SavedAddress,
};
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
