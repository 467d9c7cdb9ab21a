//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes and
//! the contract's types, then made exact by [`exact`]: every limit the server checks, from
//! the contract's constants; every error status each operation can answer; the links the
//! stateful API tester follows. docs/openapi.json is this document; a test fails when it is
//! stale (regenerate: `cargo run -p care-server -- --print-openapi > docs/openapi.json`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use care_contract::limits::CODE_LENGTH;
use care_contract::mall::{
    ADDRESS_DETAIL_MAX_CHARS, ADDRESS_DETAIL_MIN_CHARS, ADDRESS_NAME_MAX_CHARS,
    ADDRESS_REGION_MAX_CHARS, DEFAULT_PER_PAGE, IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN,
    MAX_PER_PAGE, MAX_QUANTITY, SEARCH_MAX_CHARS, TRACKING_NUMBER_MAX_CHARS,
};
use care_contract::pattern;
use care_contract::phone::MOBILE_DIGITS;
use care_contract::ErrorCode;
use serde_json::{json, Map, Value};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::auth::sessions::COOKIE_NAME;
use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Care app API",
        description = "The JSON API between the care app and the operator's backend.\n\n\
                       Every non-2xx response has an `ApiError` body (`application/json`) whose \
                       `code` fixes its HTTP status (see `ErrorCode`). A request this document \
                       does not allow (a missing field, a value outside its range, length, \
                       pattern or enum, a path or query parameter that does not parse) is a \
                       400, 413 (body too large) or 415 (body not `application/json`); a \
                       request it allows is never a 400. A method a path does not list is 405 \
                       `method_not_allowed` with an `Allow` header. Every API answer carries \
                       `Cache-Control: no-store`.\n\n\
                       Sessions travel in the HttpOnly `care_session` cookie set by sign-in. \
                       Lengths count characters (Unicode code points), not bytes; text limited \
                       \"once trimmed\" may have any whitespace around it."
    ),
    paths(
        routes::meta::meta,
        routes::auth::request_code,
        routes::auth::sign_in,
        routes::auth::sign_out,
        routes::session::session,
        routes::me::me,
        crate::mall::routes::points::summary,
        crate::mall::routes::points::ledger,
        crate::mall::routes::points::check_in,
        crate::mall::routes::catalogue::items,
        crate::mall::routes::catalogue::item,
        crate::mall::routes::orders::redeem,
        crate::mall::routes::orders::orders,
        crate::mall::routes::orders::order,
        crate::mall::routes::orders::cancel,
        crate::mall::routes::orders::advance,
        crate::mall::routes::address::get_address,
        crate::mall::routes::address::put_address,
        crate::mall::routes::charity::charity,
        crate::mall::routes::charity::donate,
    ),
    components(schemas(
        care_contract::ApiError,
        care_contract::ErrorCode,
        care_contract::meta::ServerInfo,
        care_contract::auth::CodeRequest,
        care_contract::auth::CodeSent,
        care_contract::auth::SignInRequest,
        care_contract::auth::SignedIn,
        care_contract::auth::SessionInfo,
        care_contract::profile::Profile,
        care_contract::profile::FamilyContact,
        care_contract::error::ErrorDetails,
        care_contract::mall::MallSummary,
        care_contract::mall::PointsExpiry,
        care_contract::mall::TierInfo,
        care_contract::mall::Benefit,
        care_contract::mall::CheckInStatus,
        care_contract::mall::CheckInResult,
        care_contract::mall::LedgerKind,
        care_contract::mall::LedgerEntry,
        care_contract::mall::LedgerPage,
        care_contract::mall::ItemCategory,
        care_contract::mall::DeliveryKind,
        care_contract::mall::BlockedReason,
        care_contract::mall::MallItem,
        care_contract::mall::ItemSort,
        care_contract::mall::ItemPage,
        care_contract::mall::DeliveryAddress,
        care_contract::mall::AddressField,
        care_contract::mall::SavedAddress,
        care_contract::mall::RedemptionRequest,
        care_contract::mall::RedemptionReceipt,
        care_contract::mall::OrderStatus,
        care_contract::mall::Order,
        care_contract::mall::OrderPage,
        care_contract::mall::CancelResult,
        care_contract::mall::AdvanceOrderRequest,
        care_contract::mall::CharityProject,
        care_contract::mall::DonationRequest,
        care_contract::mall::DonationReceipt,
    )),
    modifiers(&SessionCookie),
    tags(
        (name = "meta", description = "About this backend"),
        (name = "auth", description = "Sign-in with a one-time code"),
        (name = "profile", description = "The signed-in subscriber"),
        (name = "mall", description = "The points mall: balance, ledger, check-in, catalogue, exactly-once redemption, orders, donations"),
    )
)]
pub struct ApiDoc;

struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(COOKIE_NAME))),
        );
    }
}

