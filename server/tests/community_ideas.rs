//! Idea calls over real HTTP: staff adopt a suggestion once, and its author's points show
//! in the mall's points ledger as an earning.

mod common;
mod community_support;

use care_contract::community::*;
use care_contract::mall::{LedgerKind, LedgerPage, MallSummary};
use common::*;
use community_support::*;
use serde_json::json;

#[tokio::test]
async fn an_adopted_suggestion_credits_its_author_the_configured_points_in_the_ledger() {
    let server = community_server_with(|c| c.community.update(|c| c.adoption_points = 300)).await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let suggestion = author
        .new_reply(OPEN_IDEA_CALL_THREAD, "希望长辈版能用方言语音播报。", None)
        .await;
    assert!(!suggestion.can.adopt);
    let for_staff = staff.thread(OPEN_IDEA_CALL_THREAD).await;
    assert!(for_staff.replies.iter().all(|r| r.can.adopt));
    let balance_before = author
        .fetch::<MallSummary>("/api/mall/summary")
        .await
        .balance;
    let path = format!("/api/community/replies/{}/adopt", suggestion.id);
    expect_error(author.post(&path, json!({})).await, 403, "forbidden").await;
    let done: AdoptionResult = decode(
        staff.post(&path, json!({ "note": "下个版本做" })).await,
        200,
    )
    .await;
    assert_eq!(done.points, 300);
    let adopted = done.reply.adopted.unwrap();
    assert_eq!((adopted.points, adopted.at), (300, t0()));
    assert!(!done.reply.can.adopt);
    // The mall: an earning of 300 named after the call, expiring like any other earning.
    let ledger: LedgerPage = author
        .fetch("/api/mall/ledger?kind=adopted_suggestion")
        .await;
    assert_eq!(ledger.total, 1);
    let entry = &ledger.entries[0];
    assert_eq!(
        (entry.id, entry.kind, entry.points),
        (done.ledger_entry_id, LedgerKind::AdoptedSuggestion, 300)
    );
    assert_eq!(
        entry.title_zh,
        "建议被采纳：【创意征集】长辈版还需要哪些功能？"
    );
    assert_eq!(
        entry.expires_on,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
    );
    let balance_after = author
        .fetch::<MallSummary>("/api/mall/summary")
        .await
        .balance;
    assert_eq!(balance_after, balance_before + 300);
    // Once only; the log says who adopted what for how many points.
    let before = snapshot(&conn);
    expect_error(staff.post(&path, json!({})).await, 409, "invalid_status").await;
    assert_eq!(snapshot(&conn), before);
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    assert_eq!(log.entries[0].action, ModerationAction::Adopted);
    assert_eq!(
        log.entries[0].note.as_deref(),
        Some("300 points: 下个版本做")
    );
    let view: ThreadView = public(
        &server,
        &format!("/api/community/threads/{OPEN_IDEA_CALL_THREAD}"),
    )
    .await;
    let shown = view.replies.iter().find(|r| r.id == suggestion.id).unwrap();
    assert_eq!(shown.adopted.map(|a| a.points), Some(300));
}

#[tokio::test]
async fn only_a_published_suggestion_in_an_idea_call_can_be_adopted() {
    let server = community_server().await;
    let conn = db(&server);
    let staff = Member::sign_in(&server, STAFF).await;
    let member = Member::fresh(&server).await;
    let elsewhere = member
        .new_reply(BROADBAND_THREAD, "这不是创意征集里的回复", None)
        .await;
    let hidden = member
        .new_reply(OPEN_IDEA_CALL_THREAD, "一条会被隐藏的建议", None)
        .await;
    decode::<ModeratedPost>(staff.moderate("reply", hidden.id, "hide", None).await, 200).await;
    let before = snapshot(&conn);
    for id in [elsewhere.id, hidden.id] {
        expect_error(
            staff
                .post(&format!("/api/community/replies/{id}/adopt"), json!({}))
                .await,
            409,
            "invalid_status",
        )
        .await;
    }
    expect_error(
        staff
            .post("/api/community/replies/424242/adopt", json!({}))
            .await,
        404,
        "not_found",
    )
    .await;
    // The seeded adoption in the closed call is there and is not adopted again.
    let closed = staff.thread(CLOSED_IDEA_CALL_THREAD).await;
    let adopted = closed.replies.iter().find(|r| r.adopted.is_some()).unwrap();
    assert_eq!(adopted.adopted.unwrap().points, 200);
    assert_eq!(adopted.author.as_ref().unwrap().nickname, "张小明");
    expect_error(
        staff
            .post(
                &format!("/api/community/replies/{}/adopt", adopted.id),
                json!({}),
            )
            .await,
        409,
        "invalid_status",
    )
    .await;
    assert_eq!(snapshot(&conn), before, "no points, no log");
}

#[tokio::test]
async fn the_seeded_adoption_is_the_one_in_zhangs_points_history() {
    let server = community_server().await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    let ledger: LedgerPage = zhang
        .fetch("/api/mall/ledger?kind=adopted_suggestion")
        .await;
    assert_eq!(ledger.total, 1, "the community seed credits nothing again");
    assert_eq!(ledger.entries[0].points, 200);
    assert!(ledger.entries[0].title_zh.contains("预约取号"));
}
