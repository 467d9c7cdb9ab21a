//! Family contacts (亲情号): adding exactly once, the limit, each field's checks, the
//! subscriber's own and duplicate numbers, editing, deleting and whose contact it is.

mod common;
mod community_support;
mod me_support;

use care_contract::me::{
    FamilyContactCreated, FamilyContactList, CONTACT_NAME_MAX_CHARS, DEFAULT_MAX_FAMILY_CONTACTS,
};
use care_contract::profile::{FamilyContact, Profile};
use care_contract::ErrorCode;
use community_support::{key, Member};
use me_support::*;
use serde_json::json;

async fn contacts(member: &Member) -> FamilyContactList {
    member.fetch("/api/me/family-contacts").await
}

#[tokio::test]
async fn a_contact_is_added_listed_and_shown_in_the_profile_masked_and_in_full() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let made = add_contact(&me, "  女儿 ", "+86 137-0013-7000")
        .await
        .contact;
    assert_eq!(made.name, "女儿");
    assert_eq!(made.phone, "13700137000");
    assert_eq!(made.phone_masked, "137****7000");
    let landline = add_contact(&me, "家里座机", "010-6688 6688").await.contact;
    assert_eq!(landline.phone, "01066886688");
    let list = contacts(&me).await;
    assert_eq!(list.contacts, vec![made.clone(), landline]);
    assert_eq!(list.max_contacts, DEFAULT_MAX_FAMILY_CONTACTS);
    let profile: Profile = me.fetch("/api/me").await;
    assert_eq!(profile.family_contacts, list.contacts);
}

#[tokio::test]
async fn the_sixth_contact_is_refused_with_the_limit() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    for i in 0..DEFAULT_MAX_FAMILY_CONTACTS {
        add_contact(&me, &format!("家人{i}"), &format!("1370013700{i}")).await;
    }
    let e = refused_with(
        try_add_contact(&me, "第六位", "13700137009").await,
        409,
        ErrorCode::FamilyContactsFull,
    )
    .await;
    assert_eq!(e.details.unwrap().limit, Some(DEFAULT_MAX_FAMILY_CONTACTS));
    assert_eq!(contacts(&me).await.contacts.len(), 5);
}

#[tokio::test]
async fn the_operator_sets_the_limit() {
    let server = me_server_with(|c| c.me.max_family_contacts = 1).await;
    let me = Member::fresh(&server).await;
    add_contact(&me, "女儿", "13700137000").await;
    refused_with(
        try_add_contact(&me, "儿子", "13700137001").await,
        409,
        ErrorCode::FamilyContactsFull,
    )
    .await;
    assert_eq!(contacts(&me).await.max_contacts, 1);
}

#[tokio::test]
async fn each_field_is_checked() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let long = "儿".repeat(CONTACT_NAME_MAX_CHARS + 1);
    for (name, phone, field) in [
        ("   ", "13700137000", "name"),
        (long.as_str(), "13700137000", "name"),
        ("女\u{0007}儿", "13700137000", "name"),
        ("女儿", "", "phone"),
        ("女儿", "1370013700", "phone"),
        ("女儿", "12700137000", "phone"),
        ("女儿", "6688 6688", "phone"),
        ("女儿", "010-6688 668", "phone"),
        ("女儿", "137OO137000", "phone"),
    ] {
        let e = refused_with(
            try_add_contact(&me, name, phone).await,
            400,
            ErrorCode::InvalidContact,
        )
        .await;
        assert_eq!(
            e.details.unwrap().field.as_deref(),
            Some(field),
            "{name} {phone}"
        );
    }
    // Twenty characters is fine.
    add_contact(&me, &"儿".repeat(CONTACT_NAME_MAX_CHARS), "13700137000").await;
    let bad_key = me
        .post(
            "/api/me/family-contacts",
            json!({ "name": "女儿", "phone": "13700137001", "idempotency_key": "short" }),
        )
        .await;
    refused_with(bad_key, 400, ErrorCode::InvalidIdempotencyKey).await;
    assert_eq!(contacts(&me).await.contacts.len(), 1);
}

