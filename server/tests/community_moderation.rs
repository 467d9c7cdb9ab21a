//! Reports and moderation over real HTTP: members report with a reason, staff see the
//! queue, hide and restore with a note, lock and pin; only staff moderate; every action
//! is logged; hidden posts are a placeholder (a reply) or not found (a thread) to others.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;
use serde_json::json;

fn report(kind: PostKind, id: i64, reason: &str, detail: Option<&str>) -> serde_json::Value {
    let mut body = json!({ "post": { "kind": kind, "id": id }, "reason": reason });
    if let Some(d) = detail {
        body["detail"] = json!(d);
    }
    body
}

#[tokio::test]
async fn a_member_reports_once_never_their_own_post_and_the_report_reaches_the_queue() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let a = Member::fresh(&server).await;
    let b = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let r = author
        .new_reply(SIGNAL_THREAD, "这家信号差，大家都换别家吧！", None)
        .await;
    let first: ReportReceipt = decode(
        a.post(
            "/api/community/reports",
            report(PostKind::Reply, r.id, "misinformation", Some(" 乱说的 ")),
        )
        .await,
        201,
    )
    .await;
    assert!(!first.already_reported);
    let again: ReportReceipt = decode(
        a.post(
            "/api/community/reports",
            report(PostKind::Reply, r.id, "spam", None),
        )
        .await,
        200,
    )
    .await;
    assert!(again.already_reported);
    assert_eq!(
        (again.id, again.reason),
        (first.id, ReportReason::Misinformation)
    );
    decode::<ReportReceipt>(
        b.post(
            "/api/community/reports",
            report(PostKind::Reply, r.id, "spam", None),
        )
        .await,
        201,
    )
    .await;
    let before = snapshot(&conn);
    expect_error(
        author
            .post(
                "/api/community/reports",
                report(PostKind::Reply, r.id, "spam", None),
            )
            .await,
        403,
        "own_post",
    )
    .await;
    let e = expect_error(
        b.post(
            "/api/community/reports",
            report(
                PostKind::Thread,
                BROADBAND_THREAD,
                "other",
                Some(&chars(REPORT_DETAIL_MAX_CHARS + 1)),
            ),
        )
        .await,
        400,
        "invalid_post",
    )
    .await;
    assert_eq!(e.details.unwrap().field.as_deref(), Some("detail"));
    expect_error(
        b.post(
            "/api/community/reports",
            report(PostKind::Thread, 424242, "spam", None),
        )
        .await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        b.post(
            "/api/community/reports",
            json!({ "post": { "kind": "thread", "id": 1 }, "reason": "boring" }),
        )
        .await,
        400,
        "bad_request",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=reported")
        .await;
    let item = queue.items.iter().find(|i| i.post.id == r.id).unwrap();
    assert_eq!(item.open_reports, 2);
    let reasons: Vec<(ReportReason, u64)> =
        item.reasons.iter().map(|c| (c.reason, c.count)).collect();
    assert_eq!(
        reasons,
        [(ReportReason::Misinformation, 1), (ReportReason::Spam, 1)]
    );
    assert_eq!(item.report_details, ["乱说的"]);
    assert_eq!(item.body, "这家信号差，大家都换别家吧！");
    assert_eq!(item.thread_id, SIGNAL_THREAD);
    assert_eq!(item.author.id, author.id);
    assert!(queue.reported >= 2, "the seeded report too");
}

