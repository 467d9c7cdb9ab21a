//! Delivery: once per moment, only for topics that are on, never past the weekly cap; and
//! offers stay off until the subscriber opts in.

mod care_support;
mod common;
mod community_support;

use care_contract::care::{MessageKind, ReadAllResult, Topic};
use care_contract::{ApiError, ErrorCode};
use care_support::*;
use community_support::decode;
use serde_json::json;

#[tokio::test]
async fn offers_are_off_until_the_subscriber_opts_in() {
    let server = care_server_at(china(2026, 11, 28, 9, 0)).await;
    let m = member(&server, None, d(2020, 1, 1)).await;
    let prefs = preferences(&m).await;
    let topics: Vec<Topic> = prefs.topics.iter().map(|t| t.topic).collect();
    assert_eq!(topics, Topic::ALL);
    let offers = prefs
        .topics
        .iter()
        .find(|t| t.topic == Topic::Offers)
        .unwrap();
    assert!(!offers.enabled);
    assert!(prefs
        .topics
        .iter()
        .filter(|t| t.topic != Topic::Offers)
        .all(|t| t.enabled));

    let after = set_preferences(
        &m,
        json!({ "topics": [{ "topic": "offers", "enabled": true, "max_per_week": 2 }] }),
    )
    .await;
    let offers = after
        .topics
        .iter()
        .find(|t| t.topic == Topic::Offers)
        .unwrap();
    assert!(offers.enabled);
    assert_eq!(offers.max_per_week, 2);
    // Kept, and only that topic changed.
    assert_eq!(preferences(&m).await, after);
    assert_eq!(
        after.topics.iter().find(|t| t.topic == Topic::Care),
        prefs.topics.iter().find(|t| t.topic == Topic::Care)
    );
}

#[tokio::test]
async fn a_cap_outside_one_to_twenty_is_refused() {
    let server = care_server_at(china(2026, 11, 28, 9, 0)).await;
    let m = member(&server, None, d(2020, 1, 1)).await;
    for cap in [0, 21] {
        let body = json!({ "topics": [{ "topic": "care", "enabled": true, "max_per_week": cap }] });
        let e: ApiError = decode(m.put("/api/care/preferences", body).await, 400).await;
        assert_eq!(e.code, ErrorCode::BadRequest);
    }
}

#[tokio::test]
async fn a_switched_off_topic_delivers_nothing() {
    let server = care_server_at(china(2026, 5, 20, 9, 0)).await;
    let m = member(&server, Some(d(1990, 5, 20)), d(2015, 3, 10)).await;
    set_preferences(
        &m,
        json!({ "topics": [{ "topic": "care", "enabled": false, "max_per_week": 3 }] }),
    )
    .await;
    let summary = home(&m).await;
    let birthday = summary
        .moments
        .iter()
        .find(|x| x.kind == MessageKind::Birthday)
        .expect("the moment still shows on home");
    assert_eq!(birthday.message_id, None);
    assert_eq!(inbox(&m).await.total, 0);
}

#[tokio::test]
async fn a_moment_is_delivered_once_however_often_home_and_the_inbox_open() {
    let server = care_server_at(china(2026, 5, 20, 9, 0)).await;
    let m = member(&server, Some(d(1990, 5, 20)), d(2015, 3, 10)).await;
    let first = home(&m).await;
    let id = first.moments[0].message_id.expect("delivered");
    assert_eq!(first.moments[0].gift_points, Some(200));
    assert_eq!(first.unread_messages, 1);
    inbox(&m).await;
    // Later that day, and the day after: still the one message.
    set_clock(&server, china(2026, 5, 20, 22, 0));
    assert_eq!(home(&m).await.moments[0].message_id, Some(id));
    set_clock(&server, china(2026, 5, 21, 8, 0));
    let page = inbox(&m).await;
    assert_eq!(page.total, 1);
    assert_eq!(page.messages[0].id, id);
}

#[tokio::test]
async fn the_weekly_cap_holds() {
    // 17 February 2026 is the Spring Festival; this member was born and joined that day.
    let server = care_server_at(china(2026, 2, 17, 9, 0)).await;
    let m = member(&server, Some(d(1960, 2, 17)), d(2016, 2, 17)).await;
    set_preferences(
        &m,
        json!({ "topics": [{ "topic": "care", "enabled": true, "max_per_week": 2 }] }),
    )
    .await;
    let summary = home(&m).await;
    let kinds: Vec<MessageKind> = summary.moments.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            MessageKind::Birthday,
            MessageKind::NetworkAnniversary,
            MessageKind::SpringFestival
        ]
    );
    let delivered = summary
        .moments
        .iter()
        .filter(|x| x.message_id.is_some())
        .count();
    assert_eq!(
        delivered, 2,
        "birthday and anniversary; the festival is over the cap"
    );
    assert_eq!(inbox(&m).await.total, 2);
    // A moment the cap held back is not delivered late: a week on, the festival is over.
    set_clock(&server, china(2026, 2, 24, 10, 0));
    assert_eq!(inbox(&m).await.total, 2);
}

