//! Votes over real HTTP: up, down, change and withdraw; one vote per member per post;
//! never on one's own post; the counts and "my vote" wherever the post is shown.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;

#[tokio::test]
async fn a_member_votes_changes_and_withdraws_and_the_counts_follow() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let a = Member::fresh(&server).await;
    let b = Member::fresh(&server).await;
    let t = author
        .new_thread(
            FEATURE_IDEAS,
            "希望能自定义首页",
            "希望首页的功能按钮可以自己排顺序。",
        )
        .await;
    let r = a.voted("thread", t.id, "up").await;
    assert_eq!(
        (r.score, r.up_votes, r.down_votes, r.my_vote),
        (1, 1, 0, Some(Vote::Up))
    );
    // One vote per member: the same vote again changes nothing.
    let r = a.voted("thread", t.id, "up").await;
    assert_eq!((r.score, r.up_votes, r.down_votes), (1, 1, 0));
    let r = b.voted("thread", t.id, "down").await;
    assert_eq!(
        (r.score, r.up_votes, r.down_votes, r.my_vote),
        (0, 1, 1, Some(Vote::Down))
    );
    let r = a.voted("thread", t.id, "down").await;
    assert_eq!(
        (r.score, r.up_votes, r.down_votes, r.my_vote),
        (-2, 0, 2, Some(Vote::Down))
    );
    let r = a.voted("thread", t.id, "withdraw").await;
    assert_eq!(
        (r.score, r.up_votes, r.down_votes, r.my_vote),
        (-1, 0, 1, None)
    );
    let r = a.voted("thread", t.id, "withdraw").await;
    assert_eq!((r.score, r.my_vote), (-1, None));
    let conn = db(&server);
    assert_eq!(
        count(
            &conn,
            &format!(
                "SELECT count(*) FROM community_votes WHERE post_kind = 'thread' AND post_id = {}",
                t.id
            )
        ),
        1
    );
    // "My vote" and the counts where the thread is shown.
    let seen_by_b = b.thread(t.id).await.thread;
    assert_eq!((seen_by_b.score, seen_by_b.my_vote), (-1, Some(Vote::Down)));
    assert_eq!((seen_by_b.up_votes, seen_by_b.down_votes), (0, 1));
    let listed = b
        .threads(&format!("?board_id={FEATURE_IDEAS}&sort=new"))
        .await;
    let summary = listed.threads.iter().find(|s| s.id == t.id).unwrap();
    assert_eq!((summary.score, summary.my_vote), (-1, Some(Vote::Down)));
    assert_eq!(a.thread(t.id).await.thread.my_vote, None);
    let anonymous: ThreadView = public(&server, &format!("/api/community/threads/{}", t.id)).await;
    assert_eq!(anonymous.thread.my_vote, None);
}

#[tokio::test]
async fn nobody_votes_on_their_own_post_and_nothing_is_saved_when_refused() {
    let server = community_server().await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let t = author
        .new_thread(FEATURE_IDEAS, "我的建议", "希望积分可以转赠给家人。")
        .await;
    let reply = author
        .new_reply(BROADBAND_THREAD, "我自己的回复", None)
        .await;
    assert!(!t.can.vote && !reply.can.vote);
    let before = snapshot(&conn);
    for (kind, id) in [("thread", t.id), ("reply", reply.id)] {
        for vote in ["up", "down", "withdraw"] {
            let e = expect_error(author.vote(kind, id, vote).await, 403, "own_post").await;
            assert!(e.message.contains("own"));
        }
    }
    assert_eq!(snapshot(&conn), before);
    let staff = Member::sign_in(&server, STAFF).await;
    let staff_reply = staff.new_reply(BROADBAND_THREAD, "官方回复", None).await;
    expect_error(
        staff.vote("reply", staff_reply.id, "up").await,
        403,
        "own_post",
    )
    .await;
}

