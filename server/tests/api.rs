//! The OpenAPI document and demo seeding.

mod common;
mod mall_support;

use std::path::PathBuf;

use common::*;
use mall_support::*;
use serde_json::{json, Value};

#[test]
fn docs_openapi_json_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/openapi.json");
    let expected = care_server::openapi_json();
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/openapi.json is stale or missing. Regenerate it from the workspace root with:\n\n    \
         cargo run -q -p care-server -- --print-openapi > docs/openapi.json\n"
    );
}

#[tokio::test]
async fn the_openapi_document_is_served_and_lists_the_endpoints() {
    let server = start(|_| {}).await;
    let response = server.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/meta",
        "/api/auth/code",
        "/api/auth/sign-in",
        "/api/auth/sign-out",
        "/api/me",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    for schema in ["ApiError", "ErrorCode", "CodeSent", "Profile", "ServerInfo"] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "{schema} missing"
        );
    }
    assert!(doc["paths"].get("/api/_test/faults").is_none());
}

#[tokio::test]
async fn demo_seeding_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let count = |path: PathBuf| {
        let conn = rusqlite::Connection::open(path).unwrap();
        let subscribers: i64 = conn
            .query_row("SELECT count(*) FROM subscribers", [], |r| r.get(0))
            .unwrap();
        let contacts: i64 = conn
            .query_row("SELECT count(*) FROM family_contacts", [], |r| r.get(0))
            .unwrap();
        (subscribers, contacts)
    };
    let first = start_in(dir.path(), |_| {}).await;
    first.stop().await;
    let after_first = count(dir.path().join("care.sqlite3"));
    // 王秀英's three family contacts (her daughter, son and home line).
    assert_eq!(after_first, (5, 3));

    let second = start_in(dir.path(), |_| {}).await;
    // The staff member is there and signs in.
    let cookie = signed_in(&second, "13300133000").await;
    let profile: Value = second
        .get_with_cookie("/api/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["is_staff"], true);
    second.stop().await;
    assert_eq!(count(dir.path().join("care.sqlite3")), after_first);
}

