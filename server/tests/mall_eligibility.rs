//! Who may redeem, over real HTTP: accounts too new, not verified or in arrears are told
//! why (redeeming and donating), and tier-only items need the star level.

mod common;
mod mall_support;

use care_contract::mall::{BlockedReason, CharityProject, ItemPage};
use common::*;
use mall_support::*;
use serde_json::json;

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
    for (user, code, reason) in [
        (&li, "account_too_new", BlockedReason::AccountTooNew),
        (&chen, "in_arrears", BlockedReason::InArrears),
        (&zhang, "not_verified", BlockedReason::NotVerified),
    ] {
        user.summary().await;
        let before = snapshot(&conn);
        expect_error(user.redeem(credit, 1, &key()).await, 403, code).await;
        assert_eq!(snapshot(&conn), before);
        let s = user.summary().await;
        assert_eq!(s.account_blocked, Some(reason));
        assert!(s.balance > 0);
        let item = user.item(credit).await;
        assert!(!item.can_redeem);
        assert_eq!(item.blocked_reason, Some(reason));
        let projects: Vec<CharityProject> = user.fetch("/api/mall/charity").await;
        let r = user
            .post(
                "/api/mall/donations",
                json!({ "project_id": projects[0].id, "points": 10, "idempotency_key": key() }),
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
    let item = low.item(speaker).await;
    assert!(item.tier_only);
    assert_eq!(item.min_star_level, 5);
    assert_eq!(item.blocked_reason, Some(BlockedReason::TierRequired));
    let before = snapshot(&conn);
    let e = expect_error(
        low.redeem_to(speaker, 1, &key(), address()).await,
        403,
        "tier_required",
    )
    .await;
    assert_eq!(e.details.unwrap().min_star_level, Some(5));
    assert_eq!(snapshot(&conn), before);
    let high = User::eligible(&server, "15000000005", 5, 10_000).await;
    assert_eq!(
        high.redeem_to(speaker, 1, &key(), address()).await.status(),
        201
    );
}

#[tokio::test]
async fn an_ordinary_item_is_not_tier_only_and_the_lowest_star_level_may_take_it() {
    let server = mall_server().await;
    let conn = db(&server);
    let credit = item_id(&conn, "credit-10");
    let user = User::eligible(&server, "15000000041", 1, 5000).await;
    let item = user.item(credit).await;
    assert_eq!((item.min_star_level, item.tier_only), (1, false));
    assert_eq!(item.blocked_reason, None);
    assert_eq!(
        user.json(&format!("/api/mall/items/{credit}")).await["tier_only"],
        false
    );
    assert_eq!(user.redeem(credit, 1, &key()).await.status(), 201);
    // Only an item above the lowest star level is tier-only.
    let page: ItemPage = user.fetch("/api/mall/items?per_page=50").await;
    let tier_only: Vec<&str> = page
        .items
        .iter()
        .filter(|i| i.tier_only)
        .map(|i| i.name_en.as_str())
        .collect();
    assert_eq!(tier_only.len(), 1, "{tier_only:?}");
    assert!(page
        .items
        .iter()
        .all(|i| i.tier_only == (i.min_star_level > 1)));
}
