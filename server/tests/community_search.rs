//! Search over real HTTP: Chinese substrings of three or more characters through the
//! trigram index, one- and two-character words by scanning, every word required, and
//! only what everyone may see.

mod common;
mod community_support;

use care_contract::community::*;
use common::*;
use community_support::*;

async fn search(server: &TestServer, q: &str) -> ThreadPage {
    let url = format!("/api/community/search?q={}", percent_encode(q));
    public(server, &url).await
}

fn percent_encode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn ids(page: &ThreadPage) -> Vec<i64> {
    page.threads.iter().map(|t| t.id).collect()
}

#[tokio::test]
async fn chinese_substrings_of_three_or_more_characters_are_found_in_titles_and_bodies() {
    let server = community_server().await;
    // In the middle of a word, in a title and in a body.
    assert_eq!(ids(&search(&server, "灯一直闪").await), [BROADBAND_THREAD]);
    let elder = search(&server, "长辈版").await;
    assert!(elder.total >= 3, "{:?}", ids(&elder));
    assert!(ids(&elder).contains(&5) && ids(&elder).contains(&OPEN_IDEA_CALL_THREAD));
    // Latin letters ignore case.
    assert_eq!(ids(&search(&server, "los").await), [BROADBAND_THREAD]);
    // Every word must be there.
    assert_eq!(ids(&search(&server, "光猫 报修").await), Vec::<i64>::new());
    assert_eq!(ids(&search(&server, "光猫 闪红").await), [BROADBAND_THREAD]);
    assert_eq!(search(&server, "没有这个词语").await.total, 0);
}

#[tokio::test]
async fn words_of_one_or_two_characters_are_found_too() {
    let server = community_server().await;
    let flow = search(&server, "流量").await;
    // In titles (the data plan, the daily usage idea) and in bodies (the family card).
    for id in [DATA_PLAN_THREAD, 9, 4] {
        assert!(ids(&flow).contains(&id), "{id} in {:?}", ids(&flow));
    }
    assert_eq!(ids(&search(&server, "猫").await), [BROADBAND_THREAD]);
    // Short and long words together.
    assert_eq!(ids(&search(&server, "副卡 共享流量").await), [4]);
    // LIKE's own characters are only text.
    assert_eq!(search(&server, "%").await.total, 0);
    assert_eq!(search(&server, "_").await.total, 0);
    assert_eq!(search(&server, "\"").await.total, 0);
    assert_eq!(search(&server, "\"OR\"").await.total, 0);
}

#[tokio::test]
async fn search_finds_only_published_threads_and_follows_edits() {
    let server = community_server().await;
    let author = Member::fresh(&server).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = author
        .new_thread(
            TECH_SUPPORT,
            "机顶盒遥控器失灵",
            "机顶盒遥控器按键没反应，换了电池也不行。",
        )
        .await;
    assert_eq!(ids(&search(&server, "遥控器失灵").await), [t.id]);
    decode::<ThreadDetail>(
        author
            .put(
                &format!("/api/community/threads/{}", t.id),
                serde_json::json!({ "title": "机顶盒没反应", "body": "按键没反应，换了电池也不行。" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(
        search(&server, "遥控器失灵").await.total,
        0,
        "the old words are gone"
    );
    assert_eq!(ids(&search(&server, "机顶盒没").await), [t.id]);
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "hide", None).await, 200).await;
    assert_eq!(search(&server, "机顶盒没").await.total, 0);
    decode::<ModeratedPost>(staff.moderate("thread", t.id, "restore", None).await, 200).await;
    assert_eq!(search(&server, "机顶盒没").await.total, 1);
    assert_eq!(
        author
            .delete(&format!("/api/community/threads/{}", t.id))
            .await
            .status(),
        200
    );
    assert_eq!(search(&server, "机顶盒没").await.total, 0);
}

#[tokio::test]
async fn search_pages_and_filters_by_board_and_refuses_blank_or_long_queries() {
    let server = community_server_with(|c| c.community.update(|c| c.threads_per_hour = 0)).await;
    let author = Member::fresh(&server).await;
    for i in 0..5 {
        author
            .new_thread(
                PLANS,
                &format!("宽带续约问题 {i}"),
                "宽带合约快到期了，续约有什么优惠？",
            )
            .await;
        later(&server, MINUTE);
    }
    let page: ThreadPage = public(
        &server,
        "/api/community/search?q=%E7%BB%AD%E7%BA%A6%E9%97%AE%E9%A2%98&per_page=2&page=3",
    )
    .await;
    assert_eq!((page.total, page.threads.len(), page.page), (5, 1, 3));
    let in_board: ThreadPage = public(
        &server,
        &format!("/api/community/search?q=%E5%AE%BD%E5%B8%A6&board_id={TECH_SUPPORT}"),
    )
    .await;
    assert_eq!(ids(&in_board), [BROADBAND_THREAD]);
    for q in [
        "",
        "%20%E3%80%80",
        &percent_encode(&chars(SEARCH_MAX_CHARS + 1)),
    ] {
        expect_error(
            server.get(&format!("/api/community/search?q={q}")).await,
            400,
            "bad_request",
        )
        .await;
    }
    expect_error(
        server.get("/api/community/search").await,
        400,
        "bad_request",
    )
    .await;
    let longest = search(&server, &chars(SEARCH_MAX_CHARS)).await;
    assert_eq!(longest.total, 0);
}
