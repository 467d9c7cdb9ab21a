//! Feedback in the OpenAPI document: every operation, and the limits the server checks.

use care_contract::feedback::*;
use care_contract::pattern;
use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&care_server::openapi_json()).unwrap()
}

#[test]
fn every_feedback_operation_is_listed() {
    let doc = document();
    for (path, methods) in [
        ("/api/feedback/tickets", &["get", "post"][..]),
        ("/api/feedback/tickets/{id}", &["get"]),
        ("/api/feedback/tickets/{id}/messages", &["post"]),
        ("/api/feedback/tickets/{id}/withdraw", &["post"]),
        ("/api/feedback/tickets/{id}/undo-withdraw", &["post"]),
        ("/api/feedback/tickets/{id}/rating", &["post"]),
        ("/api/feedback/photos", &["post"]),
        ("/api/feedback/photos/{id}", &["get"]),
        ("/api/staff/feedback/tickets", &["get"]),
        ("/api/staff/feedback/tickets/{id}/accept", &["post"]),
        ("/api/staff/feedback/tickets/{id}/reply", &["post"]),
        ("/api/staff/feedback/tickets/{id}/ask", &["post"]),
        ("/api/staff/feedback/tickets/{id}/resolve", &["post"]),
        ("/api/rate/{token}", &["get", "post"]),
    ] {
        for method in methods {
            assert!(doc["paths"][path][method].is_object(), "{method} {path}");
        }
    }
    assert!(doc["paths"].get("/api/_test/feedback/config").is_none());
    // The quick rating needs no session.
    assert!(doc["paths"]["/api/rate/{token}"]["get"]["security"].is_null());
}

#[test]
fn the_document_carries_the_feedback_limits() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let new = &schemas["NewTicketRequest"]["properties"];
    assert_eq!(
        new["description"]["pattern"],
        pattern::trimmed_lines(DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS)
    );
    assert_eq!(new["photo_ids"]["maxItems"], MAX_PHOTOS);
    assert_eq!(new["number_concerned"]["pattern"], pattern::phone_input());
    assert_eq!(new["idempotency_key"]["pattern"], pattern::IDEMPOTENCY_KEY);
    let rating = &schemas["RatingRequest"]["properties"];
    assert_eq!(rating["satisfaction"]["minimum"], SATISFACTION_MIN);
    assert_eq!(rating["satisfaction"]["maximum"], SATISFACTION_MAX);
    assert_eq!(rating["recommend"]["maximum"], RECOMMEND_MAX);
    let token = &doc["paths"]["/api/rate/{token}"]["get"]["parameters"][0]["schema"];
    assert_eq!(token["minLength"], RATE_TOKEN_CHARS);
    assert_eq!(token["maxLength"], RATE_TOKEN_CHARS);
    let upload = &doc["paths"]["/api/feedback/photos"]["post"];
    for media in PHOTO_TYPES {
        assert_eq!(
            upload["requestBody"]["content"][media]["schema"]["format"],
            "binary"
        );
    }
    for status in ["413", "415", "422"] {
        assert!(upload["responses"][status].is_object(), "{status}");
    }
    let served = &doc["paths"]["/api/feedback/photos/{id}"]["get"]["responses"]["200"];
    assert_eq!(
        served["content"]["image/jpeg"]["schema"]["format"],
        "binary"
    );
    let statuses = &doc["components"]["schemas"]["TicketStatus"]["enum"];
    assert_eq!(statuses.as_array().unwrap().len(), TicketStatus::ALL.len());
}
