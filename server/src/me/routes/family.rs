//! Family contacts: list, add (exactly once per key), edit, delete.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::me::{
    contact_name, FamilyContactCreated, FamilyContactEdit, FamilyContactList, NewFamilyContact,
};
use care_contract::profile::FamilyContact;
use care_contract::ApiError;
use serde_json::json;

use super::{phone, read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::idempotency::check_key;
use crate::me::store::family::{self, NewContact};
use crate::state::AppState;

/// The subscriber's family contacts, oldest first, and how many may be kept.
#[utoipa::path(
    get,
    operation_id = "family_contacts",
    path = "/api/me/family-contacts",
    tag = "me",
    security(("session" = [])),
    responses(
        (status = 200, description = "The contacts", body = FamilyContactList),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<FamilyContactList>, AppError> {
    let answer = read(&state, user.subscriber_id, |conn, ctx| {
        Ok(FamilyContactList {
            contacts: family::list(conn, ctx.subscriber_id)?,
            max_contacts: ctx.cfg.max_family_contacts,
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Adds a family contact, exactly once per idempotency key.
#[utoipa::path(
    post,
    operation_id = "add_family_contact",
    path = "/api/me/family-contacts",
    tag = "me",
    security(("session" = [])),
    request_body = NewFamilyContact,
    responses(
        (status = 201, description = "Added now", body = FamilyContactCreated),
        (status = 200, description = "This key had added it (`replayed: true`): the contact as it is now", body = FamilyContactCreated),
        (status = 400, description = "`invalid_contact` (`details.field`: name, phone), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 409, description = "`family_contacts_full` (`details.limit`), `family_number_taken` (one of the contacts already, or the subscriber's own number) or `idempotency_conflict`", body = ApiError),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<NewFamilyContact>,
) -> Result<(StatusCode, Json<FamilyContactCreated>), AppError> {
    check_key(&req.idempotency_key)?;
    let name = text("name", contact_name(&req.name))?;
    let phone = phone(&req.phone)?;
    let new = NewContact {
        fingerprint: json!({ "name": name, "phone": phone }).to_string(),
        name,
        phone,
        key: req.idempotency_key,
    };
    let (contact, replayed) = write(&state, user.subscriber_id, move |conn, ctx| {
        family::add(conn, ctx, &new)
    })
    .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(FamilyContactCreated { contact, replayed })))
}

/// Changes a contact's name and number.
#[utoipa::path(
    put,
    operation_id = "edit_family_contact",
    path = "/api/me/family-contacts/{id}",
    tag = "me",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Contact id")),
    request_body = FamilyContactEdit,
    responses(
        (status = 200, description = "The contact after the change", body = FamilyContact),
        (status = 400, description = "`invalid_contact` (`details.field`: name, phone) or `bad_request`", body = ApiError),
        (status = 404, description = "`not_found`: no such contact of this subscriber", body = ApiError),
        (status = 409, description = "`family_number_taken`: another contact has the number, or it is the subscriber's own", body = ApiError),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<FamilyContactEdit>,
) -> Result<Json<FamilyContact>, AppError> {
    let name = text("name", contact_name(&req.name))?;
    let phone = phone(&req.phone)?;
    let contact = write(&state, user.subscriber_id, move |conn, ctx| {
        family::edit(conn, ctx.subscriber_id, id, &name, &phone)
    })
    .await?;
    Ok(Json(contact))
}

/// Removes a contact.
#[utoipa::path(
    delete,
    operation_id = "delete_family_contact",
    path = "/api/me/family-contacts/{id}",
    tag = "me",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Contact id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "`not_found`: no such contact of this subscriber", body = ApiError),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, AppError> {
    write(&state, user.subscriber_id, move |conn, ctx| {
        family::delete(conn, ctx.subscriber_id, id)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
