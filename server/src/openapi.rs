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
        crate::community::routes::boards::boards,
        crate::community::routes::boards::search,
        crate::community::routes::threads::list,
        crate::community::routes::threads::create,
        crate::community::routes::threads::view,
        crate::community::routes::threads::edit,
        crate::community::routes::threads::delete,
        crate::community::routes::threads::restore,
        crate::community::routes::threads::best_answer,
        crate::community::routes::replies::replies,
        crate::community::routes::replies::create,
        crate::community::routes::replies::edit,
        crate::community::routes::replies::delete,
        crate::community::routes::replies::restore,
        crate::community::routes::votes::thread_vote,
        crate::community::routes::votes::reply_vote,
        crate::community::routes::votes::poll_vote,
        crate::community::routes::ideas::adopt,
        crate::community::routes::moderation::report,
        crate::community::routes::moderation::queue,
        crate::community::routes::moderation::moderate_thread,
        crate::community::routes::moderation::moderate_reply,
        crate::community::routes::moderation::log,
        crate::feedback::routes::tickets::create,
        crate::feedback::routes::tickets::list,
        crate::feedback::routes::tickets::view,
        crate::feedback::routes::tickets::message,
        crate::feedback::routes::tickets::withdraw,
        crate::feedback::routes::tickets::undo_withdraw,
        crate::feedback::routes::tickets::rate,
        crate::feedback::routes::photos::upload,
        crate::feedback::routes::photos::fetch,
        crate::feedback::routes::staff::queue,
        crate::feedback::routes::staff::accept,
        crate::feedback::routes::staff::reply,
        crate::feedback::routes::staff::ask,
        crate::feedback::routes::staff::resolve,
        crate::feedback::routes::rate::status,
        crate::feedback::routes::rate::rate,
        crate::surveys::routes::list,
        crate::surveys::routes::view,
        crate::surveys::routes::save,
        crate::surveys::routes::submit,
        crate::surveys::routes::results,
        crate::care::routes::home::home,
        crate::care::routes::inbox::list,
        crate::care::routes::inbox::read,
        crate::care::routes::inbox::read_all,
        crate::care::routes::inbox::claim,
        crate::care::routes::preferences::get_preferences,
        crate::care::routes::preferences::put_preferences,
        crate::care::routes::report::report,
        crate::me::routes::tier::tier,
        crate::me::routes::family::list,
        crate::me::routes::family::add,
        crate::me::routes::family::edit,
        crate::me::routes::family::delete,
        crate::me::routes::callbacks::create,
        crate::me::routes::callbacks::list,
        crate::me::routes::callbacks::cancel,
        crate::me::routes::staff::open,
        crate::me::routes::staff::done,
        crate::me::routes::privacy::overview,
        crate::me::routes::privacy::export,
        crate::me::routes::privacy::request,
        crate::me::routes::privacy::withdraw,
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
        care_contract::community::Author,
        care_contract::community::BoardKind,
        care_contract::community::Board,
        care_contract::community::BoardList,
        care_contract::community::PostKind,
        care_contract::community::PostRef,
        care_contract::community::PostState,
        care_contract::community::PostActions,
        care_contract::community::PostDeleted,
        care_contract::community::ThreadSort,
        care_contract::community::ThreadSummary,
        care_contract::community::ThreadPage,
        care_contract::community::ThreadDetail,
        care_contract::community::ThreadView,
        care_contract::community::CreateThreadRequest,
        care_contract::community::ThreadCreated,
        care_contract::community::EditThreadRequest,
        care_contract::community::BestAnswerRequest,
        care_contract::community::Reply,
        care_contract::community::ReplyPage,
        care_contract::community::CreateReplyRequest,
        care_contract::community::ReplyCreated,
        care_contract::community::EditReplyRequest,
        care_contract::community::Vote,
        care_contract::community::VoteChoice,
        care_contract::community::VoteRequest,
        care_contract::community::VoteResult,
        care_contract::community::NewPoll,
        care_contract::community::PollOption,
        care_contract::community::Poll,
        care_contract::community::PollVoteRequest,
        care_contract::community::Adoption,
        care_contract::community::AdoptRequest,
        care_contract::community::AdoptionResult,
        care_contract::community::ReportReason,
        care_contract::community::ReportRequest,
        care_contract::community::ReportReceipt,
        care_contract::community::QueueFilter,
        care_contract::community::ReasonCount,
        care_contract::community::QueueItem,
        care_contract::community::ModerationQueue,
        care_contract::community::ThreadModAction,
        care_contract::community::ReplyModAction,
        care_contract::community::ThreadModeration,
        care_contract::community::ReplyModeration,
        care_contract::community::ModerationAction,
        care_contract::community::ModerationLogEntry,
        care_contract::community::ModerationLogPage,
        care_contract::community::ModeratedPost,
        care_contract::community::PostField,
        care_contract::feedback::TicketKind,
        care_contract::feedback::TicketCategory,
        care_contract::feedback::TicketStatus,
        care_contract::feedback::TicketEventKind,
        care_contract::feedback::ActorRole,
        care_contract::feedback::ContactMethod,
        care_contract::feedback::ContactWindow,
        care_contract::feedback::DeadlineKind,
        care_contract::feedback::NextDeadline,
        care_contract::feedback::NewTicketRequest,
        care_contract::feedback::TicketCreated,
        care_contract::feedback::TicketSummary,
        care_contract::feedback::TicketPage,
        care_contract::feedback::TicketDetail,
        care_contract::feedback::TicketMessage,
        care_contract::feedback::TicketEvent,
        care_contract::feedback::TicketActions,
        care_contract::feedback::NewMessageRequest,
        care_contract::feedback::MessagePosted,
        care_contract::feedback::StaffMessageRequest,
        care_contract::feedback::ResolveRequest,
        care_contract::feedback::StaffTicketResult,
        care_contract::feedback::Photo,
        care_contract::feedback::RatingRequest,
        care_contract::feedback::RatingOutcome,
        care_contract::feedback::RatingSource,
        care_contract::feedback::TicketRating,
        care_contract::feedback::QuickRatingState,
        care_contract::feedback::QuickRatingStatus,
        care_contract::feedback::QuickRatingRequest,
        care_contract::surveys::LocalizedText,
        care_contract::surveys::Survey,
        care_contract::surveys::QuestionBlock,
        care_contract::surveys::Question,
        care_contract::surveys::QuestionKind,
        care_contract::surveys::ChoiceOption,
        care_contract::surveys::Answer,
        care_contract::surveys::AnswerProblem,
        care_contract::surveys::QuestionProblem,
        care_contract::surveys::ResponseState,
        care_contract::surveys::SurveyStatus,
        care_contract::surveys::Progress,
        care_contract::surveys::SurveySummary,
        care_contract::surveys::SurveyList,
        care_contract::surveys::SurveyResponse,
        care_contract::surveys::SurveyView,
        care_contract::surveys::SaveAnswersRequest,
        care_contract::surveys::SubmitSurveyRequest,
        care_contract::surveys::SubmitReceipt,
        care_contract::surveys::NpsResult,
        care_contract::surveys::CsatResult,
        care_contract::surveys::OptionCount,
        care_contract::surveys::ScoreCount,
        care_contract::surveys::QuestionTally,
        care_contract::surveys::QuestionResults,
        care_contract::surveys::SurveyResults,
        care_contract::care::Topic,
        care_contract::care::MessageKind,
        care_contract::care::CareParams,
        care_contract::care::Gift,
        care_contract::care::CareMessage,
        care_contract::care::InboxPage,
        care_contract::care::ReadAllResult,
        care_contract::care::GiftClaimed,
        care_contract::care::TopicPreference,
        care_contract::care::Preferences,
        care_contract::care::PartOfDay,
        care_contract::care::Moment,
        care_contract::care::ExpiringPoints,
        care_contract::care::HomeSummary,
        care_contract::care::MonthPoints,
        care_contract::care::QuarterReport,
        care_contract::me::ValueBand,
        care_contract::me::TierBenefit,
        care_contract::me::TierStatus,
        care_contract::me::NextLevel,
        care_contract::me::TierLevel,
        care_contract::me::NewFamilyContact,
        care_contract::me::FamilyContactEdit,
        care_contract::me::FamilyContactCreated,
        care_contract::me::FamilyContactList,
        care_contract::me::CallbackStatus,
        care_contract::me::NewCallbackRequest,
        care_contract::me::Callback,
        care_contract::me::CallbackCreated,
        care_contract::me::CallbackList,
        care_contract::me::StaffCallback,
        care_contract::me::StaffCallbackList,
        care_contract::me::DataCategory,
        care_contract::me::DataPurpose,
        care_contract::me::KeptData,
        care_contract::me::PrivacyOverview,
        care_contract::me::DeletionRequestBody,
        care_contract::me::DeletionRequest,
        care_contract::me::DeletionRecorded,
        care_contract::me::DataExport,
        care_contract::me::ExportedProfile,
        care_contract::me::ExportedThread,
        care_contract::me::ExportedReply,
        care_contract::me::ExportedVote,
        care_contract::me::ExportedPollVote,
        care_contract::me::ExportedSurveyResponse,
    )),
    modifiers(&SessionCookie),
    tags(
        (name = "meta", description = "About this backend"),
        (name = "auth", description = "Sign-in with a one-time code"),
        (name = "profile", description = "The signed-in subscriber"),
        (name = "mall", description = "The points mall: balance, ledger, check-in, catalogue, exactly-once redemption, orders, donations"),
        (name = "community", description = "The community: boards, threads with nested replies, votes, best answers, polls, idea calls, reports, moderation, search"),
        (name = "feedback", description = "Feedback tickets: enquiries, complaints, suggestions and fault reports with deadlines, messages, photos and ratings; staff's queue; the quick rating link"),
        (name = "care", description = "Care: the home summary, the care inbox (moments and notices, delivered once under the subscriber's topics and weekly caps), exactly-once gift claims, preferences, the quarterly service report"),
        (name = "me", description = "Me (我的): the tier and value score, family contacts, callback requests to a human agent (and staff's list of them), the privacy centre with the data export and the deletion request"),
        (name = "surveys", description = "Surveys: questionnaires with skip logic, partial answers kept and resumed, one submission each; results (NPS, CSAT, counts) for staff"),
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
    crate::me::openapi::links(doc);
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
    community_limits(schemas);
    feedback_limits(schemas);
    survey_limits(schemas);
    crate::me::openapi::limits(schemas);
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
    community_parameters(doc, &page);
    feedback_parameters(doc, &page);
    care_parameters(doc, &page);
    feedback_binary(doc);
    // Every path parameter is an id the server reads as an i64.
    for item in doc["paths"].as_object_mut().expect("paths").values_mut() {
        for op in item
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            let parameters = op.get_mut("parameters").and_then(Value::as_array_mut);
            for p in parameters.into_iter().flatten() {
                if p["in"] == "path" && p["name"] == "token" {
                    merge(&mut p["schema"], feedback_token());
                } else if p["in"] == "path" {
                    assert_eq!(p["schema"]["format"], "int64", "{p}: not an id");
                    merge(&mut p["schema"], id());
                }
            }
        }
    }
}

