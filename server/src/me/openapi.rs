//! "Me" in the OpenAPI document: its request limits, from `care_contract::me` and the
//! patterns of its checks (`care_contract::pattern`, held to them by tests there), and the
//! links from an answer that makes or lists an id to the operations that take it.

use care_contract::mall::{IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN};
use care_contract::me::{CALLBACK_NOTE_MAX_CHARS, CONFIRM_DIGITS, CONTACT_NAME_MAX_CHARS};
use care_contract::pattern;
use serde_json::{json, Value};

use crate::openapi::property;

pub fn limits(schemas: &mut Value) {
    let key = || {
        json!({
            "pattern": pattern::IDEMPOTENCY_KEY,
            "minLength": IDEMPOTENCY_KEY_MIN,
            "maxLength": IDEMPOTENCY_KEY_MAX,
        })
    };
    let phone = || {
        json!({
            "pattern": pattern::contact_phone_input(),
            "x-limit": "A mainland mobile number (11 digits starting 13-19, optionally after +86 \
                        or 0086) or a fixed line with its area code (010 or 02x and 8 digits; \
                        03xx-09xx and 7 or 8 digits), with whitespace and dashes anywhere.",
        })
    };
    let name = || {
        json!({
            "pattern": pattern::trimmed_text(1, CONTACT_NAME_MAX_CHARS, false),
            "minLength": 1,
            "x-limit": format!(
                "1-{CONTACT_NAME_MAX_CHARS} characters once trimmed, none a control character."
            ),
        })
    };
    for schema in ["NewFamilyContact", "FamilyContactEdit"] {
        property(schemas, schema, "name", name());
        property(schemas, schema, "phone", phone());
    }
    property(schemas, "NewFamilyContact", "idempotency_key", key());
    property(schemas, "NewCallbackRequest", "idempotency_key", key());
    property(schemas, "NewCallbackRequest", "phone", phone());
    property(
        schemas,
        "NewCallbackRequest",
        "note",
        json!({
            "pattern": pattern::trimmed_lines(0, CALLBACK_NOTE_MAX_CHARS),
            "x-limit": format!(
                "At most {CALLBACK_NOTE_MAX_CHARS} characters once trimmed; line breaks and tabs \
                 allowed, no other control character."
            ),
        }),
    );
    property(
        schemas,
        "NewCallbackRequest",
        "day",
        json!({ "x-limit": "Today or one of the next six days, China time (otherwise 409 `callback_day_out_of_range`)." }),
    );
    property(
        schemas,
        "DeletionRequestBody",
        "confirm_last_four",
        json!({
            "pattern": format!("^[0-9]{{{CONFIRM_DIGITS}}}$"),
            "minLength": CONFIRM_DIGITS,
            "maxLength": CONFIRM_DIGITS,
        }),
    );
}

/// Adds `links` to one response of one operation.
fn link(doc: &mut Value, path: &str, method: &str, status: &str, links: Value) {
    let response = doc["paths"][path][method]["responses"]
        .get_mut(status)
        .unwrap_or_else(|| panic!("{method} {path} has no {status}"));
    response["links"] = links;
}

pub fn links(doc: &mut Value) {
    let contact = |id: &str| {
        json!({
            "EditFamilyContact": { "operationId": "edit_family_contact", "parameters": { "id": id } },
            "DeleteFamilyContact": { "operationId": "delete_family_contact", "parameters": { "id": id } },
        })
    };
    let callback = |id: &str| {
        json!({
            "CancelCallback": { "operationId": "cancel_callback", "parameters": { "id": id } },
            "CallbackDone": { "operationId": "staff_callback_done", "parameters": { "id": id } },
        })
    };
    for status in ["200", "201"] {
        let made = contact("$response.body#/contact/id");
        link(doc, "/api/me/family-contacts", "post", status, made);
        let asked = callback("$response.body#/callback/id");
        link(doc, "/api/me/callbacks", "post", status, asked);
    }
    let listed = contact("$response.body#/contacts/0/id");
    link(doc, "/api/me/family-contacts", "get", "200", listed);
    let mine = callback("$response.body#/callbacks/0/id");
    link(doc, "/api/me/callbacks", "get", "200", mine);
    let open = callback("$response.body#/callbacks/0/callback/id");
    link(doc, "/api/staff/callbacks", "get", "200", open);
}
