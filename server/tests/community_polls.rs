//! Polls over real HTTP: 2-6 different options, a closing day from today up to 30 days
//! ahead, one vote per member, results, and a closed poll.

mod common;
mod community_support;

use care_contract::community::*;
use care_contract::time::{china_date, china_midnight};
use common::*;
use community_support::*;
use serde_json::{json, Value};

fn with_poll(options: Value, closes_on: chrono::NaiveDate) -> Value {
    json!({
        "board_id": EVENTS,
        "title": "周末活动时间投票",
        "body": "大家看看哪个时间方便参加活动？",
        "poll": { "options": options, "closes_on": closes_on },
        "idempotency_key": key(),
    })
}

fn today() -> chrono::NaiveDate {
    china_date(t0())
}

#[tokio::test]
async fn a_poll_takes_one_vote_per_member_and_shows_the_results() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let a = Member::fresh(&server).await;
    let b = Member::fresh(&server).await;
    let made: ThreadCreated = decode(
        author
            .post(
                "/api/community/threads",
                with_poll(json!([" 周六 ", "周日"]), today() + chrono::Days::new(3)),
            )
            .await,
        201,
    )
    .await;
    assert!(made.thread.has_poll);
    let view = a.thread(made.thread.id).await;
    let poll = view.poll.unwrap();
    let labels: Vec<&str> = poll.options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["周六", "周日"]);
    assert_eq!(
        poll.closes_at,
        china_midnight(today() + chrono::Days::new(4)),
        "the end of the closing day in China"
    );
    assert!(poll.can_vote && !poll.closed && poll.my_choice.is_none());
    let path = format!("/api/community/threads/{}/poll/votes", made.thread.id);
    let sunday = poll.options[1].id;
    let after: Poll = decode(a.post(&path, json!({ "option_id": sunday })).await, 200).await;
    assert_eq!(after.my_choice, Some(sunday));
    assert!(!after.can_vote);
    assert_eq!(after.options[1].votes, 1);
    assert_eq!(after.total_votes, 1);
    let conn = db(&server);
    let before = snapshot(&conn);
    let e = expect_error(
        a.post(&path, json!({ "option_id": poll.options[0].id }))
            .await,
        409,
        "already_voted",
    )
    .await;
    assert!(e.message.contains("one vote"));
    expect_error(
        a.post(&path, json!({ "option_id": sunday })).await,
        409,
        "already_voted",
    )
    .await;
    assert_eq!(snapshot(&conn), before);
    // The author may vote in their own poll.
    let mine: Poll = decode(
        author
            .post(&path, json!({ "option_id": poll.options[0].id }))
            .await,
        200,
    )
    .await;
    assert_eq!(mine.total_votes, 2);
    // Results for everyone; "my choice" only for the voter.
    let seen_by_b = b.thread(made.thread.id).await.poll.unwrap();
    assert_eq!(seen_by_b.my_choice, None);
    assert_eq!(
        (seen_by_b.options[0].votes, seen_by_b.options[1].votes),
        (1, 1)
    );
    expect_error(
        b.post(&path, json!({ "option_id": 424242 })).await,
        404,
        "not_found",
    )
    .await;
    let other_poll: ThreadView = b.thread(OPEN_DAY_POLL_THREAD).await;
    let foreign = other_poll.poll.unwrap().options[0].id;
    expect_error(
        b.post(&path, json!({ "option_id": foreign })).await,
        404,
        "not_found",
    )
    .await;
    expect_error(
        b.post(
            &format!("/api/community/threads/{BROADBAND_THREAD}/poll/votes"),
            json!({ "option_id": foreign }),
        )
        .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_poll_closes_at_the_end_of_its_day() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let voter = Member::fresh(&server).await;
    let made: ThreadCreated = decode(
        author
            .post(
                "/api/community/threads",
                with_poll(json!(["是", "否"]), today()),
            )
            .await,
        201,
    )
    .await;
    let path = format!("/api/community/threads/{}/poll/votes", made.thread.id);
    let end = china_midnight(today() + chrono::Days::new(1));
    server
        .config
        .clock
        .set(end - chrono::Duration::milliseconds(1));
    let poll = voter.thread(made.thread.id).await.poll.unwrap();
    assert!(!poll.closed);
    server.config.clock.set(end);
    let poll = voter.thread(made.thread.id).await.poll.unwrap();
    assert!(poll.closed && !poll.can_vote);
    expect_error(
        voter
            .post(&path, json!({ "option_id": poll.options[0].id }))
            .await,
        409,
        "poll_closed",
    )
    .await;
}