/// The document as pretty JSON with a trailing newline (exactly docs/openapi.json).
pub fn openapi_json() -> String {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the document serializes");
        exact(&mut doc);
        let mut json = serde_json::to_string_pretty(&doc).expect("the document serializes");
        json.push('\n');
        json
    })
    .clone()
}

/// `GET /api/openapi.json`.
pub async fn serve_openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi_json())
}

/// What utoipa cannot say from the types and attributes alone (its attributes take
/// literals, and the numbers live in the contract): see [`limits`], [`error_responses`],
/// [`links`] and [`examples`].
pub fn exact(doc: &mut Value) {
    limits(doc);
    error_responses(doc);
    links(doc);
    examples(doc);
}

/// Every length, pattern and range the server checks in a request, from the contract's
/// constants and its checks' patterns (`care_contract::pattern`, tested against them).
fn limits(doc: &mut Value) {
    let phone = || {
        json!({
            "pattern": pattern::phone_input(),
            "x-limit": format!(
                "A mainland mobile number: {MOBILE_DIGITS} digits starting 13-19, optionally \
                 after +86 or 0086, with whitespace and dashes anywhere."
            ),
        })
    };
    let trimmed = |min: usize, max: usize, controls: bool| {
        let words = match (min, controls) {
            (0, true) => format!("At most {max} characters once trimmed."),
            (0, false) => {
                format!("At most {max} characters once trimmed, none a control character.")
            }
            _ => format!("{min}-{max} characters once trimmed, none a control character."),
        };
        let mut limit =
            json!({ "pattern": pattern::trimmed_text(min, max, controls), "x-limit": words });
        if min > 0 {
            // Implied by the pattern; said outright for readers and generators.
            limit["minLength"] = json!(min);
        }
        limit
    };
    let key = || {
        json!({
            "pattern": pattern::IDEMPOTENCY_KEY,
            "minLength": IDEMPOTENCY_KEY_MIN,
            "maxLength": IDEMPOTENCY_KEY_MAX,
        })
    };
    let schemas = &mut doc["components"]["schemas"];
    property(schemas, "CodeRequest", "phone", phone());
    property(schemas, "SignInRequest", "phone", phone());
    property(
        schemas,
        "SignInRequest",
        "code",
        json!({ "pattern": pattern::sign_in_code(), "minLength": CODE_LENGTH, "maxLength": CODE_LENGTH }),
    );
    property(schemas, "RedemptionRequest", "idempotency_key", key());
    property(schemas, "DonationRequest", "idempotency_key", key());
    property(
        schemas,
        "RedemptionRequest",
        "quantity",
        json!({ "minimum": 1, "maximum": MAX_QUANTITY }),
    );
    // An i64 is what the server reads: a whole number past it does not parse.
    let id = || json!({ "minimum": i64::MIN, "maximum": i64::MAX });
    property(schemas, "RedemptionRequest", "item_id", id());
    property(schemas, "DonationRequest", "project_id", id());
    property(
        schemas,
        "DonationRequest",
        "points",
        json!({ "minimum": 1, "maximum": i64::MAX }),
    );
    property(
        schemas,
        "DeliveryAddress",
        "name",
        trimmed(1, ADDRESS_NAME_MAX_CHARS, false),
    );
    property(schemas, "DeliveryAddress", "phone", phone());
    property(
        schemas,
        "DeliveryAddress",
        "region",
        trimmed(1, ADDRESS_REGION_MAX_CHARS, false),
    );
    property(
        schemas,
        "DeliveryAddress",
        "detail",
        trimmed(ADDRESS_DETAIL_MIN_CHARS, ADDRESS_DETAIL_MAX_CHARS, false),
    );
    property(
        schemas,
        "AdvanceOrderRequest",
        "tracking_number",
        trimmed(0, TRACKING_NUMBER_MAX_CHARS, false),
    );
    let page = json!({ "minimum": 1, "maximum": u32::MAX, "default": 1 });
    let per_page = json!({
        "minimum": 1,
        "maximum": MAX_PER_PAGE,
        "default": DEFAULT_PER_PAGE,
        "x-limit": format!("At most {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})."),
    });
    for path in ["/api/mall/items", "/api/mall/ledger", "/api/mall/orders"] {
        parameter(doc, path, "page", page.clone());
        parameter(doc, path, "per_page", per_page.clone());
    }
    parameter(
        doc,
        "/api/mall/items",
        "q",
        trimmed(0, SEARCH_MAX_CHARS, true),
    );
    // Every path parameter is an id the server reads as an i64.
    for item in doc["paths"].as_object_mut().expect("paths").values_mut() {
        for op in item
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            let parameters = op.get_mut("parameters").and_then(Value::as_array_mut);
            for p in parameters.into_iter().flatten() {
                if p["in"] == "path" {
                    assert_eq!(p["schema"]["format"], "int64", "{p}: not an id");
                    merge(&mut p["schema"], id());
                }
            }
        }
    }
}