/// Text the community checks: one line (`trimmed_text`, no control characters) or with
/// lines (`trimmed_lines`: tabs and line breaks allowed).
fn post_text(min: usize, max: usize, lines: bool) -> Value {
    let (pattern, words) = if lines {
        (
            pattern::trimmed_lines(min, max),
            format!(
                "{min}-{max} characters once trimmed; line breaks and tabs allowed, no other \
                 control character."
            ),
        )
    } else {
        (
            pattern::trimmed_text(min, max, false),
            format!("{min}-{max} characters once trimmed, none a control character."),
        )
    };
    let mut limit = json!({ "pattern": pattern, "x-limit": words });
    if min > 0 {
        limit["minLength"] = json!(min);
    }
    limit
}

/// The community's request limits, from `care_contract::community`.
fn community_limits(schemas: &mut Value) {
    use care_contract::community::*;
    let key = json!({
        "pattern": pattern::IDEMPOTENCY_KEY,
        "minLength": IDEMPOTENCY_KEY_MIN,
        "maxLength": IDEMPOTENCY_KEY_MAX,
    });
    let id = json!({ "minimum": i64::MIN, "maximum": i64::MAX });
    let title = post_text(TITLE_MIN_CHARS, TITLE_MAX_CHARS, false);
    let body = post_text(THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS, true);
    let reply = post_text(REPLY_MIN_CHARS, REPLY_MAX_CHARS, true);
    for request in ["CreateThreadRequest", "EditThreadRequest"] {
        property(schemas, request, "title", title.clone());
        property(schemas, request, "body", body.clone());
    }
    property(
        schemas,
        "CreateThreadRequest",
        "idempotency_key",
        key.clone(),
    );
    property(schemas, "CreateThreadRequest", "board_id", id.clone());
    property(schemas, "CreateReplyRequest", "idempotency_key", key);
    property(schemas, "CreateReplyRequest", "body", reply.clone());
    property(schemas, "CreateReplyRequest", "parent_id", id.clone());
    property(schemas, "EditReplyRequest", "body", reply);
    property(schemas, "BestAnswerRequest", "reply_id", id.clone());
    property(schemas, "PollVoteRequest", "option_id", id.clone());
    property(schemas, "PostRef", "id", id);
    property(
        schemas,
        "NewPoll",
        "options",
        json!({
            "minItems": POLL_MIN_OPTIONS,
            "maxItems": POLL_MAX_OPTIONS,
            "x-limit": format!(
                "{POLL_MIN_OPTIONS}-{POLL_MAX_OPTIONS} options, no two the same ignoring case \
                 (409 `duplicate_poll_option`)."
            ),
        }),
    );
    let option = &mut schemas["NewPoll"]["properties"]["options"]["items"];
    merge(option, post_text(1, POLL_OPTION_MAX_CHARS, false));
    property(
        schemas,
        "NewPoll",
        "closes_on",
        json!({ "x-limit": format!(
            "From today up to {POLL_MAX_OPEN_DAYS} days ahead, China time (409 \
             `closing_date_out_of_range` otherwise)."
        ) }),
    );
    property(
        schemas,
        "ReportRequest",
        "detail",
        post_text(0, REPORT_DETAIL_MAX_CHARS, true),
    );
    for request in ["ThreadModeration", "ReplyModeration", "AdoptRequest"] {
        property(
            schemas,
            request,
            "note",
            post_text(0, MODERATION_NOTE_MAX_CHARS, true),
        );
    }
}