#[tokio::test]
async fn only_staff_see_the_queue_and_the_log_and_only_staff_moderate() {
    let server = community_server().await;
    let conn = db(&server);
    let member = Member::sign_in(&server, ZHANG).await;
    let before = snapshot(&conn);
    expect_error(
        member.get("/api/community/moderation/queue").await,
        403,
        "forbidden",
    )
    .await;
    expect_error(
        member.get("/api/community/moderation/log").await,
        403,
        "forbidden",
    )
    .await;
    for action in ["hide", "lock", "pin", "dismiss", "approve"] {
        expect_error(
            member
                .moderate("thread", BROADBAND_THREAD, action, Some("我也想管管"))
                .await,
            403,
            "forbidden",
        )
        .await;
    }
    // The asker may not moderate their own thread either.
    let chen = Member::sign_in(&server, CHEN).await;
    expect_error(
        chen.moderate("thread", BROADBAND_THREAD, "lock", None)
            .await,
        403,
        "forbidden",
    )
    .await;
    expect_error(
        member.moderate("reply", 1, "hide", None).await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    expect_error(
        server.get("/api/community/moderation/queue").await,
        401,
        "unauthenticated",
    )
    .await;
    // Staff see the seeded queue: a held reply and a reported one.
    let staff = Member::sign_in(&server, STAFF).await;
    let queue: ModerationQueue = staff.fetch("/api/community/moderation/queue").await;
    assert_eq!((queue.held, queue.reported, queue.total), (1, 1, 2));
    let boards: BoardList = staff.fetch("/api/community/boards").await;
    assert_eq!(boards.moderation_pending, Some(2));
    let held = &queue
        .items
        .iter()
        .find(|i| i.state == PostState::Held)
        .unwrap();
    assert_eq!(held.matched_words, ["加微信"]);
    // Longest waiting first: the report came 60 hours ago, the held reply 20.
    assert_eq!(queue.items[0].open_reports, 1);
    let only_held: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=held")
        .await;
    assert_eq!(only_held.total, 1);
    let page: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?per_page=1&page=2")
        .await;
    assert_eq!((page.items.len(), page.total), (1, 2));
    // A second held post: the counts are of each kind, whatever the filter.
    let spammer = Member::fresh(&server).await;
    let held = spammer
        .new_reply(PLANS_THREAD, "刷单日结，加微信", None)
        .await;
    assert_eq!(held.state, PostState::Held);
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=reported")
        .await;
    assert_eq!((queue.held, queue.reported, queue.total), (2, 1, 1));
}

#[tokio::test]
async fn only_a_published_post_in_a_published_thread_can_be_reported() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(PLANS, "套餐降档", "想把套餐降一档，要怎么操作？")
        .await;
    let r = reader
        .new_reply(t.id, "App 里就能改，次月生效。", None)
        .await;
    decode::<ReportReceipt>(
        reader
            .post(
                "/api/community/reports",
                report(PostKind::Thread, t.id, "off_topic", None),
            )
            .await,
        201,
    )
    .await;
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "hide", None).await, 200).await;
    let before = snapshot(&conn);
    // Staff still see the hidden thread and the reply in it, but neither takes reports.
    expect_error(
        staff
            .post(
                "/api/community/reports",
                report(PostKind::Thread, t.id, "spam", None),
            )
            .await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        staff
            .post(
                "/api/community/reports",
                report(PostKind::Reply, r.id, "spam", None),
            )
            .await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        author
            .post(
                "/api/community/reports",
                report(PostKind::Reply, r.id, "spam", None),
            )
            .await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        Member::fresh(&server)
            .await
            .post(
                "/api/community/reports",
                report(PostKind::Reply, r.id, "spam", None),
            )
            .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
}

#[tokio::test]
async fn a_reported_post_waits_from_its_first_report_and_locking_leaves_its_reports_open() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(PLANS, "流量卡哪家强", "大家觉得哪种流量卡最划算？")
        .await;
    later(&server, 2 * 3600);
    let reported_at = server.config.clock.now();
    decode::<ReportReceipt>(
        reader
            .post(
                "/api/community/reports",
                report(PostKind::Thread, t.id, "spam", None),
            )
            .await,
        201,
    )
    .await;
    later(&server, 3600);
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=reported")
        .await;
    let item = queue
        .items
        .iter()
        .find(|i| i.post.id == t.id && i.post.kind == PostKind::Thread)
        .unwrap();
    assert_eq!(item.waiting_since, reported_at);
    assert_eq!(item.created_at, t.created_at);
    let locked: ModeratedPost =
        decode(staff.moderate("thread", t.id, "lock", None).await, 200).await;
    assert_eq!(
        locked.open_reports, 1,
        "locking is not a decision on the report"
    );
    let hidden: ModeratedPost =
        decode(staff.moderate("thread", t.id, "hide", None).await, 200).await;
    assert_eq!(hidden.open_reports, 0);
}