#[tokio::test]
async fn the_subscribers_own_number_and_a_listed_one_are_refused() {
    let server = me_server().await;
    let phone = fresh_phone();
    let me = Member::sign_in(&server, &phone).await;
    let spaced = format!("{} {} {}", &phone[..3], &phone[3..7], &phone[7..]);
    refused_with(
        try_add_contact(&me, "自己", &spaced).await,
        409,
        ErrorCode::FamilyNumberTaken,
    )
    .await;
    add_contact(&me, "女儿", "13700137000").await;
    refused_with(
        try_add_contact(&me, "女儿的另一个名字", "+86 13700137000").await,
        409,
        ErrorCode::FamilyNumberTaken,
    )
    .await;
    // Someone else may list the same number.
    let other = Member::fresh(&server).await;
    add_contact(&other, "妈妈", "13700137000").await;
}

#[tokio::test]
async fn the_same_key_adds_once_and_another_request_with_it_is_refused() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let body = json!({ "name": "女儿", "phone": "13700137000", "idempotency_key": key() });
    let first: FamilyContactCreated =
        decoded(me.post("/api/me/family-contacts", body.clone()).await, 201).await;
    let again: FamilyContactCreated =
        decoded(me.post("/api/me/family-contacts", body.clone()).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.contact, first.contact);
    let mut other = body.clone();
    other["phone"] = json!("13700137001");
    refused_with(
        me.post("/api/me/family-contacts", other).await,
        409,
        ErrorCode::IdempotencyConflict,
    )
    .await;
    assert_eq!(contacts(&me).await.contacts.len(), 1);
}

#[tokio::test]
async fn a_contact_is_edited_and_deleted_by_its_owner_only() {
    let server = me_server().await;
    let me = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    let daughter = add_contact(&me, "女儿", "13700137000").await.contact;
    let son = add_contact(&me, "儿子", "13700137001").await.contact;
    let path = format!("/api/me/family-contacts/{}", daughter.id);
    let edited: FamilyContact = decoded(
        me.put(
            &path,
            json!({ "name": " 大女儿 ", "phone": "137 0013 7002" }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(
        (edited.id, edited.name.as_str(), edited.phone.as_str()),
        (daughter.id, "大女儿", "13700137002")
    );
    // Keeping its own number is fine; taking the son's is not.
    decoded::<FamilyContact>(
        me.put(&path, json!({ "name": "大女儿", "phone": "13700137002" }))
            .await,
        200,
    )
    .await;
    refused_with(
        me.put(&path, json!({ "name": "大女儿", "phone": son.phone }))
            .await,
        409,
        ErrorCode::FamilyNumberTaken,
    )
    .await;
    refused_with(
        me.put(&path, json!({ "name": "", "phone": "13700137002" }))
            .await,
        400,
        ErrorCode::InvalidContact,
    )
    .await;
    // Another subscriber's contact does not exist for them.
    refused_with(
        other
            .put(&path, json!({ "name": "我的", "phone": "13700137005" }))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    refused_with(other.delete(&path).await, 404, ErrorCode::NotFound).await;
    assert_eq!(contacts(&me).await.contacts[0].name, "大女儿");
    assert_eq!(me.delete(&path).await.status(), 204);
    refused_with(me.delete(&path).await, 404, ErrorCode::NotFound).await;
    assert_eq!(contacts(&me).await.contacts, vec![son]);
}

#[tokio::test]
async fn the_demo_elder_has_her_family_to_call() {
    let server = me_server().await;
    let wang = Member::sign_in(&server, WANG).await;
    let names: Vec<String> = contacts(&wang)
        .await
        .contacts
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["女儿", "儿子", "家里座机"]);
}

#[tokio::test]
async fn a_taken_number_is_refused_beside_the_phone_field() {
    let server = me_server().await;
    let phone = fresh_phone();
    let me = Member::sign_in(&server, &phone).await;
    let daughter = add_contact(&me, "女儿", "13700137000").await.contact;
    let son = add_contact(&me, "儿子", "13700137001").await.contact;
    let edit_path = format!("/api/me/family-contacts/{}", son.id);
    for refused in [
        try_add_contact(&me, "自己", &phone).await,
        try_add_contact(&me, "女儿", "13700137000").await,
        me.put(
            &edit_path,
            json!({ "name": "儿子", "phone": daughter.phone }),
        )
        .await,
    ] {
        let e = refused_with(refused, 409, ErrorCode::FamilyNumberTaken).await;
        assert_eq!(e.details.unwrap().field.as_deref(), Some("phone"));
    }
}
