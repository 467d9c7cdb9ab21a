//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes and
//! the contract's types. docs/openapi.json is this document; a test fails when it is stale
//! (regenerate: `cargo run -p care-server -- --print-openapi > docs/openapi.json`).

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::auth::sessions::COOKIE_NAME;
use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Care app API",
        description = "The JSON API between the care app and the operator's backend. Every \
                       non-2xx response has an `ApiError` body. Sessions travel in the \
                       HttpOnly `care_session` cookie."
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
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes");
    json.push('\n');
    json
}

/// `GET /api/openapi.json`.
pub async fn serve_openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi_json())
}