#[tokio::test]
async fn staff_hide_a_reply_with_a_note_others_see_a_placeholder_and_restore_brings_it_back() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let reporter = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let r = author
        .new_reply(SIGNAL_THREAD, "这是一条广告回复，买信号放大器找我。", None)
        .await;
    decode::<ReportReceipt>(
        reporter
            .post(
                "/api/community/reports",
                report(PostKind::Reply, r.id, "spam", None),
            )
            .await,
        201,
    )
    .await;
    let hidden: ModeratedPost = decode(
        staff.moderate("reply", r.id, "hide", Some("广告")).await,
        200,
    )
    .await;
    assert_eq!(hidden.state, PostState::Hidden);
    assert_eq!(hidden.open_reports, 0, "hiding settles the reports");
    assert_eq!(hidden.entry.action, ModerationAction::Hidden);
    assert_eq!(hidden.entry.note.as_deref(), Some("广告"));
    let find = |view: &ThreadView| view.replies.iter().find(|x| x.id == r.id).cloned().unwrap();
    let seen = find(&reader.thread(SIGNAL_THREAD).await);
    assert_eq!(seen.state, PostState::Hidden);
    assert_eq!(
        (seen.body, seen.author, seen.moderation_note),
        (None, None, None)
    );
    let anonymous: ThreadView =
        public(&server, &format!("/api/community/threads/{SIGNAL_THREAD}")).await;
    assert_eq!(find(&anonymous).body, None);
    // Its author sees it, hidden, with the note.
    let own = find(&author.thread(SIGNAL_THREAD).await);
    assert_eq!(
        own.body.as_deref(),
        Some("这是一条广告回复，买信号放大器找我。")
    );
    assert_eq!(own.moderation_note.as_deref(), Some("广告"));
    assert_eq!(own.state, PostState::Hidden);
    assert!(!own.can.edit);
    // Hiding twice is not an action.
    expect_error(
        staff.moderate("reply", r.id, "hide", None).await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        staff.moderate("reply", r.id, "approve", None).await,
        409,
        "invalid_status",
    )
    .await;
    let restored: ModeratedPost = decode(
        staff.moderate("reply", r.id, "restore", Some("误判")).await,
        200,
    )
    .await;
    assert_eq!(restored.state, PostState::Published);
    let back = find(&reader.thread(SIGNAL_THREAD).await);
    assert_eq!(
        back.body.as_deref(),
        Some("这是一条广告回复，买信号放大器找我。")
    );
    assert_eq!(back.moderation_note, None);
    let queue: ModerationQueue = staff.fetch("/api/community/moderation/queue").await;
    assert!(queue
        .items
        .iter()
        .all(|i| i.post.id != r.id || i.post.kind != PostKind::Reply));
}

#[tokio::test]
async fn a_hidden_thread_is_not_found_by_others_and_is_seen_by_its_author_and_staff() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let reader = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(PLANS, "低价转让流量卡", "有需要的私聊，价格好商量。")
        .await;
    let path = format!("/api/community/threads/{}", t.id);
    decode::<ModeratedPost>(
        staff
            .moderate("thread", t.id, "hide", Some("买卖号卡违规"))
            .await,
        200,
    )
    .await;
    expect_error(reader.get(&path).await, 404, "not_found").await;
    expect_error(server.get(&path).await, 404, "not_found").await;
    expect_error(
        reader.get(&format!("{path}/replies")).await,
        404,
        "not_found",
    )
    .await;
    let list = reader.threads(&format!("?board_id={PLANS}&sort=new")).await;
    assert!(list.threads.iter().all(|s| s.id != t.id));
    let own = author.thread(t.id).await.thread;
    assert_eq!(own.state, PostState::Hidden);
    assert_eq!(own.moderation_note.as_deref(), Some("买卖号卡违规"));
    assert!(!own.can.reply);
    let mine = author.threads("?mine=true").await;
    assert_eq!(mine.threads[0].state, PostState::Hidden);
    let for_staff = staff.thread(t.id).await.thread;
    assert_eq!(for_staff.moderation_note.as_deref(), Some("买卖号卡违规"));
    expect_error(
        author
            .reply_to(t.id, "为什么隐藏我的帖子？", None, &key())
            .await,
        409,
        "invalid_status",
    )
    .await;
}