/// A quick-rating link's token: the only path parameter that is not an id.
fn feedback_token() -> Value {
    use care_contract::feedback::RATE_TOKEN_CHARS;
    json!({
        "pattern": pattern::IDEMPOTENCY_KEY,
        "minLength": RATE_TOKEN_CHARS,
        "maxLength": RATE_TOKEN_CHARS,
    })
}

/// Feedback's request limits, from `care_contract::feedback`.
fn feedback_limits(schemas: &mut Value) {
    use care_contract::feedback::*;
    let key = json!({
        "pattern": pattern::IDEMPOTENCY_KEY,
        "minLength": IDEMPOTENCY_KEY_MIN,
        "maxLength": IDEMPOTENCY_KEY_MAX,
    });
    let photos = json!({
        "maxItems": MAX_PHOTOS,
        "uniqueItems": true,
        "items": { "type": "integer", "format": "int64", "minimum": i64::MIN, "maximum": i64::MAX },
        "x-limit": format!(
            "At most {MAX_PHOTOS} photos this subscriber uploaded and has not attached yet \
             (409 `photo_unavailable` otherwise)."
        ),
    });
    let phone = json!({
        "pattern": pattern::phone_input(),
        "x-limit": format!(
            "A mainland mobile number: {MOBILE_DIGITS} digits starting 13-19, optionally \
             after +86 or 0086, with whitespace and dashes anywhere."
        ),
    });
    property(schemas, "NewTicketRequest", "idempotency_key", key.clone());
    property(
        schemas,
        "NewTicketRequest",
        "description",
        post_text(DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS, true),
    );
    property(schemas, "NewTicketRequest", "photo_ids", photos.clone());
    property(schemas, "NewTicketRequest", "number_concerned", phone);
    property(
        schemas,
        "NewTicketRequest",
        "category",
        json!({ "x-limit": "One of the kind's categories: enquiry: billing, plan_and_data, \
            network_signal, broadband, points_and_mall, app_usage, other; complaint: any; \
            suggestion: plan_and_data, network_signal, broadband, service_attitude, \
            points_and_mall, app_usage, other; fault_report: network_signal, broadband, \
            large_outage, app_usage, other (400 `invalid_ticket` otherwise)." }),
    );
    // Each kind's categories, as JSON Schema conditions (OpenAPI 3.1).
    let by_kind: Vec<Value> = TicketKind::ALL
        .iter()
        .map(|kind| {
            json!({
                "if": { "properties": { "kind": { "const": kind.as_str() } } },
                "then": { "properties": { "category": {
                    "enum": kind.categories().iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                } } },
            })
        })
        .collect();
    schemas["NewTicketRequest"]["allOf"] = json!(by_kind);
    // A message is text, photos or both.
    // Text (a string: `null` is no text) or at least one photo.
    schemas["NewMessageRequest"]["anyOf"] = json!([
        { "required": ["text"], "properties": { "text": { "type": "string" } } },
        { "required": ["photo_ids"], "properties": { "photo_ids": { "minItems": 1 } } },
    ]);
    property(schemas, "NewMessageRequest", "idempotency_key", key);
    property(
        schemas,
        "NewMessageRequest",
        "text",
        post_text(MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS, true),
    );
    property(schemas, "NewMessageRequest", "photo_ids", photos);
    property(
        schemas,
        "StaffMessageRequest",
        "text",
        post_text(MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS, true),
    );
    property(
        schemas,
        "ResolveRequest",
        "note",
        post_text(RESOLVE_NOTE_MIN_CHARS, RESOLVE_NOTE_MAX_CHARS, true),
    );
    property(
        schemas,
        "RatingRequest",
        "satisfaction",
        json!({ "minimum": SATISFACTION_MIN, "maximum": SATISFACTION_MAX }),
    );
    property(
        schemas,
        "RatingRequest",
        "recommend",
        json!({ "minimum": 0, "maximum": RECOMMEND_MAX }),
    );
    for request in ["RatingRequest", "QuickRatingRequest"] {
        property(
            schemas,
            request,
            "comment",
            post_text(0, COMMENT_MAX_CHARS, true),
        );
    }
}

