//! Forbidden words over real HTTP: a post with one is held for review instead of
//! published, its author sees it "awaiting review", nobody else does, and staff approve
//! or reject it from the queue.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;
use serde_json::json;

#[tokio::test]
async fn a_thread_with_a_forbidden_word_is_held_seen_by_its_author_only_until_staff_approve_it() {
    let server = community_server_with(|c| {
        c.community
            .update(|c| c.forbidden_words = vec!["代办证件".into()])
    })
    .await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let made: ThreadCreated = decode(
        author
            .create_thread(
                PLANS,
                "急需办卡",
                "有没有人可以代 办 证件？价格好说。",
                &key(),
            )
            .await,
        201,
    )
    .await;
    let t = made.thread;
    assert_eq!(
        t.state,
        PostState::Held,
        "held, not refused: the author sees awaiting review"
    );
    assert!(!t.can.reply && !t.can.vote);
    let path = format!("/api/community/threads/{}", t.id);
    expect_error(reader.get(&path).await, 404, "not_found").await;
    expect_error(server.get(&path).await, 404, "not_found").await;
    let board: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={PLANS}&sort=new"),
    )
    .await;
    assert!(board.threads.iter().all(|s| s.id != t.id));
    let counted: BoardList = public(&server, "/api/community/boards").await;
    let plans = counted.boards.iter().find(|b| b.id == PLANS).unwrap();
    assert_eq!(
        plans.thread_count, 2,
        "the seeded two; the held one does not count"
    );
    // Its author finds it in their board list and in their own threads, awaiting review.
    let own_board = author.threads(&format!("?board_id={PLANS}&sort=new")).await;
    assert_eq!(own_board.threads[0].state, PostState::Held);
    let mine = author.threads("?mine=true").await;
    assert_eq!((mine.total, mine.threads[0].state), (1, PostState::Held));
    assert_eq!(author.thread(t.id).await.thread.state, PostState::Held);
    let search: ThreadPage = public(
        &server,
        "/api/community/search?q=%E6%80%A5%E9%9C%80%E5%8A%9E%E5%8D%A1",
    )
    .await;
    assert_eq!(search.total, 0);
    // Staff see it in the queue with the word that held it; the hold is logged.
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=held")
        .await;
    let item = queue
        .items
        .iter()
        .find(|i| i.post.kind == PostKind::Thread)
        .unwrap();
    assert_eq!(
        (item.post.id, item.title.as_deref()),
        (t.id, Some("急需办卡"))
    );
    assert_eq!(item.matched_words, ["代办证件"]);
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    assert_eq!(log.entries[0].action, ModerationAction::Held);
    assert_eq!(log.entries[0].note.as_deref(), Some("代办证件"));
    let approved: ModeratedPost = decode(
        staff
            .moderate("thread", t.id, "approve", Some("正常求助"))
            .await,
        200,
    )
    .await;
    assert_eq!(approved.state, PostState::Published);
    // A held reply approved later: the thread's latest activity is the approval.
    let held_reply = author.new_reply(t.id, "补充：代办证件的也行", None).await;
    assert_eq!(held_reply.state, PostState::Held);
    let before = author.thread(t.id).await.thread.last_activity_at;
    assert_eq!(before, t.created_at, "a held reply is no activity");
    later(&server, 600);
    decode::<ModeratedPost>(
        staff
            .moderate("reply", held_reply.id, "approve", None)
            .await,
        200,
    )
    .await;
    assert_eq!(
        reader.thread(t.id).await.thread.last_activity_at,
        server.config.clock.now()
    );
    let seen = reader.thread(t.id).await.thread;
    assert_eq!(seen.state, PostState::Published);
    assert!(seen.can.reply);
    expect_error(
        staff.moderate("thread", t.id, "approve", None).await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        staff.moderate("thread", t.id, "reject", None).await,
        409,
        "invalid_status",
    )
    .await;
}

#[tokio::test]
async fn a_held_reply_rejected_by_staff_stays_visible_to_its_author_only() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let held = author
        .new_reply(BROADBAND_THREAD, "要便宜宽带的加微信，刷单返现。", None)
        .await;
    assert_eq!(held.state, PostState::Held);
    let before_thread = reader.thread(BROADBAND_THREAD).await;
    assert!(before_thread.replies.iter().all(|r| r.id != held.id));
    let own = author.thread(BROADBAND_THREAD).await;
    assert!(own
        .replies
        .iter()
        .any(|r| r.id == held.id && r.state == PostState::Held));
    assert_eq!(own.thread.reply_count, before_thread.thread.reply_count);
    expect_error(
        reader
            .reply_to(BROADBAND_THREAD, "回复一条审核中的", Some(held.id), &key())
            .await,
        404,
        "not_found",
    )
    .await;
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=held")
        .await;
    let item = queue.items.iter().find(|i| i.post.id == held.id).unwrap();
    assert_eq!(item.matched_words, ["加微信", "刷单"]);
    let activity = own.thread.last_activity_at;
    let rejected: ModeratedPost = decode(
        staff
            .moderate("reply", held.id, "reject", Some("广告引流"))
            .await,
        200,
    )
    .await;
    assert_eq!(
        author
            .thread(BROADBAND_THREAD)
            .await
            .thread
            .last_activity_at,
        activity,
        "a rejected reply is no activity"
    );
    assert_eq!(rejected.state, PostState::Rejected);
    let own = author.thread(BROADBAND_THREAD).await;
    let mine = own.replies.iter().find(|r| r.id == held.id).unwrap();
    assert_eq!(mine.state, PostState::Rejected);
    assert_eq!(mine.moderation_note.as_deref(), Some("广告引流"));
    assert!(reader
        .thread(BROADBAND_THREAD)
        .await
        .replies
        .iter()
        .all(|r| r.id != held.id));
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=held")
        .await;
    assert!(queue
        .items
        .iter()
        .all(|i| i.post.id != held.id || i.post.kind != PostKind::Reply));
}

#[tokio::test]
async fn an_edit_that_adds_a_forbidden_word_holds_a_published_post_again() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let t = author
        .new_thread(PLANS, "套餐咨询", "想问问现在有什么优惠套餐。")
        .await;
    let r = author.new_reply(t.id, "我先顶一下自己的帖子", None).await;
    let edited: ThreadDetail = decode(
        author
            .put(
                &format!("/api/community/threads/{}", t.id),
                json!({ "title": "套餐咨询", "body": "想问问现在有什么优惠套餐，也可以帮人刷单。" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(edited.state, PostState::Held);
    expect_error(
        reader
            .get(&format!("/api/community/threads/{}", t.id))
            .await,
        404,
        "not_found",
    )
    .await;
    let edited_reply: Reply = decode(
        author
            .put(
                &format!("/api/community/replies/{}", r.id),
                json!({ "body": "我先顶一下，博彩勿扰" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(edited_reply.state, PostState::Held);
}

#[tokio::test]
async fn the_forbidden_words_are_the_operators_to_configure() {
    let server = community_server_with(|c| c.community.update(|c| c.forbidden_words.clear())).await;
    let member = Member::fresh(&server).await;
    let r = member.new_reply(BROADBAND_THREAD, "加微信聊", None).await;
    assert_eq!(r.state, PostState::Published);
    server
        .config
        .community
        .update(|c| c.forbidden_words = vec!["Spam".into()]);
    let t = member
        .new_thread(PLANS, "SPAM 测试标题", "正文里没有敏感内容。")
        .await;
    assert_eq!(t.state, PostState::Held, "case does not matter");
}