#[tokio::test]
async fn staff_lock_and_pin_threads_and_every_action_is_in_the_log_newest_first() {
    let server = community_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    let author = Member::fresh(&server).await;
    let t = author
        .new_thread(
            TUTORIALS,
            "查话费余额的三种方法",
            "发短信、打 10000、用 App 都可以查。",
        )
        .await;
    let locked: ModeratedPost = decode(
        staff
            .moderate("thread", t.id, "lock", Some("内容完整"))
            .await,
        200,
    )
    .await;
    assert!(locked.locked);
    expect_error(
        staff.moderate("thread", t.id, "lock", None).await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        author.reply_to(t.id, "补充一个方法", None, &key()).await,
        409,
        "thread_locked",
    )
    .await;
    let pinned: ModeratedPost =
        decode(staff.moderate("thread", t.id, "pin", None).await, 200).await;
    assert!(pinned.pinned && pinned.locked);
    // A board's pinned threads come first, whatever the order.
    for sort in ["hot", "new", "top"] {
        let list = author
            .threads(&format!("?board_id={TUTORIALS}&sort={sort}"))
            .await;
        let first_unpinned = list.threads.iter().position(|s| !s.pinned).unwrap();
        assert!(
            list.threads[..first_unpinned].iter().any(|s| s.id == t.id),
            "{sort}"
        );
        assert!(
            list.threads[first_unpinned..].iter().all(|s| !s.pinned),
            "{sort}"
        );
    }
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "unpin", None).await, 200).await;
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "unlock", None).await, 200).await;
    expect_error(
        staff.moderate("thread", t.id, "unpin", None).await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        staff.moderate("thread", t.id, "dismiss", None).await,
        409,
        "invalid_status",
    )
    .await;
    let e = expect_error(
        staff
            .moderate(
                "thread",
                t.id,
                "hide",
                Some(&chars(MODERATION_NOTE_MAX_CHARS + 1)),
            )
            .await,
        400,
        "invalid_post",
    )
    .await;
    assert_eq!(e.details.unwrap().field.as_deref(), Some("note"));
    expect_error(
        staff.moderate("thread", 424242, "lock", None).await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        staff
            .post(
                &format!("/api/community/moderation/replies/{}", 1),
                json!({ "action": "lock" }),
            )
            .await,
        400,
        "bad_request",
    )
    .await;
    let log: ModerationLogPage = staff
        .fetch("/api/community/moderation/log?per_page=4")
        .await;
    let actions: Vec<ModerationAction> = log.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            ModerationAction::Unlocked,
            ModerationAction::Unpinned,
            ModerationAction::Pinned,
            ModerationAction::Locked
        ]
    );
    assert_eq!(log.entries[3].note.as_deref(), Some("内容完整"));
    assert!(log
        .entries
        .iter()
        .all(|e| e.actor.as_ref().is_some_and(|a| a.is_staff)));
    assert!(log.total >= 5, "the seeded hold too");
    let oldest: ModerationLogPage = staff
        .fetch(&format!(
            "/api/community/moderation/log?per_page=1&page={}",
            log.total
        ))
        .await;
    assert_eq!(oldest.entries[0].action, ModerationAction::Held);
    assert!(oldest.entries[0].actor.is_none(), "the backend held it");
}

#[tokio::test]
async fn staff_dismiss_reports_without_touching_the_post() {
    let server = community_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=reported")
        .await;
    let item = &queue.items[0];
    let done: ModeratedPost = decode(
        staff
            .moderate("reply", item.post.id, "dismiss", Some("没有问题"))
            .await,
        200,
    )
    .await;
    assert_eq!((done.state, done.open_reports), (PostState::Published, 0));
    let queue: ModerationQueue = staff
        .fetch("/api/community/moderation/queue?filter=reported")
        .await;
    assert_eq!(queue.total, 0);
    expect_error(
        staff.moderate("reply", item.post.id, "dismiss", None).await,
        409,
        "invalid_status",
    )
    .await;
}
