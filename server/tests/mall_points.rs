//! Points over real HTTP: the mall summary (balance, tier, next expiry, the reminder), the
//! ledger (paging, filters, expiry entries) and points past their last day.

mod common;
mod mall_support;

use care_contract::mall::{
    BlockedReason, CheckInStatus, LedgerKind, PointsExpiry, RedemptionReceipt,
};
use common::*;
use mall_support::*;

#[tokio::test]
async fn the_summary_shows_balance_tier_next_expiry_reminder_and_check_in() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let s = zhang.summary().await;
    assert_eq!(s.balance, ZHANG_BALANCE, "{s:?}");
    assert_eq!(s.today, day0());
    assert_eq!(s.tier.name_zh, "金卡会员");
    assert_eq!(s.tier.multiplier_percent, 150);
    assert!(!s.tier.benefits.is_empty());
    let soon = PointsExpiry {
        points: 800,
        date: plus(35),
    };
    assert_eq!(s.next_expiry, Some(soon));
    assert_eq!(s.expiring_soon, Some(soon));
    assert_eq!(s.expiry_reminder_days, 60);
    assert_eq!(
        s.check_in,
        CheckInStatus {
            checked_in_today: false,
            streak: 0,
            month_total: 0,
            month_cap: 150,
            next_reward: 5
        }
    );
    assert_eq!(s.account_blocked, None);
    assert_eq!(s.first_exchange_percent_off, Some(20));
    // Absent, not null, in the JSON itself.
    let raw = zhang.json("/api/mall/summary").await;
    assert!(raw.get("account_blocked").is_none(), "{raw}");

    // The lot that expired shows in the ledger as an `expiry` entry, dated when it expired.
    let expiry = zhang.ledger("?kind=expiry").await;
    assert_eq!(expiry.total, 1);
    assert_eq!(expiry.entries[0].points, -120);
    assert_eq!(expiry.entries[0].date, plus(-19));
    // Reading again adds nothing.
    zhang.summary().await;
    assert_eq!(zhang.ledger("?kind=expiry").await.total, 1);

    // 王秀英: diamond tier, few points, 50 of them expiring within 60 days.
    let wang = User::sign_in(&server, WANG).await;
    let s = wang.summary().await;
    assert_eq!(s.balance, 150);
    assert_eq!(s.tier.multiplier_percent, 200);
    assert_eq!(s.expiring_soon.map(|e| e.points), Some(50));
    assert_eq!(s.account_blocked, None::<BlockedReason>);

    let anonymous = server.get("/api/mall/summary").await;
    expect_error(anonymous, 401, "unauthenticated").await;
}

#[tokio::test]
async fn the_ledger_pages_newest_first_and_filters_by_kind() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let all = zhang.ledger("?per_page=50").await;
    // 12 earnings, 3 check-ins, 1 expiry.
    assert_eq!(all.total, 16);
    let entries = &all.entries;
    assert_eq!(entries.len(), 16);
    assert!(
        entries.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
    // The lot that expired 19 days ago at midnight, then the birthday gift 20 days ago.
    assert_eq!(entries[0].kind, LedgerKind::Expiry);
    assert_eq!(entries[1].kind, LedgerKind::BirthdayGift);

    let page1 = zhang.ledger("?per_page=5&page=1").await;
    let page4 = zhang.ledger("?per_page=5&page=4").await;
    assert_eq!(page1.entries.len(), 5);
    assert_eq!(page1.entries[0], entries[0]);
    assert_eq!(page4.entries, [entries[15].clone()]);
    assert_eq!(page4.page, 4);
    assert!(zhang.ledger("?per_page=5&page=9").await.entries.is_empty());

    let spending = zhang.ledger("?kind=monthly_spending").await;
    assert_eq!(spending.total, 6);
    for e in &spending.entries {
        assert_eq!(e.kind, LedgerKind::MonthlySpending);
        assert!(e.title_zh.contains("× 1.5"), "{e:?}");
        assert!(e.expires_on.is_some());
    }
    assert_eq!(zhang.ledger("?kind=check_in").await.total, 3);

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
    let details = err.details.unwrap();
    assert_eq!((details.balance, details.needed), (Some(50), Some(300)));
    assert_eq!(
        snapshot(&conn),
        before,
        "a refused redemption changes nothing"
    );
    assert_eq!(user.balance().await, 50);
    let expiry = user.ledger("?kind=expiry").await;
    assert_eq!(expiry.entries[0].points, -500);
    assert_eq!(
        user.item(item).await.blocked_reason,
        Some(BlockedReason::InsufficientPoints)
    );
    // Moving the clock back does not resurrect them.
    server.config.clock.set_china_noon(plus(1));
    assert_eq!(user.balance().await, 50);
}

#[tokio::test]
async fn a_lot_spent_to_nothing_writes_no_expiry_entry_when_its_day_passes() {
    let server = mall_server_with(|c| c.mall.first_exchange_percent_off = 0).await;
    let user = User::eligible(&server, "15000000022", 3, 0).await;
    let conn = db(&server);
    grant(&conn, user.id, 300, plus(5));
    grant(&conn, user.id, 200, plus(400));
    let item = add_item(&conn, "t-300", 300, None, 10, false);
    let r: RedemptionReceipt = decode(user.redeem(item, 1, &key()).await, 201).await;
    assert_eq!(r.balance, 200, "the lot expiring first paid it all");
    server.config.clock.set_china_noon(plus(6));
    assert_eq!(user.balance().await, 200);
    assert_eq!(user.ledger("?kind=expiry").await.total, 0);
    assert_eq!(
        user.ledger("").await.total,
        3,
        "two earnings and the redemption"
    );
}
