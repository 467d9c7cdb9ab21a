//! The delivery address kept for next time, over real HTTP.

mod common;
mod mall_support;

use care_contract::mall::{
    RedemptionReceipt, SavedAddress, ADDRESS_DETAIL_MAX_CHARS, ADDRESS_DETAIL_MIN_CHARS,
    ADDRESS_NAME_MAX_CHARS, ADDRESS_REGION_MAX_CHARS,
};
use common::*;
use mall_support::*;
use serde_json::json;

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
    assert_eq!(e.details.unwrap().field.as_deref(), Some("phone"));
    // No address yet: the field is absent, an empty object.
    assert_eq!(wang.json("/api/mall/address").await, json!({}));
    let mut a = address();
    a["name"] = json!("  王秀英 ");
    let saved: SavedAddress = decode(wang.put("/api/mall/address", a).await, 200).await;
    let kept = saved.address.clone().unwrap();
    assert_eq!(kept.name, "王秀英");
    assert_eq!(kept.phone, "13800138000");
    assert_eq!(wang.fetch::<SavedAddress>("/api/mall/address").await, saved);
    // Another user does not see it.
    let zhang = User::sign_in(&server, ZHANG).await;
    let theirs: SavedAddress = zhang.fetch("/api/mall/address").await;
    assert_eq!(theirs.address, None);
}

#[tokio::test]
async fn every_address_field_is_kept_at_its_limits_and_refused_one_past_them() {
    let server = mall_server().await;
    let wang = User::sign_in(&server, WANG).await;
    // (field, shortest, longest), counted in characters (each 省 is three bytes).
    for (field, min, max) in [
        ("name", 1, ADDRESS_NAME_MAX_CHARS),
        ("region", 1, ADDRESS_REGION_MAX_CHARS),
        ("detail", ADDRESS_DETAIL_MIN_CHARS, ADDRESS_DETAIL_MAX_CHARS),
    ] {
        for n in [min, max] {
            let mut a = address();
            a[field] = json!("省".repeat(n));
            let saved: SavedAddress = decode(wang.put("/api/mall/address", a).await, 200).await;
            let kept = serde_json::to_value(saved.address.unwrap()).unwrap();
            assert_eq!(kept[field], json!("省".repeat(n)), "{field} of {n}");
        }
        for n in [min - 1, max + 1] {
            let mut a = address();
            a[field] = json!("省".repeat(n));
            let e = expect_error(
                wang.put("/api/mall/address", a).await,
                400,
                "invalid_address",
            )
            .await;
            assert_eq!(e.details.unwrap().field.as_deref(), Some(field), "{n}");
        }
    }
    // A redemption takes every field at its longest, and keeps them on the order.
    let case = item_id(&db(&server), "phone-case");
    let zhang = User::sign_in(&server, ZHANG).await;
    let mut longest = address();
    longest["name"] = json!("名".repeat(ADDRESS_NAME_MAX_CHARS));
    longest["region"] = json!("区".repeat(ADDRESS_REGION_MAX_CHARS));
    longest["detail"] = json!("路".repeat(ADDRESS_DETAIL_MAX_CHARS));
    let r: RedemptionReceipt =
        decode(zhang.redeem_to(case, 1, &key(), longest.clone()).await, 201).await;
    let sent = serde_json::to_value(r.order.address.unwrap()).unwrap();
    for field in ["name", "region", "detail"] {
        assert_eq!(sent[field], longest[field]);
    }
}
