//! Charity projects and donations of points, over real HTTP.

mod common;
mod mall_support;

use care_contract::mall::{CharityProject, DonationReceipt, LedgerKind};
use common::*;
use mall_support::*;
use serde_json::json;

#[tokio::test]
async fn a_donation_happens_exactly_once_and_shows_in_the_ledger() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let projects: Vec<CharityProject> = zhang.fetch("/api/mall/charity").await;
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[0].name_zh, "山区儿童午餐");
    let project = projects[0].id;
    let raised = projects[0].raised_points;
    let k = key();
    let body = json!({ "project_id": project, "points": 300, "idempotency_key": k });
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (u, b) = (zhang.clone(), body.clone());
            tokio::spawn(async move {
                let r = u.post("/api/mall/donations", b).await;
                let status = r.status().as_u16();
                (status, r.json::<DonationReceipt>().await.unwrap())
            })
        })
        .collect();
    let mut created = 0;
    let mut ids = std::collections::HashSet::new();
    for t in tasks {
        let (status, receipt) = t.await.unwrap();
        assert!(status == 200 || status == 201, "{status} {receipt:?}");
        created += usize::from(status == 201);
        assert_eq!(receipt.replayed, status == 200);
        ids.insert(receipt.id);
    }
    assert_eq!((created, ids.len()), (1, 1));
    assert_eq!(zhang.balance().await, ZHANG_BALANCE - 300);
    let donations = zhang.ledger("?kind=donation").await;
    assert_eq!(donations.total, 1);
    assert_eq!(donations.entries[0].kind, LedgerKind::Donation);
    assert_eq!(donations.entries[0].points, -300);
    assert!(donations.entries[0].title_zh.contains("山区儿童午餐"));
    // The ledger entry names the donation it paid for.
    let donation_id: i64 = db(&server)
        .query_row(
            "SELECT donation_id FROM point_ledger WHERE id = ?1",
            [donations.entries[0].id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(Some(&donation_id), ids.iter().next());
    let after: Vec<CharityProject> = zhang.fetch("/api/mall/charity").await;
    assert_eq!(after[0].raised_points, raised + 300);
    assert_eq!(after[0].my_points, 300);
    // Public view: no `my_points` of anyone.
    let public: Vec<CharityProject> = decode(server.get("/api/mall/charity").await, 200).await;
    assert_eq!(public[0].my_points, 0);

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

/// JSON Schema's `integer` is any number without a fraction, so the document allows `300.0`
/// and `3e2`: the server reads them as the integers they are, exactly, however large.
#[tokio::test]
async fn whole_numbers_written_as_floats_are_those_numbers() {
    let server = mall_server().await;
    let zhang = User::sign_in(&server, ZHANG).await;
    let projects: Vec<CharityProject> = zhang.fetch("/api/mall/charity").await;
    let project = projects[0].id as f64;
    for (points, k) in [("300.0", key()), ("3e2", key())] {
        let body = format!(
            r#"{{"project_id": {project:.1}, "points": {points}, "idempotency_key": "{k}"}}"#
        );
        let r = zhang
            .client
            .post(format!("{}/api/mall/donations", zhang.base))
            .header("cookie", &zhang.cookie)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let receipt: DonationReceipt = decode(r, 201).await;
        assert_eq!(receipt.points, 300);
    }
    // Past 2^51 a float parser that is a unit in the last place off would see a fraction.
    let body = format!(
        r#"{{"project_id": {project}, "points": 2153688063369455.0, "idempotency_key": "{}"}}"#,
        key()
    );
    let r = zhang
        .client
        .post(format!("{}/api/mall/donations", zhang.base))
        .header("cookie", &zhang.cookie)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let e = expect_error(r, 409, "insufficient_points").await;
    assert_eq!(e.details.unwrap().needed, Some(2_153_688_063_369_455));
    // A fraction is still refused.
    let half = json!({ "project_id": projects[0].id, "points": 0.5, "idempotency_key": key() });
    expect_error(
        zhang.post("/api/mall/donations", half).await,
        400,
        "bad_request",
    )
    .await;
}
