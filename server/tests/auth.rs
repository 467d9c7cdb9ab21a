//! Sign-in over real HTTP: codes, rate limits, sessions, sign-out.

mod common;

use std::time::Duration;

use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn sign_in_end_to_end_sets_a_strict_http_only_cookie_and_shows_the_profile() {
    let server = start(|_| {}).await;
    let sent = server.request_code("+86 138-0013-8000").await;
    assert_eq!(sent.status(), 200);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(sent["phone_masked"], "138****8000");
    assert_eq!(sent["demo_code"], DEMO_CODE);
    assert_eq!(sent["resend_after_secs"], 60);
    assert_eq!(sent["expires_in_secs"], 300);

    let response = server.sign_in(PHONE, DEMO_CODE).await;
    assert_eq!(response.status(), 200);
    let (cookie, header) = session_cookie(&response);
    assert!(header.contains("HttpOnly"), "{header}");
    assert!(header.contains("SameSite=Strict"), "{header}");
    assert!(header.contains("Path=/"), "{header}");
    assert!(header.contains("Max-Age=2592000"), "{header}");
    assert!(!header.contains("Secure"), "{header}");
    // 32 random bytes, base64url without padding.
    assert_eq!(cookie.len(), "care_session=".len() + 43);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["new_account"], false);
    assert_eq!(body["profile"]["nickname"], "张小明");

    let me = server.get_with_cookie("/api/me", &cookie).await;
    assert_eq!(me.status(), 200);
    assert_eq!(me.headers()["cache-control"].to_str().unwrap(), "no-store");
    let text = me.text().await.unwrap();
    assert!(!text.contains(PHONE), "full phone leaked: {text}");
    let profile: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(profile["phone_masked"], "138****8000");
    assert_eq!(profile["star_level"], 5);
    assert_eq!(profile["is_staff"], false);
    assert_eq!(profile["joined_on"], "2019-03-12");
}

#[tokio::test]
async fn an_unknown_phone_becomes_a_new_subscriber() {
    let server = start(|c| c.code_resend_secs = 0).await;
    server.request_code("15912345678").await;
    let response = server.sign_in("15912345678", DEMO_CODE).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["new_account"], true);
    assert_eq!(body["profile"]["nickname"], "用户5678");
    assert_eq!(body["profile"]["star_level"], 1);
    assert_eq!(body["profile"]["phone_masked"], "159****5678");
    // Second time it is not new.
    let again = signed_in(&server, "15912345678").await;
    assert!(!again.is_empty());
}

