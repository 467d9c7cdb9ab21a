//! The delivery address kept for next time, over real HTTP.

mod common;
mod mall_support;

use care_contract::mall::SavedAddress;
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