/// A photo travels as its bytes (utoipa would say an array of numbers): the upload's body
/// in each accepted type, and the JPEG served.
fn feedback_binary(doc: &mut Value) {
    let binary = json!({ "type": "string", "format": "binary" });
    let upload = &mut doc["paths"]["/api/feedback/photos"]["post"]["requestBody"]["content"];
    for media in upload
        .as_object_mut()
        .expect("upload body types")
        .values_mut()
    {
        media["schema"] = binary.clone();
    }
    let served = &mut doc["paths"]["/api/feedback/photos/{id}"]["get"]["responses"]["200"];
    served["content"] = json!({ "image/jpeg": { "schema": binary } });
    served["headers"] = json!({
        "Cache-Control": {
            "description": "`private`: only the uploader and staff may see it",
            "schema": { "type": "string" },
        },
    });
}

/// Feedback's query parameters: paging.
fn feedback_parameters(doc: &mut Value, page: &Value) {
    use care_contract::feedback::{DEFAULT_PER_PAGE, MAX_PER_PAGE};
    let per_page = json!({
        "minimum": 1,
        "maximum": MAX_PER_PAGE,
        "default": DEFAULT_PER_PAGE,
        "x-limit": format!("At most {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})."),
    });
    for path in ["/api/feedback/tickets", "/api/staff/feedback/tickets"] {
        parameter(doc, path, "page", page.clone());
        parameter(doc, path, "per_page", per_page.clone());
    }
}

