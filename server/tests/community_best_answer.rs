//! The best answer over real HTTP: only the asker or staff choose it, it pins on top of
//! the thread and marks it solved, and staff choosing for someone is logged.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;
use serde_json::json;

#[tokio::test]
async fn the_asker_marks_the_best_answer_and_it_pins_on_top_and_solves_the_thread() {
    let server = community_server().await;
    let asker = Member::fresh(&server).await;
    let helper = Member::fresh(&server).await;
    let t = asker
        .new_thread(
            TECH_SUPPORT,
            "电视盒子没信号",
            "电视盒子显示无信号，遥控器按了没反应。",
        )
        .await;
    let first = helper
        .new_reply(t.id, "先看看盒子后面的 HDMI 线插紧没有。", None)
        .await;
    let second = helper.new_reply(t.id, "遥控器换个电池试试。", None).await;
    assert!(!second.can.mark_best, "its author is not the asker");
    let asked = asker.thread(t.id).await;
    assert!(asked.thread.can.mark_best);
    assert!(asked.replies.iter().all(|r| r.can.mark_best));
    let path = format!("/api/community/threads/{}/best-answer", t.id);
    expect_error(
        helper.put(&path, json!({ "reply_id": second.id })).await,
        403,
        "forbidden",
    )
    .await;
    let solved: ThreadDetail = decode(
        asker.put(&path, json!({ "reply_id": second.id })).await,
        200,
    )
    .await;
    assert_eq!(solved.best_reply_id, Some(second.id));
    let view: ThreadView = public(&server, &format!("/api/community/threads/{}", t.id)).await;
    let best = view.best_answer.unwrap();
    assert_eq!(best.id, second.id);
    assert!(best.is_best);
    // It stays in its place among the replies too, marked.
    let marked: Vec<(i64, bool)> = view.replies.iter().map(|r| (r.id, r.is_best)).collect();
    assert_eq!(marked, [(first.id, false), (second.id, true)]);
    let list: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={TECH_SUPPORT}&sort=new"),
    )
    .await;
    assert!(list.threads.iter().any(|s| s.id == t.id && s.solved));
    // The asker changes their mind, then clears it.
    let changed: ThreadDetail =
        decode(asker.put(&path, json!({ "reply_id": first.id })).await, 200).await;
    assert_eq!(changed.best_reply_id, Some(first.id));
    let cleared: ThreadDetail =
        decode(asker.put(&path, json!({ "reply_id": null })).await, 200).await;
    assert_eq!(cleared.best_reply_id, None);
    let view: ThreadView = public(&server, &format!("/api/community/threads/{}", t.id)).await;
    assert!(view.best_answer.is_none());
    // Asker choices are not moderation: nothing logged.
    let conn = db(&server);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM community_moderation_log WHERE action = 'best_answer'"
        ),
        0
    );
}

#[tokio::test]
async fn staff_may_mark_the_best_answer_for_the_asker_and_it_is_logged() {
    let server = community_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    let asker = Member::fresh(&server).await;
    let t = asker
        .new_thread(
            PLANS,
            "国际漫游怎么开",
            "下个月出国，手机要怎么开通国际漫游？",
        )
        .await;
    let answer = staff
        .new_reply(t.id, "App 里“国际漫游”一键开通，出发前一天开就行。", None)
        .await;
    assert!(answer.author.as_ref().unwrap().is_staff);
    let done: ThreadDetail = decode(
        staff
            .put(
                &format!("/api/community/threads/{}/best-answer", t.id),
                json!({ "reply_id": answer.id }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(done.best_reply_id, Some(answer.id));
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    let entry = &log.entries[0];
    assert_eq!(entry.action, ModerationAction::BestAnswer);
    assert_eq!(
        entry.post,
        PostRef {
            kind: PostKind::Thread,
            id: t.id
        }
    );
    assert_eq!(
        entry.note.as_deref(),
        Some(format!("reply {}", answer.id).as_str())
    );
    assert!(entry.actor.as_ref().unwrap().is_staff);
}

#[tokio::test]
async fn only_a_published_reply_of_this_thread_can_be_the_best_answer() {
    let server = community_server().await;
    let conn = db(&server);
    let asker = Member::fresh(&server).await;
    let helper = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = asker
        .new_thread(PLANS, "携号转网要多久", "想把号码转过来，要多长时间？")
        .await;
    let path = format!("/api/community/threads/{}/best-answer", t.id);
    let before = snapshot(&conn);
    let elsewhere: i64 = conn
        .query_row(
            "SELECT id FROM community_replies WHERE thread_id = ?1 LIMIT 1",
            [BROADBAND_THREAD],
            |r| r.get(0),
        )
        .unwrap();
    for reply_id in [elsewhere, 424242] {
        expect_error(
            asker.put(&path, json!({ "reply_id": reply_id })).await,
            404,
            "not_found",
        )
        .await;
    }
    let hidden = helper.new_reply(t.id, "一般一到两个工作日。", None).await;
    decode::<ModeratedPost>(staff.moderate("reply", hidden.id, "hide", None).await, 200).await;
    let before_hidden = snapshot(&conn);
    expect_error(
        asker.put(&path, json!({ "reply_id": hidden.id })).await,
        409,
        "invalid_status",
    )
    .await;
    assert_eq!(snapshot(&conn), before_hidden);
    assert_ne!(snapshot(&conn), before);
    expect_error(
        asker
            .put(
                "/api/community/threads/424242/best-answer",
                json!({ "reply_id": null }),
            )
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn hiding_or_deleting_the_best_answer_unsolves_the_thread() {
    let server = community_server().await;
    let asker = Member::fresh(&server).await;
    let helper = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = asker
        .new_thread(PLANS, "流量结转规则", "这个月没用完的流量下个月还能用吗？")
        .await;
    let path = format!("/api/community/threads/{}/best-answer", t.id);
    let a = helper
        .new_reply(t.id, "可以结转到下个月，月底清零。", None)
        .await;
    decode::<ThreadDetail>(asker.put(&path, json!({ "reply_id": a.id })).await, 200).await;
    decode::<ModeratedPost>(
        staff.moderate("reply", a.id, "hide", Some("不准确")).await,
        200,
    )
    .await;
    let view = asker.thread(t.id).await;
    assert_eq!(view.thread.best_reply_id, None);
    assert!(view.best_answer.is_none());
    let b = helper
        .new_reply(t.id, "更正：通用流量可以结转一个月。", None)
        .await;
    decode::<ThreadDetail>(asker.put(&path, json!({ "reply_id": b.id })).await, 200).await;
    assert_eq!(
        helper
            .delete(&format!("/api/community/replies/{}", b.id))
            .await
            .status(),
        200
    );
    assert_eq!(asker.thread(t.id).await.thread.best_reply_id, None);
}
