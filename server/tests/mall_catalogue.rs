//! The catalogue over real HTTP: public, searchable, sortable, and each item says why it
//! cannot be redeemed.

mod common;
mod mall_support;

use care_contract::mall::{BlockedReason, DeliveryKind, ItemCategory, ItemPage, SEARCH_MAX_CHARS};
use common::*;
use mall_support::*;

#[tokio::test]
async fn the_catalogue_is_public_searchable_sortable_and_says_why_not() {
    let server = mall_server().await;
    let page: ItemPage = decode(server.get("/api/mall/items?per_page=50").await, 200).await;
    assert_eq!(page.total, 13);
    assert!(page
        .items
        .iter()
        .all(|i| !i.can_redeem && i.blocked_reason == Some(BlockedReason::SignInRequired)));
    // Popular first by default.
    let counts: Vec<i64> = page.items.iter().map(|i| i.redemption_count).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    let wang = User::sign_in(&server, WANG).await;
    let data: ItemPage = wang
        .fetch("/api/mall/items?category=data&sort=price_asc")
        .await;
    assert!(data.items.iter().all(|i| i.category == ItemCategory::Data));
    let prices: Vec<i64> = data.items.iter().map(|i| i.points).collect();
    assert_eq!(prices, vec![300, 1500, 2000]);
    let first = &data.items[0];
    assert_eq!(
        first.blocked_reason,
        Some(BlockedReason::InsufficientPoints)
    );
    assert_eq!(first.first_exchange_points, Some(240));
    let desc: ItemPage = wang
        .fetch("/api/mall/items?sort=price_desc&per_page=1")
        .await;
    assert_eq!(desc.items[0].points, 6000);
    assert_eq!(desc.total, 13);
    let newest: ItemPage = wang.fetch("/api/mall/items?sort=newest&per_page=1").await;
    assert_eq!(newest.items[0].name_en, "Flash: ¥30 phone credit");

    let total = |path: &'static str| {
        let wang = wang.clone();
        async move { wang.fetch::<ItemPage>(path).await.total }
    };
    assert_eq!(total("/api/mall/items?q=话费").await, 3);
    assert_eq!(
        total("/api/mall/items?q=PHONE%20credit").await,
        3,
        "English search ignores case"
    );
    assert_eq!(total("/api/mall/items?q=%25").await, 0, "% is a literal");
    let apples: ItemPage = wang.fetch("/api/mall/items?category=rural").await;
    assert_eq!(apples.items[0].cash_fen, 1990);
    assert_eq!(apples.items[0].delivery, DeliveryKind::Physical);
    assert_eq!(
        total("/api/mall/items?category=charity").await,
        0,
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
async fn a_search_is_accepted_up_to_its_limit_and_refused_past_it() {
    let server = mall_server().await;
    // Characters, not bytes: 50 of 话 are 150 bytes.
    let longest = format!("/api/mall/items?q={}", "话".repeat(SEARCH_MAX_CHARS));
    let page: ItemPage = decode(server.get(&longest).await, 200).await;
    assert_eq!(page.total, 0);
    let too_long = format!("/api/mall/items?q={}", "话".repeat(SEARCH_MAX_CHARS + 1));
    expect_error(server.get(&too_long).await, 400, "bad_request").await;
}