/// Merges `limit` into a property of a component schema. `x-limit` is not a keyword: its
/// words are added to the description. A property that is not there is a bug here.
fn property(schemas: &mut Value, schema: &str, name: &str, limit: Value) {
    let target = schemas
        .get_mut(schema)
        .and_then(|s| s.get_mut("properties"))
        .and_then(|p| p.get_mut(name))
        .unwrap_or_else(|| panic!("no property {schema}.{name} in the document"));
    merge(target, limit);
}

/// Merges `limit` into the schema of a GET operation's query parameter.
fn parameter(doc: &mut Value, path: &str, name: &str, limit: Value) {
    let parameters = doc["paths"][path]["get"]["parameters"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("GET {path} has no parameters"));
    let parameter = parameters
        .iter_mut()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("GET {path} has no parameter {name}"));
    let mut limit = limit;
    if let Some(words) = limit.as_object_mut().and_then(|l| l.remove("x-limit")) {
        describe(parameter, words.as_str().unwrap_or_default());
    }
    let schema = &mut parameter["schema"];
    // A u32 with explicit bounds: `int32` would say less than the bounds do.
    if let Some(schema) = schema.as_object_mut() {
        if limit.get("maximum").is_some() {
            schema.remove("format");
        }
    }
    merge(schema, limit);
}

fn merge(target: &mut Value, limit: Value) {
    let Value::Object(limit) = limit else {
        panic!("a limit is an object");
    };
    for (key, value) in limit {
        if key == "x-limit" {
            describe(target, value.as_str().unwrap_or_default());
        } else {
            target[key] = value;
        }
    }
}

/// Appends a sentence to a schema's or parameter's description.
fn describe(target: &mut Value, words: &str) {
    let description = match target.get("description").and_then(Value::as_str) {
        Some(d) if !d.is_empty() => format!("{d} {words}"),
        _ => words.to_owned(),
    };
    target["description"] = json!(description);
}

/// Each error code with its HTTP status, from the contract's one mapping. `unknown` is the
/// app's name for a code it does not know yet; no backend sends it.
fn codes_by_status(doc: &Value) -> BTreeMap<u16, Vec<String>> {
    let mut by_status: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    let codes = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode is an enum");
    for value in codes {
        let code: ErrorCode = serde_json::from_value(value.clone()).expect("an error code");
        if code == ErrorCode::Unknown {
            continue;
        }
        let name = value.as_str().expect("codes are strings").to_owned();
        by_status.entry(code.http_status()).or_default().push(name);
    }
    by_status
}