/// Care's query parameters: the inbox's paging.
fn care_parameters(doc: &mut Value, page: &Value) {
    use care_contract::care::{DEFAULT_PER_PAGE, MAX_PER_PAGE};
    let per_page = json!({
        "minimum": 1,
        "maximum": MAX_PER_PAGE,
        "default": DEFAULT_PER_PAGE,
        "x-limit": format!("At most {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})."),
    });
    parameter(doc, "/api/care/inbox", "page", page.clone());
    parameter(doc, "/api/care/inbox", "per_page", per_page);
}

/// The surveys' request limits: an answer's number is read as a `u8` (a larger one does not
/// parse); its range for the question's kind, like option ids and text lengths, depends on
/// the survey and is checked as 422 `answer_invalid`.
fn survey_limits(schemas: &mut Value) {
    use care_contract::surveys::{FREE_TEXT_MAX_CHARS, NPS_MAX, RATING_MAX, RATING_MIN};
    let variants = schemas["Answer"]["oneOf"]
        .as_array_mut()
        .expect("Answer is a oneOf");
    for variant in variants {
        let kind = variant["properties"]["type"]["enum"][0]
            .as_str()
            .expect("a tagged variant")
            .to_owned();
        let words = match kind.as_str() {
            "choice" => "One of the question's option ids".to_owned(),
            "choices" => "The question's option ids, each once, at least one and at most its \
                          `max_choices`"
                .to_owned(),
            "step" => "The step's index from 0 (worst), below the number of the question's steps"
                .to_owned(),
            "rating" => format!("{RATING_MIN}-{RATING_MAX}"),
            "nps" => format!("0-{NPS_MAX}"),
            "text" => format!(
                "1 to the question's `max_chars` (at most {FREE_TEXT_MAX_CHARS}) characters once \
                 trimmed; line breaks and tabs allowed, no other control character"
            ),
            other => panic!("an Answer variant this document does not know: {other}"),
        };
        let value = &mut variant["properties"]["value"];
        if value["type"] == "integer" {
            merge(value, json!({ "maximum": u8::MAX }));
        }
        value["description"] = json!(format!("{words} (otherwise 422 `answer_invalid`)."));
    }
}

