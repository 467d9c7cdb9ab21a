//! Threads over real HTTP: starting one exactly once, the lengths at their exact limits,
//! who may start threads where, the rate limit, and editing and deleting within the window.

mod common;
mod community_support;

use care_contract::community::*;
use care_server::community::CommunityConfig;
use common::*;
use community_support::*;
use serde_json::json;

#[tokio::test]
async fn a_thread_is_posted_exactly_once_per_key_and_a_changed_request_with_it_conflicts() {
    let server = community_server().await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let k = key();
    let body = "宽带每天晚上八点以后就特别慢，测速只有几兆。";
    let first: ThreadCreated = decode(
        member
            .create_thread(TECH_SUPPORT, "晚上网速很慢", body, &k)
            .await,
        201,
    )
    .await;
    assert!(!first.replayed);
    assert_eq!(first.thread.state, PostState::Published);
    assert_eq!(first.thread.author.id, member.id);
    let phone = phone_of(&conn, member.id);
    assert_eq!(
        first.thread.author.phone_masked,
        format!("{}****{}", &phone[..3], &phone[7..])
    );
    let before = snapshot(&conn);
    // A double tap, or the same request after a lost answer: the same thread, nothing new.
    let again: ThreadCreated = decode(
        member
            .create_thread(TECH_SUPPORT, "晚上网速很慢", body, &k)
            .await,
        200,
    )
    .await;
    assert!(again.replayed);
    assert_eq!(again.thread.id, first.thread.id);
    // Whitespace around the text is not a different request.
    let padded: ThreadCreated = decode(
        member
            .create_thread(
                TECH_SUPPORT,
                " 晚上网速很慢\u{3000}",
                &format!("\n{body} "),
                &k,
            )
            .await,
        200,
    )
    .await;
    assert_eq!(padded.thread.id, first.thread.id);
    assert_eq!(snapshot(&conn), before);
    let e = expect_error(
        member
            .create_thread(TECH_SUPPORT, "晚上网速很慢！", body, &k)
            .await,
        409,
        "idempotency_conflict",
    )
    .await;
    assert!(e.message.contains("idempotency"));
    expect_error(
        member.create_thread(PLANS, "晚上网速很慢", body, &k).await,
        409,
        "idempotency_conflict",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    // Another member's key is theirs alone.
    let other = Member::fresh(&server).await;
    let theirs: ThreadCreated = decode(
        other
            .create_thread(TECH_SUPPORT, "晚上网速很慢", body, &k)
            .await,
        201,
    )
    .await;
    assert_ne!(theirs.thread.id, first.thread.id);
    for bad in ["short", "has space in it!!", &"k".repeat(65)] {
        expect_error(
            member
                .create_thread(TECH_SUPPORT, "晚上网速很慢", body, bad)
                .await,
            400,
            "invalid_idempotency_key",
        )
        .await;
    }
}

fn phone_of(conn: &rusqlite::Connection, id: i64) -> String {
    conn.query_row("SELECT phone FROM subscribers WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .unwrap()
}

#[tokio::test]
async fn titles_and_bodies_are_kept_at_their_exact_limits_and_refused_one_past_them() {
    let server = community_server_with(|c| c.community.update(|c| c.threads_per_hour = 0)).await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let body = chars(THREAD_BODY_MIN_CHARS);
    for n in [TITLE_MIN_CHARS, TITLE_MAX_CHARS] {
        let t = member.new_thread(PLANS, &chars(n), &body).await;
        assert_eq!(t.title.chars().count(), n);
    }
    for n in [THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS] {
        let t = member.new_thread(PLANS, "正文长度", &chars(n)).await;
        assert_eq!(t.body, chars(n));
    }
    let before = snapshot(&conn);
    for (title, body, field) in [
        (chars(TITLE_MIN_CHARS - 1), body.clone(), "title"),
        (chars(TITLE_MAX_CHARS + 1), body.clone(), "title"),
        ("换行\n标题".to_owned(), body.clone(), "title"),
        (
            "标题正常".to_owned(),
            chars(THREAD_BODY_MIN_CHARS - 1),
            "body",
        ),
        (
            "标题正常".to_owned(),
            chars(THREAD_BODY_MAX_CHARS + 1),
            "body",
        ),
        ("标题正常".to_owned(), format!("{body}\u{0}"), "body"),
        ("标题正常".to_owned(), " \n\t ".to_owned(), "body"),
    ] {
        let e = expect_error(
            member.create_thread(PLANS, &title, &body, &key()).await,
            400,
            "invalid_post",
        )
        .await;
        assert_eq!(e.details.unwrap().field.as_deref(), Some(field));
    }
    assert_eq!(
        snapshot(&conn),
        before,
        "nothing of a refused thread is saved"
    );
}

#[tokio::test]
async fn the_body_is_kept_as_typed_markup_and_all_and_never_turned_into_html() {
    let server = community_server().await;
    let member = Member::fresh(&server).await;
    let body = "**注意**：<script>alert(1)</script>\n\n- [链接](javascript:alert(1))\n- <img src=x onerror=alert(1)>";
    let t = member
        .new_thread(TECH_SUPPORT, "<b>标题</b>里有标签", body)
        .await;
    assert_eq!(t.body, body);
    assert_eq!(t.title, "<b>标题</b>里有标签");
    let view = member.thread(t.id).await;
    assert_eq!(view.thread.body, body);
    let raw: serde_json::Value = public(&server, &format!("/api/community/threads/{}", t.id)).await;
    assert_eq!(raw["thread"]["body"], body);
}

#[tokio::test]
async fn members_start_threads_in_discussion_boards_and_only_staff_start_idea_calls() {
    let server = community_server().await;
    let member = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let boards: BoardList = member.fetch("/api/community/boards").await;
    for b in &boards.boards {
        assert_eq!(b.can_post, b.kind == BoardKind::Discussion, "{}", b.slug);
    }
    assert_eq!(
        boards.moderation_pending, None,
        "members do not see the queue"
    );
    let e = expect_error(
        member
            .create_thread(
                IDEA_CALLS,
                "我想发起征集",
                "大家有什么好主意吗？写在这里吧。",
                &key(),
            )
            .await,
        403,
        "forbidden",
    )
    .await;
    assert!(e.message.contains("idea"));
    let call = staff
        .new_thread(
            IDEA_CALLS,
            "【创意征集】积分商城还想换什么？",
            "回复你想在积分商城换到的东西。",
        )
        .await;
    assert_eq!(call.board_id, IDEA_CALLS);
    let staff_boards: BoardList = staff.fetch("/api/community/boards").await;
    assert!(staff_boards.boards.iter().all(|b| b.can_post));
    let anonymous: BoardList = public(&server, "/api/community/boards").await;
    assert!(anonymous.boards.iter().all(|b| !b.can_post));
    expect_error(
        server
            .post_json(
                "/api/community/threads",
                json!({ "board_id": 1, "title": "匿名发帖", "body": "没有登录能发帖吗？试一下。", "idempotency_key": key() }),
            )
            .await,
        401,
        "unauthenticated",
    )
    .await;
    expect_error(
        member
            .create_thread(
                424242,
                "不存在的版块",
                "这个版块不存在，应该找不到。",
                &key(),
            )
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_member_starts_at_most_the_configured_threads_an_hour_and_staff_are_not_limited() {
    let server = community_server_with(|c| c.community.update(|c| c.threads_per_hour = 2)).await;
    let conn = db(&server);
    let member = Member::fresh(&server).await;
    let first_key = key();
    decode::<ThreadCreated>(
        member
            .create_thread(
                PLANS,
                "第一个问题",
                "第一个问题的内容写在这里。",
                &first_key,
            )
            .await,
        201,
    )
    .await;
    later(&server, 10 * MINUTE);
    member
        .new_thread(PLANS, "第二个问题", "第二个问题的内容写在这里。")
        .await;
    let before = snapshot(&conn);
    let e = expect_error(
        member
            .create_thread(PLANS, "第三个问题", "第三个问题的内容写在这里。", &key())
            .await,
        429,
        "rate_limited",
    )
    .await;
    // The first thread leaves the hour 50 minutes from now.
    assert_eq!(e.retry_after_secs, Some(50 * 60));
    assert_eq!(snapshot(&conn), before);
    // A replay is not a new thread: it is answered, limit or not.
    let replay = member
        .create_thread(
            PLANS,
            "第一个问题",
            "第一个问题的内容写在这里。",
            &first_key,
        )
        .await;
    assert_eq!(replay.status(), 200);
    let staff = Member::sign_in(&server, STAFF).await;
    for i in 0..3 {
        staff
            .new_thread(PLANS, &format!("官方公告 {i}"), "官方说明的内容写在这里。")
            .await;
    }
    later(&server, 50 * MINUTE - 1);
    expect_error(
        member
            .create_thread(PLANS, "第三个问题", "第三个问题的内容写在这里。", &key())
            .await,
        429,
        "rate_limited",
    )
    .await;
    later(&server, 1);
    member
        .new_thread(PLANS, "第三个问题", "第三个问题的内容写在这里。")
        .await;
}

#[tokio::test]
async fn the_author_edits_within_the_window_it_shows_edited_and_then_the_window_closes() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let t = author
        .new_thread(
            PLANS,
            "副卡怎么收费",
            "想给家里老人办一张副卡，每月多少钱？",
        )
        .await;
    assert_eq!(t.edited_at, None);
    assert!(t.can.edit && t.can.delete);
    let window = i64::from(CommunityConfig::default().edit_window_minutes) * MINUTE;
    assert_eq!(
        t.editable_until,
        Some(t.created_at + chrono::Duration::seconds(window))
    );
    let path = format!("/api/community/threads/{}", t.id);
    let edit = json!({ "title": "副卡怎么收费？", "body": "想给家里老人办一张副卡，每月多少钱？在哪办？" });
    expect_error(other.put(&path, edit.clone()).await, 403, "forbidden").await;
    let seen_by_other = other.thread(t.id).await.thread;
    assert!(!seen_by_other.can.edit && seen_by_other.editable_until.is_none());
    later(&server, window - 1);
    let edited: ThreadDetail = decode(author.put(&path, edit.clone()).await, 200).await;
    assert_eq!(edited.title, "副卡怎么收费？");
    assert_eq!(edited.edited_at, Some(server.config.clock.now()));
    let listed = other.threads(&format!("?board_id={PLANS}&sort=new")).await;
    assert!(listed
        .threads
        .iter()
        .any(|s| s.id == t.id && s.edited_at.is_some()));
    // The window is counted from posting, not from the last edit.
    later(&server, 1);
    let before = snapshot(&conn);
    expect_error(author.put(&path, edit).await, 409, "edit_window_closed").await;
    expect_error(author.delete(&path).await, 409, "edit_window_closed").await;
    assert_eq!(snapshot(&conn), before);
    assert!(!author.thread(t.id).await.thread.can.edit);
    let bad = json!({ "title": "短", "body": "想给家里老人办一张副卡，每月多少钱？" });
    let e = expect_error(author.put(&path, bad).await, 400, "invalid_post").await;
    assert_eq!(e.details.unwrap().field.as_deref(), Some("title"));
}

#[tokio::test]
async fn a_deleted_thread_is_gone_for_everyone_and_the_deletion_is_logged() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(TECH_SUPPORT, "发错版块了", "这个帖子发错了，马上删掉。")
        .await;
    let path = format!("/api/community/threads/{}", t.id);
    expect_error(other.delete(&path).await, 403, "forbidden").await;
    expect_error(staff.delete(&path).await, 403, "forbidden").await;
    let deleted: PostDeleted = decode(author.delete(&path).await, 200).await;
    assert_eq!(
        deleted.post,
        PostRef {
            kind: PostKind::Thread,
            id: t.id
        }
    );
    assert_eq!(deleted.deleted_at, t0());
    assert_eq!(deleted.undo_until, t0() + chrono::Duration::minutes(10));
    for who in [&author, &other, &staff] {
        expect_error(who.get(&path).await, 404, "not_found").await;
        let list = who
            .threads(&format!("?board_id={TECH_SUPPORT}&sort=new"))
            .await;
        assert!(list.threads.iter().all(|s| s.id != t.id));
    }
    expect_error(server.get(&path).await, 404, "not_found").await;
    expect_error(author.delete(&path).await, 404, "not_found").await;
    expect_error(
        author.get(&format!("{path}/replies")).await,
        404,
        "not_found",
    )
    .await;
    let mine = author.threads("?mine=true").await;
    assert_eq!(mine.total, 0);
    let log: ModerationLogPage = staff.fetch("/api/community/moderation/log").await;
    let entry = &log.entries[0];
    assert_eq!(entry.action, ModerationAction::Deleted);
    assert_eq!(
        entry.post,
        PostRef {
            kind: PostKind::Thread,
            id: t.id
        }
    );
    assert_eq!(entry.actor.as_ref().map(|a| a.id), Some(author.id));
}

#[tokio::test]
async fn a_thread_shows_its_author_with_the_phone_masked_the_tier_and_the_staff_badge() {
    let server = community_server().await;
    let view: ThreadView = public(
        &server,
        &format!("/api/community/threads/{BROADBAND_THREAD}"),
    )
    .await;
    let asker = &view.thread.author;
    assert_eq!(asker.nickname, "陈建国");
    assert_eq!(asker.phone_masked, "135****5000");
    assert_eq!(
        (asker.star_level, asker.tier_name_zh.as_str()),
        (3, "普通会员")
    );
    assert!(!asker.is_staff);
    let best = view.best_answer.expect("the staff answer is the best one");
    let staff = best.author.as_ref().unwrap();
    assert!(staff.is_staff);
    assert_eq!(staff.nickname, "客服小翼");
    assert_eq!(staff.phone_masked, "133****3000");
    assert!(best.is_best);
    assert_eq!(view.thread.best_reply_id, Some(best.id));
    // Nothing in the whole answer holds a full phone number.
    let raw = server
        .get(&format!("/api/community/threads/{BROADBAND_THREAD}"))
        .await
        .text()
        .await
        .unwrap();
    for phone in [ZHANG, WANG, LI, STAFF, CHEN] {
        assert!(!raw.contains(phone), "{phone} in full");
    }
    assert_eq!(
        view.thread.can,
        PostActions::default(),
        "signed out: nothing to do"
    );
    assert_eq!(view.now, t0());
}
