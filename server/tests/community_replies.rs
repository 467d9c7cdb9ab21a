//! Replies over real HTTP: one level of nesting, "show more" for a long branch, the exact
//! length limits, exactly once, locked threads, the rate limit, editing and deleting.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;
use serde_json::json;

#[tokio::test]
async fn a_reply_to_a_nested_reply_is_nested_under_the_same_reply_and_names_whom_it_answers() {
    let server = community_server().await;
    let asker = Member::fresh(&server).await;
    let a = Member::fresh(&server).await;
    let b = Member::fresh(&server).await;
    let t = asker
        .new_thread(
            TECH_SUPPORT,
            "路由器怎么设置",
            "新买的路由器不知道怎么设置上网，求教。",
        )
        .await;
    let top = a
        .new_reply(t.id, "先把光猫的网线插到路由器的 WAN 口。", None)
        .await;
    assert_eq!((top.parent_id, top.reply_to_id), (None, None));
    let nested = b
        .new_reply(t.id, "然后呢？插好了灯不亮。", Some(top.id))
        .await;
    assert_eq!((nested.parent_id, nested.reply_to_id), (Some(top.id), None));
    let deeper = a
        .new_reply(t.id, "灯不亮的话换一根网线试试。", Some(nested.id))
        .await;
    assert_eq!(deeper.parent_id, Some(top.id), "one level only");
    assert_eq!(deeper.reply_to_id, Some(nested.id));
    assert_eq!(
        deeper.reply_to_nickname,
        nested.author.as_ref().map(|x| x.nickname.clone())
    );
    let view = asker.thread(t.id).await;
    assert_eq!(view.total, 1);
    assert_eq!(view.thread.reply_count, 3);
    let first = &view.replies[0];
    assert_eq!(first.child_count, 2);
    let ids: Vec<i64> = first.children.iter().map(|r| r.id).collect();
    assert_eq!(ids, [nested.id, deeper.id]);
    assert!(first
        .children
        .iter()
        .all(|c| c.child_count == 0 && c.children.is_empty()));
    // A reply in another thread cannot be answered from this one.
    let other = asker
        .new_thread(
            TECH_SUPPORT,
            "另一个问题",
            "这是另一个帖子的内容，和上面无关。",
        )
        .await;
    expect_error(
        a.reply_to(other.id, "答错帖子了", Some(top.id), &key())
            .await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        a.reply_to(t.id, "答一个不存在的回复", Some(424242), &key())
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn the_thousand_reply_thread_pages_to_its_end_and_a_long_branch_shows_more() {
    let server = community_server().await;
    let base = format!("/api/community/threads/{TENURE_EVENT_THREAD}");
    let view: ThreadView =
        public(&server, &format!("{base}?per_page={MAX_REPLIES_PER_PAGE}")).await;
    assert_eq!(view.thread.reply_count, 1000);
    let top = view.total;
    let first = &view.replies[0];
    assert_eq!(first.child_count, 40);
    assert_eq!(first.children.len(), CHILD_PREVIEW);
    // Every page to the end, oldest first, each reply once, nested ones included.
    let mut seen = 0u64;
    let mut nested = 0u64;
    let mut last = None;
    let mut page = 1;
    loop {
        let p: ReplyPage = public(
            &server,
            &format!("{base}/replies?page={page}&per_page={MAX_REPLIES_PER_PAGE}"),
        )
        .await;
        assert_eq!(p.total, top);
        if p.replies.is_empty() {
            break;
        }
        for r in &p.replies {
            assert!(last.is_none_or(|l| l <= r.created_at), "oldest first");
            last = Some(r.created_at);
            assert!(r.parent_id.is_none());
            nested += r.child_count;
        }
        seen += p.replies.len() as u64;
        page += 1;
    }
    assert_eq!(seen, top);
    assert_eq!(seen + nested, 1000);
    // "Show more": the long branch in pages.
    let branch = format!("{base}/replies?parent_id={}&per_page=15", first.id);
    let mut ids = Vec::new();
    for page in 1..=3 {
        let p: ReplyPage = public(&server, &format!("{branch}&page={page}")).await;
        assert_eq!(p.total, 40);
        ids.extend(p.replies.iter().map(|r| r.id));
    }
    assert_eq!(ids.len(), 40);
    let preview: Vec<i64> = first.children.iter().map(|r| r.id).collect();
    assert_eq!(&ids[..CHILD_PREVIEW], preview.as_slice());
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 40);
    expect_error(
        server
            .get(&format!(
                "{base}/replies?per_page={}",
                MAX_REPLIES_PER_PAGE + 1
            ))
            .await,
        400,
        "bad_request",
    )
    .await;
    expect_error(
        server.get(&format!("{base}/replies?page=0")).await,
        400,
        "bad_request",
    )
    .await;
}

#[tokio::test]
async fn a_reply_is_kept_at_its_exact_limits_and_refused_one_past_them() {
    let server = community_server_with(|c| c.community.update(|c| c.replies_per_minute = 0)).await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let t = BROADBAND_THREAD;
    for n in [REPLY_MIN_CHARS, REPLY_MAX_CHARS] {
        let r = member.new_reply(t, &format!(" {}\n", chars(n)), None).await;
        assert_eq!(r.body, Some(chars(n)));
    }
    let before = snapshot(&conn);
    for body in [
        chars(REPLY_MIN_CHARS - 1),
        chars(REPLY_MAX_CHARS + 1),
        "好\u{7}".into(),
    ] {
        let e = expect_error(
            member.reply_to(t, &body, None, &key()).await,
            400,
            "invalid_post",
        )
        .await;
        assert_eq!(e.details.unwrap().field.as_deref(), Some("body"));
    }
    assert_eq!(snapshot(&conn), before);
}

#[tokio::test]
async fn a_reply_is_posted_exactly_once_per_key() {
    let server = community_server().await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let k = key();
    let first: ReplyCreated = decode(
        member
            .reply_to(SIGNAL_THREAD, "我家也是，打电话总断。", None, &k)
            .await,
        201,
    )
    .await;
    let before = snapshot(&conn);
    let again: ReplyCreated = decode(
        member
            .reply_to(SIGNAL_THREAD, "我家也是，打电话总断。", None, &k)
            .await,
        200,
    )
    .await;
    assert!(again.replayed);
    assert_eq!(again.reply.id, first.reply.id);
    expect_error(
        member.reply_to(SIGNAL_THREAD, "我家也是。", None, &k).await,
        409,
        "idempotency_conflict",
    )
    .await;
    expect_error(
        member
            .reply_to(BROADBAND_THREAD, "我家也是，打电话总断。", None, &k)
            .await,
        409,
        "idempotency_conflict",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    let view = member.thread(SIGNAL_THREAD).await;
    assert_eq!(
        view.replies
            .iter()
            .filter(|r| r.id == first.reply.id)
            .count(),
        1
    );
}

#[tokio::test]
async fn a_locked_thread_takes_no_replies_and_a_thread_gets_its_latest_activity_from_replies() {
    let server = community_server().await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let before = snapshot(&conn);
    let e = expect_error(
        member
            .reply_to(CLOSED_IDEA_CALL_THREAD, "还想补充一个建议。", None, &key())
            .await,
        409,
        "thread_locked",
    )
    .await;
    assert!(e.message.contains("locked"));
    assert_eq!(snapshot(&conn), before);
    let view = member.thread(CLOSED_IDEA_CALL_THREAD).await;
    assert!(view.thread.locked && !view.thread.can.reply);
    assert!(view.replies.iter().all(|r| !r.can.reply));
    // Unlocked, it takes replies again, and the thread's activity moves.
    decode::<ModeratedPost>(
        staff
            .moderate("thread", CLOSED_IDEA_CALL_THREAD, "unlock", None)
            .await,
        200,
    )
    .await;
    later(&server, 5 * MINUTE);
    let r = member
        .new_reply(
            CLOSED_IDEA_CALL_THREAD,
            "还想补充一个建议：营业厅加个充电桩。",
            None,
        )
        .await;
    let t = member.thread(CLOSED_IDEA_CALL_THREAD).await.thread;
    assert_eq!(t.last_activity_at, r.created_at);
}

#[tokio::test]
async fn a_member_posts_at_most_the_configured_replies_a_minute() {
    let server = community_server_with(|c| c.community.update(|c| c.replies_per_minute = 3)).await;
    let member = Member::fresh(&server).await;
    for i in 0..3 {
        member
            .new_reply(BROADBAND_THREAD, &format!("第 {i} 条回复"), None)
            .await;
        later(&server, 10);
    }
    let e = expect_error(
        member
            .reply_to(BROADBAND_THREAD, "第四条回复", None, &key())
            .await,
        429,
        "rate_limited",
    )
    .await;
    assert_eq!(e.retry_after_secs, Some(30));
    later(&server, 30);
    member.new_reply(BROADBAND_THREAD, "第四条回复", None).await;
    // Another member is not limited by this one.
    Member::fresh(&server)
        .await
        .new_reply(BROADBAND_THREAD, "我也说一句", None)
        .await;
}

#[tokio::test]
async fn the_author_edits_a_reply_in_the_window_and_a_deleted_reply_keeps_its_place_and_branch() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let top = author
        .new_reply(DATA_PLAN_THREAD, "我觉得定向流量包划算。", None)
        .await;
    let child = other
        .new_reply(DATA_PLAN_THREAD, "哪个定向包？", Some(top.id))
        .await;
    let path = format!("/api/community/replies/{}", top.id);
    expect_error(
        other.put(&path, json!({ "body": "改别人的回复" })).await,
        403,
        "forbidden",
    )
    .await;
    later(&server, MINUTE);
    let edited: Reply = decode(
        author
            .put(&path, json!({ "body": "我觉得定向流量包最划算。" }))
            .await,
        200,
    )
    .await;
    assert_eq!(edited.body.as_deref(), Some("我觉得定向流量包最划算。"));
    assert_eq!(edited.edited_at, Some(server.config.clock.now()));
    let deleted: PostDeleted = decode(author.delete(&path).await, 200).await;
    assert_eq!(deleted.deleted_at, server.config.clock.now());
    // Others see a placeholder where it was, and the reply under it stays.
    let page: ReplyPage = other
        .fetch(&format!(
            "/api/community/threads/{DATA_PLAN_THREAD}/replies"
        ))
        .await;
    let gone = page.replies.iter().find(|r| r.id == top.id).unwrap();
    assert_eq!(gone.state, PostState::Deleted);
    assert_eq!((gone.author.as_ref(), gone.body.as_ref()), (None, None));
    assert_eq!(gone.can, PostActions::default());
    assert_eq!(gone.children.len(), 1);
    assert_eq!(gone.children[0].id, child.id);
    let branch: ReplyPage = public(
        &server,
        &format!(
            "/api/community/threads/{DATA_PLAN_THREAD}/replies?parent_id={}",
            top.id
        ),
    )
    .await;
    assert_eq!(branch.total, 1);
    // Deleted is final: no edit, no second delete, no answer to it.
    expect_error(
        author.put(&path, json!({ "body": "再改一次" })).await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(author.delete(&path).await, 409, "invalid_status").await;
    expect_error(
        other
            .reply_to(DATA_PLAN_THREAD, "回复一个已删除的", Some(top.id), &key())
            .await,
        409,
        "invalid_status",
    )
    .await;
    // The window closes for replies as for threads.
    let late = author
        .new_reply(DATA_PLAN_THREAD, "晚一点的回复", None)
        .await;
    later(&server, 30 * MINUTE);
    expect_error(
        author
            .put(
                &format!("/api/community/replies/{}", late.id),
                json!({ "body": "改不了了" }),
            )
            .await,
        409,
        "edit_window_closed",
    )
    .await;
}