/// The community's query parameters: paging (replies up to their own maximum), the
/// search, board ids.
fn community_parameters(doc: &mut Value, page: &Value) {
    use care_contract::community::*;
    let per_page = |default: u32, max: u32| {
        json!({
            "minimum": 1,
            "maximum": max,
            "default": default,
            "x-limit": format!("At most {max} (default {default})."),
        })
    };
    for path in [
        "/api/community/threads",
        "/api/community/search",
        "/api/community/moderation/queue",
        "/api/community/moderation/log",
    ] {
        parameter(doc, path, "page", page.clone());
        parameter(
            doc,
            path,
            "per_page",
            per_page(DEFAULT_PER_PAGE, MAX_PER_PAGE),
        );
    }
    for path in [
        "/api/community/threads/{id}",
        "/api/community/threads/{id}/replies",
    ] {
        parameter(doc, path, "page", page.clone());
        parameter(
            doc,
            path,
            "per_page",
            per_page(DEFAULT_REPLIES_PER_PAGE, MAX_REPLIES_PER_PAGE),
        );
    }
    let id = json!({ "minimum": i64::MIN, "maximum": i64::MAX });
    for path in ["/api/community/threads", "/api/community/search"] {
        parameter(doc, path, "board_id", id.clone());
    }
    parameter(
        doc,
        "/api/community/threads/{id}/replies",
        "parent_id",
        id.clone(),
    );
    let mut q = post_text(1, SEARCH_MAX_CHARS, false);
    q["pattern"] = json!(pattern::trimmed_text(1, SEARCH_MAX_CHARS, true));
    q["x-limit"] = json!(format!(
        "1-{SEARCH_MAX_CHARS} characters once trimmed. Words of {FTS_MIN_CHARS} or more \
         characters match any part of a title or body (Chinese included), shorter ones too."
    ));
    parameter(doc, "/api/community/search", "q", q);
}

