//! Boards and thread lists over real HTTP: the seeded boards, hot, new and top, paging
//! with totals, a member's own threads, and seeding once.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;

#[tokio::test]
async fn the_seeded_boards_come_in_order_with_their_counts() {
    let server = community_server().await;
    let list: BoardList = public(&server, "/api/community/boards").await;
    let names: Vec<(&str, &str, u64)> = list
        .boards
        .iter()
        .map(|b| (b.slug.as_str(), b.name_zh.as_str(), b.thread_count))
        .collect();
    assert_eq!(
        names,
        [
            ("tech-support", "技术支持", 2),
            ("feature-ideas", "新功能建议", 2),
            ("events", "社区活动", 2),
            ("tutorials", "使用教程", 2),
            ("plans", "套餐解答", 2),
            ("idea-calls", "创意征集", 2),
        ]
    );
    let ids: Vec<i64> = list.boards.iter().map(|b| b.id).collect();
    assert_eq!(
        ids,
        [
            TECH_SUPPORT,
            FEATURE_IDEAS,
            EVENTS,
            TUTORIALS,
            PLANS,
            IDEA_CALLS
        ]
    );
    assert_eq!(list.boards[5].kind, BoardKind::IdeaCall);
    assert!(list.boards.iter().all(|b| b.last_activity_at.is_some()));
    let page: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={EVENTS}"),
    )
    .await;
    assert_eq!(page.board.as_ref().map(|b| b.id), Some(EVENTS));
    expect_error(
        server.get("/api/community/threads?board_id=424242").await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn new_top_and_hot_order_the_threads_and_hot_decays_with_age() {
    let server = community_server().await;
    let a = Member::fresh(&server).await;
    let voters = [
        Member::fresh(&server).await,
        Member::fresh(&server).await,
        Member::fresh(&server).await,
    ];
    // An old thread with many votes, a new one without.
    let old = a
        .new_thread(FEATURE_IDEAS, "旧帖很多赞", "这个帖子发得早，赞也多。")
        .await;
    for v in &voters {
        v.voted("thread", old.id, "up").await;
    }
    later(&server, 20 * MINUTE);
    let new = a
        .new_thread(FEATURE_IDEAS, "新帖没有赞", "这个帖子刚发，还没有人点赞。")
        .await;
    let board = format!("?board_id={FEATURE_IDEAS}");
    let order = |p: &ThreadPage| p.threads.iter().map(|t| t.id).collect::<Vec<_>>();
    let by_new = a.threads(&format!("{board}&sort=new")).await;
    assert_eq!(order(&by_new)[..2], [new.id, old.id]);
    let by_top = a.threads(&format!("{board}&sort=top")).await;
    let top_scores: Vec<i64> = by_top.threads.iter().map(|t| t.score).collect();
    assert!(
        top_scores.windows(2).all(|w| w[0] >= w[1]),
        "{top_scores:?}"
    );
    assert_eq!(by_top.threads[0].id, old.id);
    // Twenty minutes on, three votes still beat none (log10 6 / 2.33^1.8 against
    // log10 3 / 2^1.8); a day later they do not.
    let hot = a.threads(&board).await;
    let pos = |p: &ThreadPage, id: i64| p.threads.iter().position(|t| t.id == id).unwrap();
    assert!(pos(&hot, old.id) < pos(&hot, new.id));
    later(&server, 24 * 3600);
    let newest = a
        .new_thread(FEATURE_IDEAS, "最新的帖子", "一天以后发的新帖子。")
        .await;
    let hot = a.threads(&format!("{board}&sort=hot")).await;
    assert!(pos(&hot, newest.id) < pos(&hot, old.id));
    // All boards together, and paging with totals.
    let all: ThreadPage = public(&server, "/api/community/threads?sort=new&per_page=5").await;
    assert_eq!(all.total, 15);
    assert_eq!(all.threads.len(), 5);
    assert!(all.board.is_none());
    let last: ThreadPage =
        public(&server, "/api/community/threads?sort=new&per_page=5&page=3").await;
    assert_eq!(last.threads.len(), 5);
    let past: ThreadPage =
        public(&server, "/api/community/threads?sort=new&per_page=5&page=4").await;
    assert!(past.threads.is_empty());
    assert_eq!(past.total, 15);
    for bad in ["?per_page=0", "?per_page=51", "?page=0", "?sort=best"] {
        expect_error(
            server.get(&format!("/api/community/threads{bad}")).await,
            400,
            "bad_request",
        )
        .await;
    }
}

#[tokio::test]
async fn a_list_shows_pinned_solved_locked_poll_and_reply_counts() {
    let server = community_server().await;
    let events: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={EVENTS}&sort=new"),
    )
    .await;
    let first = &events.threads[0];
    assert_eq!(first.id, TENURE_EVENT_THREAD, "pinned first, though older");
    assert!(first.pinned && first.reply_count == 1000);
    let poll = &events.threads[1];
    assert!(poll.has_poll && !poll.pinned);
    let tech: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={TECH_SUPPORT}"),
    )
    .await;
    let broadband = tech
        .threads
        .iter()
        .find(|t| t.id == BROADBAND_THREAD)
        .unwrap();
    assert!(broadband.solved && !broadband.locked);
    assert_eq!(broadband.reply_count, 3);
    assert!(broadband.excerpt.starts_with("今天早上起来家里宽带就断了"));
    assert!(broadband.excerpt.chars().count() <= EXCERPT_CHARS + 1);
    let signal = tech.threads.iter().find(|t| t.id == SIGNAL_THREAD).unwrap();
    assert_eq!(signal.reply_count, 3, "the held reply is not counted");
    let ideas: ThreadPage = public(
        &server,
        &format!("/api/community/threads?board_id={IDEA_CALLS}"),
    )
    .await;
    assert!(ideas
        .threads
        .iter()
        .any(|t| t.id == CLOSED_IDEA_CALL_THREAD && t.locked));
}

#[tokio::test]
async fn mine_lists_a_members_own_threads_and_nothing_when_signed_out() {
    let server = community_server().await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    let mine = zhang.threads("?mine=true&sort=new").await;
    assert_eq!(mine.total, 3);
    assert!(mine.threads.iter().all(|t| t.author.id == zhang.id));
    let anonymous: ThreadPage = public(&server, "/api/community/threads?mine=true").await;
    assert_eq!(anonymous.total, 0);
}

#[tokio::test]
async fn the_demo_community_is_seeded_once() {
    let dir = tempfile::tempdir().unwrap();
    let counts = |path: std::path::PathBuf| {
        let conn = rusqlite::Connection::open(path).unwrap();
        [
            "community_boards",
            "community_threads",
            "community_replies",
            "community_votes",
            "community_poll_votes",
            "community_reports",
            "community_moderation_log",
            "point_ledger",
        ]
        .map(|t| count(&conn, &format!("SELECT count(*) FROM {t}")))
    };
    let first = start_in(dir.path(), |c| c.clock.set(t0())).await;
    first.stop().await;
    let after_first = counts(dir.path().join("care.sqlite3"));
    assert_eq!(after_first[..3], [6, 12, 1025]);
    let second = start_in(dir.path(), |c| {
        c.clock.set(t0() + chrono::Duration::days(3))
    })
    .await;
    second.stop().await;
    assert_eq!(counts(dir.path().join("care.sqlite3")), after_first);
    // Outside demo mode there is no demo community.
    let production = start_production(|_| {}).await;
    let list: BoardList = public(&production, "/api/community/boards").await;
    assert!(list.boards.is_empty());
}
