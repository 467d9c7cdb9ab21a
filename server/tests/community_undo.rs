//! Undoing a deletion over real HTTP: within ten minutes its author restores their thread
//! or reply, back for everyone in the state it had and logged; at ten minutes it is
//! `undo_expired`; only once; nobody else may.

mod common;
mod community_support;

use care_contract::community::*;
use chrono::Duration;
use common::*;
use community_support::*;
use serde_json::json;

fn restore_path(kind: &str, id: i64) -> String {
    format!("/api/community/{kind}/{id}/restore")
}

async fn delete(member: &Member, kind: &str, id: i64) -> PostDeleted {
    decode(
        member.delete(&format!("/api/community/{kind}/{id}")).await,
        200,
    )
    .await
}

/// The reply `id` among the thread's replies as `member` sees them.
async fn reply_seen(member: &Member, thread_id: i64, id: i64) -> Reply {
    let page: ReplyPage = member
        .fetch(&format!("/api/community/threads/{thread_id}/replies"))
        .await;
    page.replies.into_iter().find(|r| r.id == id).unwrap()
}

#[tokio::test]
async fn the_author_restores_a_deleted_thread_within_ten_minutes_and_everyone_sees_it_again() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(
            TECH_SUPPORT,
            "删错了的帖子",
            "这个帖子不小心删掉了，要找回来。",
        )
        .await;
    let deleted = delete(&author, "threads", t.id).await;
    assert_eq!(deleted.undo_until, t0() + Duration::minutes(10));
    let path = format!("/api/community/threads/{}", t.id);
    expect_error(other.get(&path).await, 404, "not_found").await;
    later(&server, 10 * MINUTE - 1);
    let back: ThreadDetail = decode(
        author.post(&restore_path("threads", t.id), json!({})).await,
        200,
    )
    .await;
    assert_eq!(back.state, PostState::Published);
    assert_eq!(
        (back.title.as_str(), back.body.as_str()),
        (t.title.as_str(), t.body.as_str())
    );
    for who in [&other, &staff] {
        assert_eq!(who.thread(t.id).await.thread.state, PostState::Published);
        let list = who
            .threads(&format!("?board_id={TECH_SUPPORT}&sort=new"))
            .await;
        assert!(list.threads.iter().any(|s| s.id == t.id));
    }
    let seen: ThreadView = public(&server, &path).await;
    assert_eq!(seen.thread.id, t.id);
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    let entry = &log.entries[0];
    assert_eq!(entry.action, ModerationAction::DeletionUndone);
    assert_eq!(
        entry.post,
        PostRef {
            kind: PostKind::Thread,
            id: t.id
        }
    );
    assert_eq!(entry.actor.as_ref().map(|a| a.id), Some(author.id));
    assert_eq!(entry.at, server.config.clock.now());
    assert_eq!(log.entries[1].action, ModerationAction::Deleted);
    // Once: a published thread has nothing to undo.
    expect_error(
        author.post(&restore_path("threads", t.id), json!({})).await,
        409,
        "invalid_status",
    )
    .await;
}

#[tokio::test]
async fn a_deleted_thread_is_not_restored_at_ten_minutes_nor_by_anyone_else() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(TECH_SUPPORT, "发错版块了", "这个帖子发错了，马上删掉。")
        .await;
    delete(&author, "threads", t.id).await;
    let path = restore_path("threads", t.id);
    let before = snapshot(&conn);
    for who in [&other, &staff] {
        expect_error(who.post(&path, json!({})).await, 404, "not_found").await;
    }
    expect_error(
        server.post_json(&path, json!({})).await,
        401,
        "unauthenticated",
    )
    .await;
    later(&server, 10 * MINUTE);
    expect_error(author.post(&path, json!({})).await, 409, "undo_expired").await;
    assert_eq!(snapshot(&conn), before);
    expect_error(
        author
            .get(&format!("/api/community/threads/{}", t.id))
            .await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        author
            .post(&restore_path("threads", 999_999), json!({}))
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn the_author_sees_until_when_they_may_restore_a_deleted_reply_and_restores_it_for_everyone()
{
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let r = author
        .new_reply(DATA_PLAN_THREAD, "我觉得定向流量包划算。", None)
        .await;
    later(&server, MINUTE);
    let deleted = delete(&author, "replies", r.id).await;
    let until = t0() + Duration::minutes(11);
    assert_eq!(deleted.undo_until, until);
    // After a reload the author's placeholder still says until when; nobody else's does.
    let mine = reply_seen(&author, DATA_PLAN_THREAD, r.id).await;
    assert_eq!(mine.state, PostState::Deleted);
    assert_eq!(mine.undo_until, Some(until));
    assert_eq!(
        reply_seen(&other, DATA_PLAN_THREAD, r.id).await.undo_until,
        None
    );
    assert_eq!(
        reply_seen(&staff, DATA_PLAN_THREAD, r.id).await.undo_until,
        None
    );
    let path = restore_path("replies", r.id);
    expect_error(other.post(&path, json!({})).await, 404, "not_found").await;
    expect_error(staff.post(&path, json!({})).await, 404, "not_found").await;
    later(&server, 10 * MINUTE - 1);
    let back: Reply = decode(author.post(&path, json!({})).await, 200).await;
    assert_eq!(back.state, PostState::Published);
    assert_eq!(back.body.as_deref(), Some("我觉得定向流量包划算。"));
    assert_eq!(back.undo_until, None);
    let seen = reply_seen(&other, DATA_PLAN_THREAD, r.id).await;
    assert_eq!(seen.body.as_deref(), Some("我觉得定向流量包划算。"));
    assert_eq!(seen.author.map(|a| a.id), Some(author.id));
    assert!(seen.can.vote);
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    assert_eq!(log.entries[0].action, ModerationAction::DeletionUndone);
    assert_eq!(
        (log.entries[0].post, log.entries[0].thread_id),
        (
            PostRef {
                kind: PostKind::Reply,
                id: r.id
            },
            DATA_PLAN_THREAD
        )
    );
    expect_error(author.post(&path, json!({})).await, 409, "invalid_status").await;
}

#[tokio::test]
async fn a_deleted_reply_is_not_restored_at_ten_minutes() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let r = author
        .new_reply(DATA_PLAN_THREAD, "这条回复要删掉。", None)
        .await;
    delete(&author, "replies", r.id).await;
    later(&server, 10 * MINUTE);
    assert_eq!(
        reply_seen(&author, DATA_PLAN_THREAD, r.id).await.undo_until,
        None
    );
    let before = snapshot(&conn);
    expect_error(
        author.post(&restore_path("replies", r.id), json!({})).await,
        409,
        "undo_expired",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    assert_eq!(
        reply_seen(&author, DATA_PLAN_THREAD, r.id).await.state,
        PostState::Deleted
    );
}

#[tokio::test]
async fn a_post_held_for_review_is_restored_held() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    // "刷单" and "加微信" are among the demo's forbidden words.
    let t = author
        .new_thread(TECH_SUPPORT, "兼职信息", "刷单日结，加微信，轻松赚钱。")
        .await;
    assert_eq!(t.state, PostState::Held);
    delete(&author, "threads", t.id).await;
    let back: ThreadDetail = decode(
        author.post(&restore_path("threads", t.id), json!({})).await,
        200,
    )
    .await;
    assert_eq!(back.state, PostState::Held);
    expect_error(
        other.get(&format!("/api/community/threads/{}", t.id)).await,
        404,
        "not_found",
    )
    .await;
}
