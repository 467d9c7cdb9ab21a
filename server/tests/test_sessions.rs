//! The test-only `DELETE /api/_test/sessions` (with `--enable-faults`) over real HTTP: the
//! server forgets sessions, so browser tests can meet a session the server no longer knows.

mod common;

use common::*;
use serde_json::{json, Value};

async fn end_sessions(server: &TestServer, query: &str) -> reqwest::Response {
    server
        .client
        .delete(server.url(&format!("/api/_test/sessions{query}")))
        .send()
        .await
        .unwrap()
}

async fn is_signed_in(server: &TestServer, cookie: &str) -> bool {
    let me = server.get_with_cookie("/api/me", cookie).await.status();
    let session: Value = server
        .get_with_cookie("/api/session", cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me == 200, !session["profile"].is_null(), "{me} {session}");
    me == 200
}

#[tokio::test]
async fn without_the_flag_there_is_no_such_route() {
    let server = start(|_| {}).await;
    let cookie = signed_in(&server, PHONE).await;
    expect_error(end_sessions(&server, "").await, 404, "not_found").await;
    assert!(is_signed_in(&server, &cookie).await);
}

#[tokio::test]
async fn one_subscribers_sessions_end_and_the_others_stay() {
    let server = start(|c| {
        c.enable_faults = true;
        c.code_resend_secs = 0;
    })
    .await;
    let phone_a = signed_in(&server, PHONE).await;
    let laptop_a = signed_in(&server, PHONE).await;
    let wang = signed_in(&server, "13900139000").await;

    let r = end_sessions(&server, "?phone=138%200013%208000").await;
    assert_eq!(r.status(), 204);
    assert!(!is_signed_in(&server, &phone_a).await);
    assert!(!is_signed_in(&server, &laptop_a).await);
    expect_error(
        server.get_with_cookie("/api/me", &phone_a).await,
        401,
        "unauthenticated",
    )
    .await;
    assert!(is_signed_in(&server, &wang).await);

    // Nothing to end is fine too.
    assert_eq!(
        end_sessions(&server, "?phone=15912345678").await.status(),
        204
    );
    assert_eq!(
        end_sessions(&server, &format!("?phone={PHONE}"))
            .await
            .status(),
        204
    );
    // Signing in again works.
    let again = signed_in(&server, PHONE).await;
    assert!(is_signed_in(&server, &again).await);
}

#[tokio::test]
async fn without_a_phone_every_session_ends() {
    let server = start(|c| c.enable_faults = true).await;
    let zhang = signed_in(&server, PHONE).await;
    let wang = signed_in(&server, "13900139000").await;
    assert_eq!(end_sessions(&server, "").await.status(), 204);
    assert!(!is_signed_in(&server, &zhang).await);
    assert!(!is_signed_in(&server, &wang).await);
}

#[tokio::test]
async fn a_bad_phone_is_refused_and_the_hook_is_never_faulted() {
    let server = start(|c| c.enable_faults = true).await;
    let cookie = signed_in(&server, PHONE).await;
    expect_error(
        end_sessions(&server, "?phone=12345").await,
        400,
        "invalid_phone",
    )
    .await;
    expect_error(end_sessions(&server, "?user=1").await, 400, "bad_request").await;
    assert!(is_signed_in(&server, &cookie).await);

    let fault = server
        .client
        .put(server.url("/api/_test/faults"))
        .json(&json!({ "path": "/api/*", "mode": "error" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fault.status(), 200);
    assert_eq!(
        end_sessions(&server, &format!("?phone={PHONE}"))
            .await
            .status(),
        204
    );
    let clear = server
        .client
        .delete(server.url("/api/_test/faults"))
        .send()
        .await
        .unwrap();
    assert_eq!(clear.status(), 204);
    assert!(!is_signed_in(&server, &cookie).await);
}
