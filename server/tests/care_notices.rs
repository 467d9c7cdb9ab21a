//! Notices from the rest of the app arrive in the care inbox, linked to their page: a
//! reply to my thread, my answer chosen as best, my idea adopted, and staff's steps on my
//! ticket; and the home page counts the tickets waiting for me.

mod care_support;
mod common;
mod community_support;
mod feedback_support;

use care_contract::care::{CareMessage, MessageKind, Topic};
use care_support::*;
use community_support::{Member, OPEN_IDEA_CALL_THREAD, STAFF, TECH_SUPPORT};
use feedback_support::{accept, open, staff_do};
use serde_json::json;

async fn only(m: &Member, kind: MessageKind) -> CareMessage {
    let found = of_kind(m, kind).await;
    assert_eq!(found.len(), 1, "{kind:?}: {found:?}");
    found.into_iter().next().unwrap()
}

#[tokio::test]
async fn a_reply_to_my_thread_links_to_it_and_my_own_reply_does_not() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let asker = member(&server, None, d(2020, 1, 1)).await;
    let helper = member(&server, None, d(2020, 1, 1)).await;
    let t = asker
        .new_thread(
            TECH_SUPPORT,
            "宽带晚上总掉线怎么办",
            "每天晚上八点以后就断。",
        )
        .await;
    asker.new_reply(t.id, "补充：光猫是新换的。", None).await;
    assert!(of_kind(&asker, MessageKind::ThreadReplied).await.is_empty());
    helper.new_reply(t.id, "试试把光猫重启一下。", None).await;
    let notice = only(&asker, MessageKind::ThreadReplied).await;
    assert_eq!(notice.topic, Topic::Community);
    assert_eq!(notice.params.thread_id, Some(t.id));
    assert_eq!(notice.params.title.as_deref(), Some("宽带晚上总掉线怎么办"));
    assert_eq!(notice.link, Some(format!("/community/threads/{}", t.id)));
    assert!(inbox(&helper).await.messages.is_empty());
}

#[tokio::test]
async fn my_answer_chosen_as_best_and_my_idea_adopted_reach_me() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let asker = member(&server, None, d(2020, 1, 1)).await;
    let helper = member(&server, None, d(2020, 1, 1)).await;
    let t = asker
        .new_thread(
            TECH_SUPPORT,
            "家里信号差",
            "客厅只有一格信号，卧室完全没有信号。",
        )
        .await;
    let answer = helper
        .new_reply(t.id, "可以申请家庭信号放大器。", None)
        .await;
    let path = format!("/api/community/threads/{}/best-answer", t.id);
    let r = asker.put(&path, json!({ "reply_id": answer.id })).await;
    assert_eq!(r.status(), 200);
    let best = only(&helper, MessageKind::AnswerAccepted).await;
    assert_eq!(best.link, Some(format!("/community/threads/{}", t.id)));

    let staff = Member::sign_in(&server, STAFF).await;
    let idea = helper
        .new_reply(OPEN_IDEA_CALL_THREAD, "希望长辈版能用方言语音播报。", None)
        .await;
    let path = format!("/api/community/replies/{}/adopt", idea.id);
    let r = staff.post(&path, json!({})).await;
    assert_eq!(r.status(), 200);
    let adopted = only(&helper, MessageKind::IdeaAdopted).await;
    assert_eq!(adopted.params.points, Some(200));
    assert_eq!(
        adopted.link,
        Some(format!("/community/threads/{OPEN_IDEA_CALL_THREAD}"))
    );
}

#[tokio::test]
async fn staff_steps_on_my_ticket_reach_me_and_home_counts_what_waits_for_me() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let customer = member(&server, None, d(2020, 1, 1)).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let ticket = open(&customer, json!({})).await;
    accept(&staff, ticket.id).await;
    assert!(
        inbox(&customer).await.messages.is_empty(),
        "accepting asks nothing"
    );
    staff_do(
        &staff,
        ticket.id,
        "reply",
        json!({ "text": "已安排师傅上门。" }),
    )
    .await;
    let answered = only(&customer, MessageKind::TicketAnswered).await;
    assert_eq!(answered.topic, Topic::Service);
    assert_eq!(answered.params.ticket_id, Some(ticket.id));
    assert_eq!(
        answered.link,
        Some(format!("/feedback/tickets/{}", ticket.id))
    );
    assert_eq!(home(&customer).await.tickets_waiting, 0);

    staff_do(
        &staff,
        ticket.id,
        "ask",
        json!({ "text": "请问家里几点有人？" }),
    )
    .await;
    only(&customer, MessageKind::TicketNeedsInfo).await;
    let summary = home(&customer).await;
    assert_eq!(summary.tickets_waiting, 1);
    assert_eq!(summary.first_waiting_ticket_id, Some(ticket.id));

    // A second answer is a second notice (one per step).
    staff_do(
        &staff,
        ticket.id,
        "reply",
        json!({ "text": "师傅明早九点到。" }),
    )
    .await;
    assert_eq!(
        of_kind(&customer, MessageKind::TicketAnswered).await.len(),
        2
    );
    staff_do(
        &staff,
        ticket.id,
        "resolve",
        json!({ "note": "已处理完毕" }),
    )
    .await;
    only(&customer, MessageKind::TicketResolved).await;
    assert_eq!(home(&customer).await.unread_messages, 4);
}

#[tokio::test]
async fn community_notices_switched_off_are_not_delivered() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let asker = member(&server, None, d(2020, 1, 1)).await;
    let helper = member(&server, None, d(2020, 1, 1)).await;
    set_preferences(
        &asker,
        json!({ "topics": [{ "topic": "community", "enabled": false, "max_per_week": 10 }] }),
    )
    .await;
    let t = asker
        .new_thread(
            TECH_SUPPORT,
            "话费怎么查",
            "想查上个月的账单明细，在哪里能看到？",
        )
        .await;
    helper.new_reply(t.id, "App 首页就能查。", None).await;
    assert!(inbox(&asker).await.messages.is_empty());
}

#[tokio::test]
async fn a_held_reply_reaches_the_author_only_when_staff_approve_it() {
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let asker = member(&server, None, d(2020, 1, 1)).await;
    let helper = member(&server, None, d(2020, 1, 1)).await;
    let staff = Member::sign_in(&server, STAFF).await;
    let t = asker
        .new_thread(TECH_SUPPORT, "套餐怎么改", "想把套餐改成便宜一点的。")
        .await;
    // A forbidden word holds the reply for review.
    let held = helper.new_reply(t.id, "加微信我教你改套餐。", None).await;
    assert!(of_kind(&asker, MessageKind::ThreadReplied).await.is_empty());
    let r = staff.moderate("reply", held.id, "approve", None).await;
    assert_eq!(r.status(), 200);
    let notice = only(&asker, MessageKind::ThreadReplied).await;
    assert_eq!(notice.link, Some(format!("/community/threads/{}", t.id)));
}
