//! The community's test hooks: only with `--enable-faults`, never in the document; they
//! change the numbers a browser test needs and age a post.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;
use serde_json::{json, Value};

async fn put(server: &TestServer, path: &str, body: Value) -> reqwest::Response {
    server
        .client
        .put(server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn without_the_fault_flag_the_hooks_do_not_exist() {
    let server = community_server().await;
    expect_error(
        put(&server, "/api/_test/community/config", json!({})).await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        server
            .post_json(
                "/api/_test/community/backdate",
                json!({ "kind": "thread", "id": 1, "minutes": 60 }),
            )
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_test_sets_forbidden_words_and_limits_and_ages_its_post() {
    let server = community_server_with(|c| c.enable_faults = true).await;
    let changed: Value = decode(
        put(
            &server,
            "/api/_test/community/config",
            json!({ "forbidden_words": ["测试违禁词"], "replies_per_minute": 0 }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(changed["forbidden_words"], json!(["测试违禁词"]));
    assert_eq!(changed["replies_per_minute"], 0);
    assert_eq!(changed["threads_per_hour"], 5, "the rest stays");
    let member = Member::fresh(&server).await;
    let held = member
        .new_reply(BROADBAND_THREAD, "这里有测试违禁词", None)
        .await;
    assert_eq!(held.state, PostState::Held);
    let kept = member
        .new_reply(BROADBAND_THREAD, "加微信不再是违禁词", None)
        .await;
    assert_eq!(kept.state, PostState::Published);
    // Aged past the edit window, the post can no longer be edited.
    assert_eq!(
        server
            .post_json(
                "/api/_test/community/backdate",
                json!({ "kind": "reply", "id": kept.id, "minutes": 31 }),
            )
            .await
            .status(),
        204
    );
    expect_error(
        member
            .put(
                &format!("/api/community/replies/{}", kept.id),
                json!({ "body": "改一下" }),
            )
            .await,
        409,
        "edit_window_closed",
    )
    .await;
    expect_error(
        server
            .post_json(
                "/api/_test/community/backdate",
                json!({ "kind": "thread", "id": 424242, "minutes": 1 }),
            )
            .await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        put(
            &server,
            "/api/_test/community/config",
            json!({ "adoption_points": 0 }),
        )
        .await,
        400,
        "bad_request",
    )
    .await;
    expect_error(
        put(
            &server,
            "/api/_test/community/config",
            json!({ "nonsense": 1 }),
        )
        .await,
        400,
        "bad_request",
    )
    .await;
    let reset = server
        .client
        .delete(server.url("/api/_test/community/config"))
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 204);
    assert_eq!(
        server.config.community.get(),
        care_server::community::CommunityConfig::default()
    );
}