/// The statuses every operation of a kind can answer, besides those its handler lists: 400
/// when it reads a path, query or body; 401 when it needs a session; 413 and 415 when it
/// reads a body; 500 when it touches the database (all but `/api/meta`). Then each error
/// response's `code` is narrowed to the codes of its status.
fn error_responses(doc: &mut Value) {
    let by_status = codes_by_status(doc);
    let listed = |status: u16| -> String {
        by_status[&status]
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The ErrorCode schema says which status goes with which code.
    {
        let table = by_status
            .iter()
            .map(|(status, codes)| {
                let codes: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
                format!("{status}: {}", codes.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let error_code = &mut doc["components"]["schemas"]["ErrorCode"];
        let values = error_code["enum"]
            .as_array_mut()
            .expect("ErrorCode is an enum");
        values.retain(|v| v != "unknown");
        describe(
            error_code,
            &format!("Each code always comes with the same HTTP status: {table}."),
        );
    }
    let generic: [(u16, String); 5] = [
        (
            400,
            format!(
                "{}: the path, query or body does not match this document",
                listed(400)
            ),
        ),
        (401, "`unauthenticated`: no live session".to_owned()),
        (
            413,
            "`payload_too_large`: the body is larger than the backend accepts".to_owned(),
        ),
        (
            415,
            "`unsupported_media_type`: the body is not `application/json`".to_owned(),
        ),
        (
            500,
            "`internal`: the server failed; retrying may help".to_owned(),
        ),
    ];
    let paths = doc["paths"].as_object_mut().expect("paths");
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            let has_body = op.get("requestBody").is_some();
            let has_input = has_body || op["parameters"].as_array().is_some_and(|p| !p.is_empty());
            let needs_session = op["security"] == json!([{ "session": [] }]);
            let responses = op["responses"]
                .as_object_mut()
                .unwrap_or_else(|| panic!("{method} {path} has no responses"));
            for (status, description) in &generic {
                let applies = match status {
                    400 => has_input,
                    401 => needs_session,
                    413 | 415 => has_body,
                    _ => path != "/api/meta",
                };
                if applies && !responses.contains_key(&status.to_string()) {
                    responses.insert(
                        status.to_string(),
                        json!({
                            "description": description,
                            "content": { "application/json": { "schema": {} } },
                        }),
                    );
                }
            }
            for (status, response) in responses.iter_mut() {
                let status: u16 = status.parse().expect("numeric status");
                if status < 400 {
                    continue;
                }
                let codes = by_status.get(&status).unwrap_or_else(|| {
                    panic!("{method} {path}: no error code has status {status}")
                });
                response["content"] = json!({
                    "application/json": {
                        "schema": {
                            "allOf": [
                                { "$ref": "#/components/schemas/ApiError" },
                                {
                                    "type": "object",
                                    "properties": { "code": { "enum": codes } },
                                },
                            ],
                        },
                    },
                });
            }
        }
    }
}

/// An example of each request body, as the app sends it (the ids are the demo catalogue's:
/// item 8 is a phone case, shipped; charity project 1). The phone is no demo subscriber's:
/// an API tester that guesses codes with it burns no demo subscriber's sign-in.
fn examples(doc: &mut Value) {
    let address = json!({
        "name": "张小明",
        "phone": "139 1234 5678",
        "region": "广东省 广州市 天河区",
        "detail": "天河路 385 号 1201 室",
    });
    let schemas = &mut doc["components"]["schemas"];
    for (schema, example) in [
        ("CodeRequest", json!({ "phone": "139 1234 5678" })),
        (
            "SignInRequest",
            json!({ "phone": "13912345678", "code": "246810" }),
        ),
        ("DeliveryAddress", address.clone()),
        (
            "RedemptionRequest",
            json!({
                "item_id": 8,
                "quantity": 1,
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0001",
                "address": address,
            }),
        ),
        (
            "DonationRequest",
            json!({
                "project_id": 1,
                "points": 100,
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0002",
            }),
        ),
        (
            "AdvanceOrderRequest",
            json!({ "tracking_number": "SF1234567890" }),
        ),
    ] {
        let target = schemas
            .get_mut(schema)
            .unwrap_or_else(|| panic!("no schema {schema}"));
        target["example"] = example;
    }
}

/// OpenAPI links between operations, so a stateful tester (and a reader) can follow an id
/// from the answer that makes or lists it to the operations that take it.
fn links(doc: &mut Value) {
    let order_ops = |id: &str| {
        json!({
            "GetOrder": { "operationId": "order", "parameters": { "id": id } },
            "CancelOrder": { "operationId": "cancel", "parameters": { "id": id } },
            "AdvanceOrder": { "operationId": "advance", "parameters": { "id": id } },
        })
    };
    let redeem = |item_id: &str| {
        json!({
            "GetItem": { "operationId": "item", "parameters": { "id": item_id } },
            "Redeem": { "operationId": "redeem", "requestBody": { "item_id": item_id } },
        })
    };
    let mut add = |path: &str, method: &str, status: &str, links: Value| {
        let response = doc["paths"][path][method]["responses"]
            .get_mut(status)
            .unwrap_or_else(|| panic!("{method} {path} has no {status}"));
        let mut all = response
            .get("links")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        all.extend(links.as_object().cloned().unwrap_or_else(Map::new));
        response["links"] = Value::Object(all);
    };
    add(
        "/api/auth/code",
        "post",
        "200",
        json!({
            "SignIn": {
                "operationId": "sign_in",
                "description": "A demo backend sends the code itself in `demo_code`.",
                "requestBody": {
                    "phone": "$request.body#/phone",
                    "code": "$response.body#/demo_code",
                },
            },
        }),
    );
    for status in ["200", "201"] {
        add(
            "/api/mall/redemptions",
            "post",
            status,
            order_ops("$response.body#/order/id"),
        );
    }
    add(
        "/api/mall/orders",
        "get",
        "200",
        order_ops("$response.body#/orders/0/id"),
    );
    let mut one_order = order_ops("$response.body#/id");
    one_order.as_object_mut().expect("links").remove("GetOrder");
    add("/api/mall/orders/{id}", "get", "200", one_order);
    add(
        "/api/mall/orders/{id}/cancel",
        "post",
        "200",
        json!({ "GetOrder": { "operationId": "order", "parameters": { "id": "$response.body#/order/id" } } }),
    );
    add(
        "/api/mall/items",
        "get",
        "200",
        redeem("$response.body#/items/0/id"),
    );
    let mut one_item = redeem("$response.body#/id");
    one_item.as_object_mut().expect("links").remove("GetItem");
    add("/api/mall/items/{id}", "get", "200", one_item);
    add(
        "/api/mall/charity",
        "get",
        "200",
        json!({ "Donate": { "operationId": "donate", "requestBody": { "project_id": "$response.body#/0/id" } } }),
    );
}