#[tokio::test]
async fn replies_take_votes_and_show_them_in_the_thread() {
    let server = community_server().await;
    let voter = Member::fresh(&server).await;
    let view = voter.thread(BROADBAND_THREAD).await;
    let best = view.best_answer.unwrap();
    assert!(best.can.vote);
    let before = (best.score, best.up_votes);
    let r = voter.voted("reply", best.id, "up").await;
    assert_eq!((r.score, r.up_votes), (before.0 + 1, before.1 + 1));
    let again = voter.thread(BROADBAND_THREAD).await;
    let shown = again.replies.iter().find(|x| x.id == best.id).unwrap();
    assert_eq!((shown.score, shown.my_vote), (before.0 + 1, Some(Vote::Up)));
    assert_eq!(again.best_answer.unwrap().my_vote, Some(Vote::Up));
    let nested = &again
        .replies
        .iter()
        .find(|x| x.child_count > 0)
        .unwrap()
        .children[0];
    let r = voter.voted("reply", nested.id, "down").await;
    assert_eq!(r.my_vote, Some(Vote::Down));
}

#[tokio::test]
async fn held_hidden_and_missing_posts_take_no_votes() {
    let server = community_server().await;
    let voter = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let conn = db(&server);
    let held: i64 = conn
        .query_row(
            "SELECT id FROM community_replies WHERE state = 'held'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    expect_error(voter.vote("reply", held, "up").await, 404, "not_found").await;
    expect_error(voter.vote("thread", 424242, "up").await, 404, "not_found").await;
    expect_error(voter.vote("reply", 424242, "up").await, 404, "not_found").await;
    let author = Member::fresh(&server).await;
    let r = author
        .new_reply(SIGNAL_THREAD, "一条会被隐藏的回复", None)
        .await;
    decode::<ModeratedPost>(
        staff.moderate("reply", r.id, "hide", Some("测试")).await,
        200,
    )
    .await;
    expect_error(voter.vote("reply", r.id, "up").await, 409, "invalid_status").await;
    let t = author
        .new_thread(PLANS, "会被隐藏的帖子", "这个帖子稍后会被隐藏。")
        .await;
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "hide", None).await, 200).await;
    expect_error(voter.vote("thread", t.id, "up").await, 404, "not_found").await;
    expect_error(
        staff.vote("thread", t.id, "up").await,
        409,
        "invalid_status",
    )
    .await;
    expect_error(
        server
            .client
            .put(server.url(&format!("/api/community/threads/{BROADBAND_THREAD}/vote")))
            .json(&serde_json::json!({ "vote": "up" }))
            .send()
            .await
            .unwrap(),
        401,
        "unauthenticated",
    )
    .await;
    expect_error(
        voter
            .put(
                &format!("/api/community/threads/{BROADBAND_THREAD}/vote"),
                serde_json::json!({ "vote": "sideways" }),
            )
            .await,
        400,
        "bad_request",
    )
    .await;
}

#[tokio::test]
async fn concurrent_votes_by_one_member_leave_one_vote_and_matching_counts() {
    let server = community_server().await;
    let voter = Member::fresh(&server).await;
    let author = Member::fresh(&server).await;
    let t = author
        .new_thread(PLANS, "并发投票", "同一个人同时点很多次赞。")
        .await;
    let mut tasks = Vec::new();
    for i in 0..12 {
        let v = voter.clone();
        let vote = if i % 3 == 0 { "down" } else { "up" };
        tasks.push(tokio::spawn(async move {
            v.vote("thread", t.id, vote).await.status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let conn = db(&server);
    let (score, up, down): (i64, i64, i64) = conn
        .query_row(
            "SELECT score, up_votes, down_votes FROM community_threads WHERE id = ?1",
            [t.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let value: i64 = conn
        .query_row(
            "SELECT sum(value) FROM community_votes WHERE post_kind = 'thread' AND post_id = ?1",
            [t.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(up + down, 1);
    assert_eq!(score, value);
}