#[tokio::test]
async fn options_count_length_sameness_and_the_closing_day_are_checked_and_nothing_is_half_saved() {
    let server = community_server_with(|c| c.community.update(|c| c.threads_per_hour = 0)).await;
    let conn = db(&server);
    let author = Member::fresh(&server).await;
    let in_range = today() + chrono::Days::new(u64::from(POLL_MAX_OPEN_DAYS));
    let ok =
        |n: usize| -> Value { json!((0..n).map(|i| format!("选项{i}")).collect::<Vec<_>>()) };
    for n in [POLL_MIN_OPTIONS, POLL_MAX_OPTIONS] {
        let made: ThreadCreated = decode(
            author
                .post("/api/community/threads", with_poll(ok(n), in_range))
                .await,
            201,
        )
        .await;
        let view = author.thread(made.thread.id).await;
        assert_eq!(view.poll.unwrap().options.len(), n);
    }
    let longest = chars(POLL_OPTION_MAX_CHARS);
    decode::<ThreadCreated>(
        author
            .post(
                "/api/community/threads",
                with_poll(json!([longest, "短"]), in_range),
            )
            .await,
        201,
    )
    .await;
    let before = snapshot(&conn);
    for options in [
        ok(POLL_MIN_OPTIONS - 1),
        ok(POLL_MAX_OPTIONS + 1),
        json!([chars(POLL_OPTION_MAX_CHARS + 1), "短"]),
        json!(["  ", "短"]),
        json!(["换\n行", "短"]),
    ] {
        let e = expect_error(
            author
                .post(
                    "/api/community/threads",
                    with_poll(options.clone(), in_range),
                )
                .await,
            400,
            "invalid_post",
        )
        .await;
        assert_eq!(
            e.details.unwrap().field.as_deref(),
            Some("poll_option"),
            "{options}"
        );
    }
    for options in [json!(["是", "是"]), json!(["Yes", "no", " yes "])] {
        expect_error(
            author
                .post("/api/community/threads", with_poll(options, in_range))
                .await,
            409,
            "duplicate_poll_option",
        )
        .await;
    }
    for day in [
        today() - chrono::Days::new(1),
        in_range + chrono::Days::new(1),
    ] {
        expect_error(
            author
                .post("/api/community/threads", with_poll(ok(2), day))
                .await,
            409,
            "closing_date_out_of_range",
        )
        .await;
    }
    assert_eq!(
        snapshot(&conn),
        before,
        "no thread without its poll, no poll half made"
    );
}

#[tokio::test]
async fn the_seeded_open_day_poll_has_votes_and_a_member_who_voted_sees_the_choice() {
    let server = community_server().await;
    let li = Member::sign_in(&server, LI).await;
    let poll = li.thread(OPEN_DAY_POLL_THREAD).await.poll.unwrap();
    assert_eq!(poll.total_votes, 3);
    assert_eq!(poll.my_choice, Some(poll.options[2].id));
    assert!(!poll.can_vote);
    let zhang = Member::sign_in(&server, ZHANG).await;
    assert!(
        zhang
            .thread(OPEN_DAY_POLL_THREAD)
            .await
            .poll
            .unwrap()
            .can_vote
    );
}
