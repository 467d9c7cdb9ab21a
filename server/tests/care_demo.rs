//! The demo's care messages: 张小明 and 王秀英 find read and unread messages, his with a
//! birthday gift to claim and notices linking to his demo tickets.

mod care_support;
mod common;
mod community_support;

use care_contract::care::{GiftClaimed, MessageKind};
use care_support::*;
use community_support::{decode, Member, WANG, ZHANG};

#[tokio::test]
async fn the_demo_subscribers_have_read_and_unread_messages_and_one_gift() {
    // A day without moments for either of them.
    let server = care_server_at(china(2026, 11, 20, 10, 0)).await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    let page = inbox(&zhang).await;
    assert_eq!((page.total, page.unread), (4, 2));
    let gift = page
        .messages
        .iter()
        .find(|m| m.gift.is_some())
        .expect("a gift");
    assert_eq!(gift.kind, MessageKind::Birthday);
    assert_eq!(gift.read_at, None);
    let answered = page
        .messages
        .iter()
        .find(|m| m.kind == MessageKind::TicketAnswered)
        .unwrap();
    let ticket = answered.params.ticket_id.unwrap();
    assert_eq!(answered.link, Some(format!("/feedback/tickets/{ticket}")));
    let r = zhang.get(&format!("/api/feedback/tickets/{ticket}")).await;
    assert_eq!(r.status(), 200, "his own ticket");
    let claimed: GiftClaimed = decode(claim(&zhang, gift.id).await, 200).await;
    assert_eq!(claimed.points, 200);

    let wang = Member::sign_in(&server, WANG).await;
    let page = inbox(&wang).await;
    assert_eq!((page.total, page.unread), (2, 1));
    let anniversary = page
        .messages
        .iter()
        .find(|m| m.kind == MessageKind::NetworkAnniversary)
        .unwrap();
    // She joined on 1 September 2003.
    assert_eq!(anniversary.params.years, Some(23));
}