#[tokio::test]
async fn the_family_contact_has_full_and_masked_numbers_and_secure_cookies_are_marked() {
    let server = start(|c| c.secure_cookies = true).await;
    server.request_code("13900139000").await;
    let response = server.sign_in("13900139000", DEMO_CODE).await;
    let (cookie, header) = session_cookie(&response);
    assert!(header.contains("; Secure"), "{header}");
    let profile: Value = server
        .get_with_cookie("/api/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["nickname"], "王秀英");
    assert_eq!(profile["birthday"], "1956-10-09");
    assert_eq!(
        profile["family_contacts"],
        json!([
            { "id": 1, "name": "女儿", "phone": "13700137000", "phone_masked": "137****7000" },
            { "id": 2, "name": "儿子", "phone": "13700137002", "phone_masked": "137****7002" },
            { "id": 3, "name": "家里座机", "phone": "01066886688", "phone_masked": "010****6688" },
        ])
    );
}

#[tokio::test]
async fn wrong_codes_count_and_the_code_burns_after_the_last_attempt() {
    let server = start_production(|_| {}).await;
    server.request_code(PHONE).await;
    let code = server.last_texted_code(PHONE).unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        expect_error(server.sign_in(PHONE, wrong).await, 401, "invalid_code").await;
    }
    // The fifth wrong guess burns the code.
    expect_error(server.sign_in(PHONE, wrong).await, 429, "too_many_attempts").await;
    // Even the right code is refused now.
    expect_error(server.sign_in(PHONE, &code).await, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn a_demo_backend_accepts_the_demo_code_without_a_request() {
    let server = start(|_| {}).await;
    assert_eq!(server.sign_in("13900139000", DEMO_CODE).await.status(), 200);
    expect_error(server.sign_in(PHONE, "123456").await, 401, "code_expired").await;
}

#[tokio::test]
async fn a_malformed_code_is_refused_before_any_guess_is_counted() {
    let server = start_production(|_| {}).await;
    server.request_code(PHONE).await;
    // More malformed codes than the guesses a code allows: none of them counts.
    for malformed in [
        "12ab",
        " 123456",
        "123456 ",
        "1234567",
        "12345",
        "１２３４５６",
        "",
    ] {
        expect_error(server.sign_in(PHONE, malformed).await, 400, "bad_request").await;
    }
    let code = server.last_texted_code(PHONE).unwrap();
    assert_eq!(server.sign_in(PHONE, &code).await.status(), 200);
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let server = start_production(|c| c.code_ttl_secs = 1).await;
    let sent: Value = server.request_code(PHONE).await.json().await.unwrap();
    assert_eq!(sent["expires_in_secs"], 1);
    let code = server.last_texted_code(PHONE).unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    expect_error(server.sign_in(PHONE, &code).await, 401, "code_expired").await;
}

#[tokio::test]
async fn a_code_never_requested_is_refused() {
    let server = start_production(|_| {}).await;
    expect_error(server.sign_in(PHONE, "123456").await, 401, "code_expired").await;
}

#[tokio::test]
async fn a_code_works_once() {
    let server = start_production(|_| {}).await;
    server.request_code(PHONE).await;
    let code = server.last_texted_code(PHONE).unwrap();
    assert_eq!(server.sign_in(PHONE, &code).await.status(), 200);
    expect_error(server.sign_in(PHONE, &code).await, 401, "code_expired").await;
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    let server = start_production(|c| c.code_resend_secs = 0).await;
    server.request_code(PHONE).await;
    let first = server.last_texted_code(PHONE).unwrap();
    server.request_code(PHONE).await;
    let second = server.last_texted_code(PHONE).unwrap();
    if first != second {
        expect_error(server.sign_in(PHONE, &first).await, 401, "invalid_code").await;
    }
    assert_eq!(server.sign_in(PHONE, &second).await.status(), 200);
}

#[tokio::test]
async fn a_second_code_within_the_resend_window_is_rate_limited() {
    let server = start(|_| {}).await;
    assert_eq!(server.request_code(PHONE).await.status(), 200);
    let response = server.request_code(PHONE).await;
    let retry_header: u32 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let body = expect_error(response, 429, "rate_limited").await;
    let retry = body.retry_after_secs.unwrap();
    assert!((58..=60).contains(&retry), "{retry}");
    assert_eq!(retry_header, retry);
    // Another phone is not affected.
    assert_eq!(server.request_code("13900139000").await.status(), 200);
}

#[tokio::test]
async fn at_most_five_codes_per_phone_per_hour() {
    let server = start(|c| c.code_resend_secs = 0).await;
    for _ in 0..5 {
        assert_eq!(server.request_code(PHONE).await.status(), 200);
    }
    let response = server.request_code(PHONE).await;
    assert!(response.headers().contains_key("retry-after"));
    let body = expect_error(response, 429, "rate_limited").await;
    let retry = body.retry_after_secs.unwrap();
    assert!((3590..=3600).contains(&retry), "{retry}");
}

#[tokio::test]
async fn one_client_address_has_an_hourly_cap_across_phones() {
    let server = start(|c| c.codes_per_ip_per_hour = 3).await;
    for phone in ["13800138000", "13900139000", "13600136000"] {
        assert_eq!(server.request_code(phone).await.status(), 200);
    }
    expect_error(
        server.request_code("13300133000").await,
        429,
        "rate_limited",
    )
    .await;
}

#[tokio::test]
async fn invalid_phones_are_refused() {
    let server = start(|_| {}).await;
    for phone in ["", "12345", "12800138000", "138a0138000"] {
        expect_error(server.request_code(phone).await, 400, "invalid_phone").await;
    }
    expect_error(
        server.sign_in("12345", DEMO_CODE).await,
        400,
        "invalid_phone",
    )
    .await;
}

#[tokio::test]
async fn the_profile_needs_a_session() {
    let server = start(|_| {}).await;
    expect_error(server.get("/api/me").await, 401, "unauthenticated").await;
    let forged = server
        .get_with_cookie(
            "/api/me",
            "care_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )
        .await;
    expect_error(forged, 401, "unauthenticated").await;
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let server = start(|_| {}).await;
    let cookie = signed_in(&server, PHONE).await;
    assert_eq!(
        server.get_with_cookie("/api/me", &cookie).await.status(),
        200
    );

    let out = server
        .client
        .post(server.url("/api/auth/sign-out"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    let cleared = out.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.starts_with("care_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    // The old cookie, sent again by hand, is dead.
    expect_error(
        server.get_with_cookie("/api/me", &cookie).await,
        401,
        "unauthenticated",
    )
    .await;
    // Signing out without a session is harmless.
    let again = server
        .client
        .post(server.url("/api/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 204);
}

#[tokio::test]
async fn outside_demo_mode_codes_only_travel_by_sms() {
    let server = start_production(|_| {}).await;
    let meta: Value = server.get("/api/meta").await.json().await.unwrap();
    assert_eq!(meta["demo_mode"], false);
    assert!(meta.get("demo_code").is_none(), "{meta}");
    assert_eq!(meta["hotline"], "10000");

    let response = server.request_code(PHONE).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(!text.contains("demo_code"), "{text}");
    let code = server
        .last_texted_code(PHONE)
        .expect("the code is in the outbox");
    assert!(!text.contains(&code), "{text}");
    assert_eq!(code.len(), 6);
    // The demo code means nothing here (unless it happens to be the texted one).
    if code != DEMO_CODE {
        expect_error(server.sign_in(PHONE, DEMO_CODE).await, 401, "invalid_code").await;
    }
    assert_eq!(server.sign_in(PHONE, &code).await.status(), 200);
}

#[tokio::test]
async fn demo_meta_shows_the_demo_code() {
    let server = start(|c| c.demo_code = "135790".into()).await;
    let meta: Value = server.get("/api/meta").await.json().await.unwrap();
    assert_eq!(
        meta,
        json!({ "demo_mode": true, "demo_code": "135790", "hotline": "10000" })
    );
}

#[tokio::test]
async fn malformed_json_bodies_get_a_json_400() {
    let server = start(|_| {}).await;
    let broken = server
        .client
        .post(server.url("/api/auth/code"))
        .header("content-type", "application/json")
        .body("{\"phone\": ")
        .send()
        .await
        .unwrap();
    expect_error(broken, 400, "bad_request").await;

    let missing_field = server
        .post_json("/api/auth/sign-in", json!({ "phone": PHONE }))
        .await;
    expect_error(missing_field, 400, "bad_request").await;

    // Every body is a JSON object: an array of the fields (which serde's derive would
    // read) is refused, as the document says.
    let array = server
        .post_json("/api/auth/sign-in", json!([PHONE, "246810"]))
        .await;
    expect_error(array, 400, "bad_request").await;

    let not_json = server
        .client
        .post(server.url("/api/auth/code"))
        .body("phone=13800138000")
        .send()
        .await
        .unwrap();
    expect_error(not_json, 415, "unsupported_media_type").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_sign_ins_with_one_code_yield_one_session() {
    let server = start_production(|_| {}).await;
    server.request_code(PHONE).await;
    let code = server.last_texted_code(PHONE).unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let request = server
            .client
            .post(server.url("/api/auth/sign-in"))
            .json(&json!({ "phone": PHONE, "code": code }));
        tasks.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let statuses = tasks.join_all().await;
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|&s| s == 200 || s == 401),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn the_session_endpoint_says_who_is_signed_in_without_failing_when_nobody_is() {
    let server = start(|_| {}).await;
    let anonymous = server.get("/api/session").await;
    assert_eq!(anonymous.status(), 200);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body, json!({ "profile": null }));

    let cookie = signed_in(&server, PHONE).await;
    let signed: Value = server
        .get_with_cookie("/api/session", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(signed["profile"]["nickname"], "张小明");
    assert_eq!(signed["profile"]["phone_masked"], "138****8000");

    // A dead or forged cookie is simply "nobody".
    let forged: Value = server
        .get_with_cookie("/api/session", "care_session=forged")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(forged, json!({ "profile": null }));
}

/// Asks for a code for `phone` as if forwarded for `client` (when given).
async fn request_code_via(
    server: &TestServer,
    phone: &str,
    client: Option<&str>,
) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url("/api/auth/code"))
        .json(&json!({ "phone": phone }));
    if let Some(client) = client {
        request = request.header("x-forwarded-for", client);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let server = start(|c| {
        c.codes_per_ip_per_hour = 2;
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let (a, b) = ("203.0.113.7", "198.51.100.23");
    for phone in ["13800138000", "13900139000"] {
        assert_eq!(
            request_code_via(&server, phone, Some(a)).await.status(),
            200
        );
    }
    expect_error(
        request_code_via(&server, "13600136000", Some(a)).await,
        429,
        "rate_limited",
    )
    .await;
    // Another subscriber behind the same balancer is not held back by the first.
    for phone in ["13600136000", "13300133000"] {
        assert_eq!(
            request_code_via(&server, phone, Some(b)).await.status(),
            200
        );
    }
    // Left of the balancer's entry is whatever the client wrote: it does not matter.
    let forged = format!("10.9.9.9, {a}");
    expect_error(
        request_code_via(&server, "13500135000", Some(&forged)).await,
        429,
        "rate_limited",
    )
    .await;
}

#[tokio::test]
async fn from_an_untrusted_peer_a_forged_forwarded_for_changes_nothing() {
    let server = start(|c| c.codes_per_ip_per_hour = 2).await;
    let clients = ["203.0.113.7", "198.51.100.23", "192.0.2.99"];
    let phones = ["13800138000", "13900139000", "13600136000"];
    for (phone, client) in phones.iter().zip(clients).take(2) {
        assert_eq!(
            request_code_via(&server, phone, Some(client))
                .await
                .status(),
            200
        );
    }
    // The limit is on the socket's address, 127.0.0.1, whatever the header says.
    expect_error(
        request_code_via(&server, phones[2], Some(clients[2])).await,
        429,
        "rate_limited",
    )
    .await;
    expect_error(
        request_code_via(&server, phones[2], None).await,
        429,
        "rate_limited",
    )
    .await;
}

#[tokio::test]
async fn a_session_past_its_expiry_is_no_session() {
    let server = start(|_| {}).await;
    let cookie = signed_in(&server, PHONE).await;
    let conn = rusqlite::Connection::open(&server.config.db_path).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    let set_expiry = |offset_ms: i64| {
        let at = chrono::Utc::now().timestamp_millis() + offset_ms;
        let changed = conn
            .execute("UPDATE sessions SET expires_at = ?1", [at])
            .unwrap();
        assert_eq!(changed, 1);
    };
    // A minute before its expiry it still works.
    set_expiry(60_000);
    assert_eq!(
        server.get_with_cookie("/api/me", &cookie).await.status(),
        200
    );
    // A second after, it is gone: the strict endpoint says 401, the lenient one nobody.
    set_expiry(-1_000);
    expect_error(
        server.get_with_cookie("/api/me", &cookie).await,
        401,
        "unauthenticated",
    )
    .await;
    let session: Value = server
        .get_with_cookie("/api/session", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(session, json!({ "profile": null }));
}
