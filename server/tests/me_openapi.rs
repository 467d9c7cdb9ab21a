//! "Me" in the OpenAPI document: every operation, and the limits the server checks.

use care_contract::me::*;
use care_contract::pattern;
use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&care_server::openapi_json()).unwrap()
}

#[test]
fn every_me_operation_is_listed_with_a_session() {
    let doc = document();
    for (path, methods) in [
        ("/api/me/tier", &["get"][..]),
        ("/api/me/family-contacts", &["get", "post"]),
        ("/api/me/family-contacts/{id}", &["put", "delete"]),
        ("/api/me/callbacks", &["get", "post"]),
        ("/api/me/callbacks/{id}/cancel", &["post"]),
        ("/api/staff/callbacks", &["get"]),
        ("/api/staff/callbacks/{id}/done", &["post"]),
        ("/api/me/privacy", &["get"]),
        ("/api/me/export", &["get"]),
        ("/api/me/deletion-request", &["post", "delete"]),
    ] {
        for method in methods {
            let op = &doc["paths"][path][method];
            assert!(op.is_object(), "{method} {path}");
            assert!(op["responses"]["401"].is_object(), "{method} {path}");
        }
    }
    let export = &doc["paths"]["/api/me/export"]["get"]["responses"]["200"];
    assert!(export["headers"]["Content-Disposition"].is_object());
    assert_eq!(
        export["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/DataExport"
    );
}

#[test]
fn the_document_carries_the_me_limits() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    for schema in ["NewFamilyContact", "FamilyContactEdit"] {
        let p = &schemas[schema]["properties"];
        assert_eq!(
            p["name"]["pattern"],
            pattern::trimmed_text(1, CONTACT_NAME_MAX_CHARS, false)
        );
        assert_eq!(p["phone"]["pattern"], pattern::contact_phone_input());
    }
    let callback = &schemas["NewCallbackRequest"]["properties"];
    assert_eq!(callback["phone"]["pattern"], pattern::contact_phone_input());
    assert_eq!(
        callback["note"]["pattern"],
        pattern::trimmed_lines(0, CALLBACK_NOTE_MAX_CHARS)
    );
    assert_eq!(
        callback["idempotency_key"]["pattern"],
        pattern::IDEMPOTENCY_KEY
    );
    let confirm = &schemas["DeletionRequestBody"]["properties"]["confirm_last_four"];
    assert_eq!(confirm["maxLength"], CONFIRM_DIGITS);
    assert_eq!(
        schemas["TierBenefit"]["enum"].as_array().unwrap().len(),
        TierBenefit::ALL.len()
    );
    assert_eq!(
        schemas["DataCategory"]["enum"].as_array().unwrap().len(),
        DataCategory::ALL.len()
    );
}
