//! The tier, and that every "Me" endpoint needs a session.

mod common;
mod community_support;
mod me_support;

use care_contract::me::{TierBenefit, TierStatus, ValueBand, NEW_SUBSCRIBER_SCORE};
use care_contract::ErrorCode;
use community_support::Member;
use me_support::*;
use serde_json::json;

#[tokio::test]
async fn a_new_subscriber_starts_at_level_one_with_the_default_score() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let t: TierStatus = me.fetch("/api/me/tier").await;
    assert_eq!((t.star_level, t.value_score), (1, NEW_SUBSCRIBER_SCORE));
    assert_eq!(t.band, ValueBand::Low);
    assert_eq!(t.benefits, [TierBenefit::PointsRedemption]);
    let next = t.next.unwrap();
    assert_eq!((next.star_level, next.min_score), (2, 50));
    assert_eq!(next.score_to_go, 50 - NEW_SUBSCRIBER_SCORE);
    assert_eq!(t.levels.len(), 7);
}

#[tokio::test]
async fn the_demo_subscribers_scores_agree_with_their_stars() {
    let server = me_server().await;
    let wang = Member::sign_in(&server, WANG).await;
    let t: TierStatus = wang.fetch("/api/me/tier").await;
    assert_eq!(
        (t.star_level, t.value_score, t.band),
        (6, 92, ValueBand::Top)
    );
    assert!(t.benefits.contains(&TierBenefit::DedicatedManager));
    assert_eq!(t.next.unwrap().score_to_go, 3);
    let staff = Member::sign_in(&server, STAFF).await;
    let t: TierStatus = staff.fetch("/api/me/tier").await;
    assert_eq!(t.star_level, 7);
    assert_eq!(t.next, None);
}

#[tokio::test]
async fn every_me_endpoint_needs_a_session() {
    let server = me_server().await;
    let c = &server.client;
    let url = |p: &str| server.url(p);
    let body = json!({});
    let requests = [
        c.get(url("/api/me/tier")),
        c.get(url("/api/me/family-contacts")),
        c.post(url("/api/me/family-contacts")).json(&body),
        c.put(url("/api/me/family-contacts/1")).json(&body),
        c.delete(url("/api/me/family-contacts/1")),
        c.get(url("/api/me/callbacks")),
        c.post(url("/api/me/callbacks")).json(&body),
        c.post(url("/api/me/callbacks/1/cancel")),
        c.get(url("/api/staff/callbacks")),
        c.post(url("/api/staff/callbacks/1/done")),
        c.get(url("/api/me/privacy")),
        c.get(url("/api/me/export")),
        c.post(url("/api/me/deletion-request")).json(&body),
        c.delete(url("/api/me/deletion-request")),
    ];
    for request in requests {
        refused_with(
            request.send().await.unwrap(),
            401,
            ErrorCode::Unauthenticated,
        )
        .await;
    }
}