#[tokio::test]
async fn the_new_user_joined_recently() {
    let server = start(|_| {}).await;
    let cookie = signed_in(&server, "13600136000").await;
    let profile: Value = server
        .get_with_cookie("/api/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    let joined =
        chrono::NaiveDate::parse_from_str(profile["joined_on"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    let days = (chrono::Local::now().date_naive() - joined).num_days();
    assert!((55..=65).contains(&days), "{days}");
}

#[test]
fn the_openapi_document_lists_the_mall() {
    let doc = care_server::openapi_json();
    for path in [
        "/api/mall/summary",
        "/api/mall/ledger",
        "/api/mall/check-in",
        "/api/mall/items",
        "/api/mall/items/{id}",
        "/api/mall/redemptions",
        "/api/mall/orders",
        "/api/mall/orders/{id}",
        "/api/mall/orders/{id}/cancel",
        "/api/mall/address",
        "/api/mall/charity",
        "/api/mall/donations",
    ] {
        assert!(doc.contains(&format!("\"{path}\"")), "{path} missing");
    }
}

#[test]
fn the_openapi_document_lists_the_community() {
    let doc = document();
    for path in [
        "/api/community/boards",
        "/api/community/search",
        "/api/community/threads",
        "/api/community/threads/{id}",
        "/api/community/threads/{id}/replies",
        "/api/community/threads/{id}/best-answer",
        "/api/community/threads/{id}/vote",
        "/api/community/threads/{id}/poll/votes",
        "/api/community/replies/{id}",
        "/api/community/replies/{id}/vote",
        "/api/community/replies/{id}/adopt",
        "/api/community/reports",
        "/api/community/moderation/queue",
        "/api/community/moderation/threads/{id}",
        "/api/community/moderation/replies/{id}",
        "/api/community/moderation/log",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["paths"].get("/api/_test/community/config").is_none());
    assert!(doc["paths"].get("/api/_test/community/backdate").is_none());
    // Every operation has its own id (links name them).
    let mut ids = std::collections::HashSet::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            let id = op["operationId"].as_str().unwrap().to_owned();
            assert!(ids.insert(id.clone()), "operationId {id} twice");
        }
    }
}

#[test]
fn the_document_carries_the_communitys_limits() {
    use care_contract::community::*;
    use care_contract::pattern;
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    for request in ["CreateThreadRequest", "EditThreadRequest"] {
        let p = &schemas[request]["properties"];
        assert_eq!(
            p["title"]["pattern"],
            pattern::trimmed_text(TITLE_MIN_CHARS, TITLE_MAX_CHARS, false)
        );
        assert_eq!(
            p["body"]["pattern"],
            pattern::trimmed_lines(THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS)
        );
    }
    for request in ["CreateReplyRequest", "EditReplyRequest"] {
        assert_eq!(
            schemas[request]["properties"]["body"]["pattern"],
            pattern::trimmed_lines(REPLY_MIN_CHARS, REPLY_MAX_CHARS)
        );
    }
    let options = &schemas["NewPoll"]["properties"]["options"];
    assert_eq!(options["minItems"], POLL_MIN_OPTIONS);
    assert_eq!(options["maxItems"], POLL_MAX_OPTIONS);
    assert_eq!(
        options["items"]["pattern"],
        pattern::trimmed_text(1, POLL_OPTION_MAX_CHARS, false)
    );
    assert_eq!(
        schemas["ReportRequest"]["properties"]["detail"]["pattern"],
        pattern::trimmed_lines(0, REPORT_DETAIL_MAX_CHARS)
    );
    let replies = doc["paths"]["/api/community/threads/{id}/replies"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let per_page = replies.iter().find(|p| p["name"] == "per_page").unwrap();
    assert_eq!(per_page["schema"]["maximum"], MAX_REPLIES_PER_PAGE);
    let search = doc["paths"]["/api/community/search"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let q = search.iter().find(|p| p["name"] == "q").unwrap();
    assert_eq!(q["required"], true);
    assert_eq!(
        q["schema"]["pattern"],
        pattern::trimmed_text(1, SEARCH_MAX_CHARS, true)
    );
}

#[tokio::test]
async fn seeding_the_mall_again_on_another_day_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let counts = |path: std::path::PathBuf| {
        let conn = rusqlite::Connection::open(path).unwrap();
        [
            "mall_items",
            "charity_projects",
            "point_ledger",
            "point_lots",
            "check_ins",
        ]
        .map(|t| count(&conn, &format!("SELECT count(*) FROM {t}")))
    };
    let first = start_in(dir.path(), |c| c.clock.set_china_noon(day0())).await;
    first.stop().await;
    let after_first = counts(dir.path().join("care.sqlite3"));
    assert_eq!(after_first[0], 13);
    let second = start_in(dir.path(), |c| c.clock.set_china_noon(plus(3))).await;
    second.stop().await;
    assert_eq!(counts(dir.path().join("care.sqlite3")), after_first);
}

fn document() -> Value {
    serde_json::from_str(&care_server::openapi_json()).unwrap()
}

#[test]
fn the_document_carries_the_contracts_limits() {
    use care_contract::mall::*;
    use care_contract::{limits, pattern};
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let address = &schemas["DeliveryAddress"]["properties"];
    assert_eq!(
        address["name"]["pattern"],
        pattern::trimmed_text(1, ADDRESS_NAME_MAX_CHARS, false)
    );
    assert_eq!(
        address["detail"]["pattern"],
        pattern::trimmed_text(ADDRESS_DETAIL_MIN_CHARS, ADDRESS_DETAIL_MAX_CHARS, false)
    );
    assert_eq!(address["phone"]["pattern"], pattern::phone_input());
    assert_eq!(
        schemas["CodeRequest"]["properties"]["phone"]["pattern"],
        pattern::phone_input()
    );
    let code = &schemas["SignInRequest"]["properties"]["code"];
    assert_eq!(code["pattern"], pattern::sign_in_code());
    assert_eq!(code["maxLength"], limits::CODE_LENGTH);
    for request in ["RedemptionRequest", "DonationRequest"] {
        let key = &schemas[request]["properties"]["idempotency_key"];
        assert_eq!(key["minLength"], IDEMPOTENCY_KEY_MIN, "{request}");
        assert_eq!(key["maxLength"], IDEMPOTENCY_KEY_MAX, "{request}");
        assert_eq!(key["pattern"], pattern::IDEMPOTENCY_KEY, "{request}");
    }
    let quantity = &schemas["RedemptionRequest"]["properties"]["quantity"];
    assert_eq!(
        (&quantity["minimum"], &quantity["maximum"]),
        (&json!(1), &json!(MAX_QUANTITY))
    );
    for path in ["/api/mall/items", "/api/mall/ledger", "/api/mall/orders"] {
        let parameters = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let per_page = parameters.iter().find(|p| p["name"] == "per_page").unwrap();
        assert_eq!(per_page["schema"]["maximum"], MAX_PER_PAGE, "{path}");
        assert_eq!(per_page["schema"]["minimum"], 1, "{path}");
    }
}

/// Every operation lists the statuses its kind can answer, and each error response is an
/// `ApiError` whose `code` is one of the codes of that status.
#[test]
fn every_error_status_is_listed_with_the_codes_it_carries() {
    use care_contract::ErrorCode;
    let doc = document();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let responses = op["responses"].as_object().unwrap();
            let has = |status: &str| responses.contains_key(status);
            let needs_session = op["security"] == json!([{ "session": [] }]);
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415"] {
                    assert!(has(status), "{method} {path} lacks {status}");
                }
            }
            if op.get("parameters").is_some() {
                assert!(has("400"), "{method} {path} lacks 400");
            }
            assert_eq!(
                has("401"),
                needs_session || path == "/api/auth/sign-in",
                "{method} {path}"
            );
            assert_eq!(has("500"), path != "/api/meta", "{method} {path}");
            for (status, response) in responses {
                let status: u16 = status.parse().unwrap();
                if status < 400 {
                    continue;
                }
                let schema = &response["content"]["application/json"]["schema"]["allOf"];
                assert_eq!(schema[0]["$ref"], "#/components/schemas/ApiError");
                let codes = schema[1]["properties"]["code"]["enum"].as_array().unwrap();
                assert!(!codes.is_empty(), "{method} {path} {status}");
                for code in codes {
                    let code: ErrorCode = serde_json::from_value(code.clone()).unwrap();
                    assert_eq!(code.http_status(), status, "{method} {path}");
                }
            }
        }
    }
    // 61 before care's 8 and Me's 14; the undos' 3 (a withdrawal, a thread's and a reply's
    // deletion).
    assert_eq!(operations, 86);
}