#[tokio::test]
async fn reading_marks_one_or_all_and_the_unread_count_follows() {
    let server = care_server_at(china(2026, 2, 17, 9, 0)).await;
    let m = member(&server, Some(d(1960, 2, 17)), d(2016, 2, 17)).await;
    let page = inbox(&m).await;
    assert_eq!(page.total, 3);
    assert_eq!(page.unread, 3);
    let one = page.messages[1].id;
    let read: care_contract::care::CareMessage = decode(
        m.post(&format!("/api/care/inbox/{one}/read"), json!(null))
            .await,
        200,
    )
    .await;
    let first_read = read.read_at.expect("read");
    assert_eq!(inbox(&m).await.unread, 2);
    set_clock(&server, china(2026, 2, 17, 10, 0));
    let all: ReadAllResult =
        decode(m.post("/api/care/inbox/read-all", json!(null)).await, 200).await;
    assert_eq!(all.marked, 2);
    let after = inbox(&m).await;
    assert_eq!(after.unread, 0);
    let kept = after.messages.iter().find(|x| x.id == one).unwrap();
    assert_eq!(
        kept.read_at,
        Some(first_read),
        "the first reading's time stays"
    );
}

#[tokio::test]
async fn the_inbox_is_newest_first_and_paged() {
    let server = care_server_at(china(2026, 2, 17, 9, 0)).await;
    let m = member(&server, Some(d(1960, 2, 17)), d(2016, 2, 17)).await;
    let all = inbox(&m).await;
    let page2: care_contract::care::InboxPage = m.fetch("/api/care/inbox?page=2&per_page=2").await;
    assert_eq!(page2.total, 3);
    assert_eq!(page2.messages.len(), 1);
    assert_eq!(page2.messages[0].id, all.messages[2].id);
    let ids: Vec<i64> = all.messages.iter().map(|x| x.id).collect();
    let mut newest_first = ids.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ids, newest_first);
    let e: ApiError = decode(m.get("/api/care/inbox?page=0").await, 400).await;
    assert_eq!(e.code, ErrorCode::BadRequest);
}

#[tokio::test]
async fn the_weekly_cap_counts_the_last_seven_days_not_only_today() {
    // Born 20 September 1960 (an elder: the Double Ninth is hers too), joined in March.
    let server = care_server_at(china(2026, 9, 20, 9, 0)).await;
    let m = member(&server, Some(d(1960, 9, 20)), d(2015, 3, 10)).await;
    set_preferences(
        &m,
        json!({ "topics": [{ "topic": "care", "enabled": true, "max_per_week": 1 }] }),
    )
    .await;
    assert_eq!(of_kind(&m, MessageKind::Birthday).await.len(), 1);
    // Mid-Autumn, five days later: the birthday still fills this week's one message.
    set_clock(&server, china(2026, 9, 25, 9, 0));
    let summary = home(&m).await;
    let mid_autumn = summary
        .moments
        .iter()
        .find(|x| x.kind == MessageKind::MidAutumn)
        .expect("Mid-Autumn is due");
    assert_eq!(mid_autumn.message_id, None, "capped");
    assert_eq!(inbox(&m).await.total, 1);
    // The Double Ninth, four weeks on: the week is free again.
    set_clock(&server, china(2026, 10, 18, 9, 0));
    assert_eq!(of_kind(&m, MessageKind::DoubleNinth).await.len(), 1);
    assert_eq!(inbox(&m).await.total, 2);
}

#[tokio::test]
async fn each_moment_links_to_its_page_the_birthday_and_guide_to_care_the_report_to_its_quarter() {
    // National Day 2026 is also the first day of the fourth quarter: the third quarter's
    // report is due; the member was born on it and her account is a day old.
    let server = care_server_at(china(2026, 10, 1, 9, 0)).await;
    let m = member(&server, Some(d(1960, 10, 1)), d(2015, 3, 10)).await;
    made_at(&server, &m, china(2026, 9, 30, 12, 0));
    set_preferences(
        &m,
        json!({ "topics": [{ "topic": "care", "enabled": true, "max_per_week": 20 }] }),
    )
    .await;
    let page = inbox(&m).await;
    let link = |kind: MessageKind| {
        let found: Vec<_> = page.messages.iter().filter(|x| x.kind == kind).collect();
        assert_eq!(found.len(), 1, "{kind:?} in {:?}", page.messages);
        found[0].link.clone()
    };
    assert_eq!(link(MessageKind::Birthday).as_deref(), Some("/care"));
    assert_eq!(link(MessageKind::NewUserGuide).as_deref(), Some("/care"));
    assert_eq!(
        link(MessageKind::QuarterlyReport).as_deref(),
        Some("/care/report?year=2026&quarter=3")
    );
    assert_eq!(link(MessageKind::NationalDay), None);
}