/// Merges `limit` into a property of a component schema. `x-limit` is not a keyword: its
/// words are added to the description. A property that is not there is a bug here.
pub(crate) fn property(schemas: &mut Value, schema: &str, name: &str, limit: Value) {
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
/// item 8 is a phone case, shipped; charity project 1; board 1 is 技术支持). The phone is no demo subscriber's:
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
        (
            "CreateThreadRequest",
            json!({
                "board_id": 1,
                "title": "光猫 LOS 灯一直闪红怎么办？",
                "body": "家里宽带今天早上突然断了，光猫上的 LOS 灯一直闪红。\n\n已经重启过光猫和路由器，还是不行，请问要怎么处理？",
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0003",
            }),
        ),
        (
            "EditThreadRequest",
            json!({
                "title": "光猫 LOS 灯一直闪红怎么办？（已解决）",
                "body": "家里宽带断了，LOS 灯闪红。**更新**：师傅上门换了光纤接头，已经恢复。",
            }),
        ),
        (
            "CreateReplyRequest",
            json!({
                "body": "LOS 灯闪红一般是光信号断了，先看看光纤有没有被压弯，再打 10000 报修。",
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0004",
            }),
        ),
        (
            "EditReplyRequest",
            json!({ "body": "LOS 灯闪红是光信号断了：先检查光纤有没有被压弯，再打 10000 报修。" }),
        ),
        ("VoteRequest", json!({ "vote": "up" })),
        // Thread 8's poll (the open day), its first option.
        ("PollVoteRequest", json!({ "option_id": 1 })),
        // Thread 4 is 张小明's (the signed-in tester's), reply 11 the staff answer in it.
        ("BestAnswerRequest", json!({ "reply_id": 11 })),
        (
            "ReportRequest",
            json!({
                "post": { "kind": "reply", "id": 1 },
                "reason": "spam",
                "detail": "留了联系方式拉人刷单",
            }),
        ),
        (
            "ThreadModeration",
            json!({ "action": "lock", "note": "问题已解决，锁定帖子" }),
        ),
        (
            "ReplyModeration",
            json!({ "action": "hide", "note": "含广告" }),
        ),
        ("AdoptRequest", json!({ "note": "长辈版下个版本上线" })),
        (
            "NewTicketRequest",
            json!({
                "kind": "fault_report",
                "category": "broadband",
                "description": "家里宽带从昨晚开始断网，光猫 LOS 灯一直闪红，已经重启过光猫和路由器。",
                "high_risk": false,
                "photo_ids": [],
                "number_concerned": "139 1234 5678",
                "contact_method": "phone_call",
                "contact_window": "evening",
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0005",
            }),
        ),
        (
            "NewMessageRequest",
            json!({
                "text": "今晚七点以后家里有人，师傅可以上门。",
                "photo_ids": [],
                "idempotency_key": "c0ffee00-4b1d-4e5a-9a7c-0d15ea5e0006",
            }),
        ),
        (
            "StaffMessageRequest",
            json!({ "text": "您好，已为您预约装维师傅，今晚 19:00-21:00 上门检查光纤。" }),
        ),
        (
            "ResolveRequest",
            json!({ "note": "更换了入户光纤接头，光猫信号恢复正常。" }),
        ),
        (
            "RatingRequest",
            json!({ "satisfaction": 5, "recommend": 9, "solved": true, "comment": "师傅很准时" }),
        ),
        ("QuickRatingRequest", json!({ "satisfied": true })),
        // Opting in to offers (the marketing consent) at most twice a week.
        (
            "Preferences",
            json!({ "topics": [{ "topic": "offers", "enabled": true, "max_per_week": 2 }] }),
        ),
        // The built-in care experience survey (1): our operator, the first two items.
        (
            "SaveAnswersRequest",
            json!({ "answers": {
                "q1": { "type": "choice", "value": "ours" },
                "q2": { "type": "step", "value": 3 },
                "q3": { "type": "step", "value": 2 },
            } }),
        ),
        // The built-in pulse survey (2).
        (
            "SubmitSurveyRequest",
            json!({ "answers": {
                "p1": { "type": "nps", "value": 9 },
                "p2": { "type": "rating", "value": 4 },
                "p3": { "type": "choices", "value": ["broadband"] },
                "p4": { "type": "text", "value": "客服很耐心，问题当天就解决了。" },
            } }),
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
    community_links(&mut add);
    feedback_links(&mut add);
    survey_links(&mut add);
    care_links(&mut add);
}

/// Care's links: from the inbox and home to what takes a message's id.
fn care_links(add: &mut impl FnMut(&str, &str, &str, Value)) {
    let message_ops = |id: &str| {
        json!({
            "ReadMessage": { "operationId": "care_read", "parameters": { "id": id } },
            "ClaimGift": { "operationId": "care_claim", "parameters": { "id": id } },
        })
    };
    add(
        "/api/care/inbox",
        "get",
        "200",
        message_ops("$response.body#/messages/0/id"),
    );
    add(
        "/api/home",
        "get",
        "200",
        message_ops("$response.body#/moments/0/message_id"),
    );
}

/// Feedback's links: from a ticket (opened, listed or in the queue) to what takes its id,
/// from an uploaded photo to fetching it and sending it with a ticket.
fn feedback_links(add: &mut impl FnMut(&str, &str, &str, Value)) {
    let ticket_ops = |id: &str| {
        json!({
            "GetTicket": { "operationId": "ticket", "parameters": { "id": id } },
            "Message": { "operationId": "ticket_message", "parameters": { "id": id } },
            "Withdraw": { "operationId": "withdraw_ticket", "parameters": { "id": id } },
            "UndoWithdraw": { "operationId": "undo_withdraw_ticket", "parameters": { "id": id } },
            "Rate": { "operationId": "rate_ticket", "parameters": { "id": id } },
            "Accept": { "operationId": "staff_accept_ticket", "parameters": { "id": id } },
            "Reply": { "operationId": "staff_reply_ticket", "parameters": { "id": id } },
            "Ask": { "operationId": "staff_ask_ticket", "parameters": { "id": id } },
            "Resolve": { "operationId": "staff_resolve_ticket", "parameters": { "id": id } },
        })
    };
    for status in ["200", "201"] {
        add(
            "/api/feedback/tickets",
            "post",
            status,
            ticket_ops("$response.body#/ticket/id"),
        );
    }
    add(
        "/api/feedback/tickets",
        "get",
        "200",
        ticket_ops("$response.body#/tickets/0/id"),
    );
    add(
        "/api/staff/feedback/tickets",
        "get",
        "200",
        ticket_ops("$response.body#/tickets/0/id"),
    );
    add(
        "/api/feedback/photos",
        "post",
        "201",
        json!({
            "GetPhoto": { "operationId": "photo", "parameters": { "id": "$response.body#/id" } },
        }),
    );
}

/// The surveys' links: from the list and a survey to what takes its id.
fn survey_links(add: &mut impl FnMut(&str, &str, &str, Value)) {
    let survey_ops = |id: &str| {
        json!({
            "GetSurvey": { "operationId": "survey", "parameters": { "id": id } },
            "SaveAnswers": { "operationId": "save_survey_answers", "parameters": { "id": id } },
            "Submit": { "operationId": "submit_survey", "parameters": { "id": id } },
            "Results": { "operationId": "survey_results", "parameters": { "id": id } },
        })
    };
    add(
        "/api/surveys",
        "get",
        "200",
        survey_ops("$response.body#/surveys/0/id"),
    );
    let mut one = survey_ops("$response.body#/survey/id");
    one.as_object_mut().expect("links").remove("GetSurvey");
    add("/api/surveys/{id}", "get", "200", one);
}

/// The community's links: from a board to its threads, from a thread (made, listed or
/// read) to what takes its id, from a reply to what takes its id.
fn community_links(add: &mut impl FnMut(&str, &str, &str, Value)) {
    let thread_ops = |id: &str| {
        json!({
            "GetThread": { "operationId": "thread", "parameters": { "id": id } },
            "GetReplies": { "operationId": "replies", "parameters": { "id": id } },
            "Reply": { "operationId": "create_reply", "parameters": { "id": id } },
            "VoteThread": { "operationId": "vote_thread", "parameters": { "id": id } },
            "EditThread": { "operationId": "edit_thread", "parameters": { "id": id } },
            "DeleteThread": { "operationId": "delete_thread", "parameters": { "id": id } },
            "RestoreThread": { "operationId": "restore_thread", "parameters": { "id": id } },
            "ModerateThread": { "operationId": "moderate_thread", "parameters": { "id": id } },
            "BestAnswer": { "operationId": "best_answer", "parameters": { "id": id } },
        })
    };
    let reply_ops = |thread: &str, id: &str| {
        json!({
            "GetNested": {
                "operationId": "replies",
                "parameters": { "id": thread, "query.parent_id": id },
            },
            "VoteReply": { "operationId": "vote_reply", "parameters": { "id": id } },
            "EditReply": { "operationId": "edit_reply", "parameters": { "id": id } },
            "DeleteReply": { "operationId": "delete_reply", "parameters": { "id": id } },
            "RestoreReply": { "operationId": "restore_reply", "parameters": { "id": id } },
            "ModerateReply": { "operationId": "moderate_reply", "parameters": { "id": id } },
            "AdoptReply": { "operationId": "adopt_reply", "parameters": { "id": id } },
            "MarkBest": {
                "operationId": "best_answer",
                "parameters": { "id": thread },
                "requestBody": { "reply_id": id },
            },
        })
    };
    add(
        "/api/community/boards",
        "get",
        "200",
        json!({
            "BoardThreads": {
                "operationId": "threads",
                "parameters": { "query.board_id": "$response.body#/boards/0/id" },
            },
        }),
    );
    for status in ["200", "201"] {
        add(
            "/api/community/threads",
            "post",
            status,
            thread_ops("$response.body#/thread/id"),
        );
        add(
            "/api/community/threads/{id}/replies",
            "post",
            status,
            reply_ops(
                "$response.body#/reply/thread_id",
                "$response.body#/reply/id",
            ),
        );
    }
    add(
        "/api/community/threads",
        "get",
        "200",
        thread_ops("$response.body#/threads/0/id"),
    );
    let mut one = thread_ops("$response.body#/thread/id");
    one.as_object_mut().expect("links").remove("GetThread");
    add("/api/community/threads/{id}", "get", "200", one);
    add(
        "/api/community/threads/{id}",
        "get",
        "200",
        reply_ops("$response.body#/thread/id", "$response.body#/replies/0/id"),
    );
}
