//! The privacy centre: what is kept and why, the export of it all, and the deletion
//! request.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::Json;
use care_contract::me::{
    export_file_name, kept_data, DataExport, DeletionRecorded, DeletionRequestBody,
    PrivacyOverview, CONFIRM_DIGITS,
};
use care_contract::time::china_date;
use care_contract::ApiError;

use super::{read, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::me::store::{export as exported, privacy};
use crate::state::AppState;

/// What the backend keeps and why (categories, purposes and retention the app words) and
/// the pending deletion request.
#[utoipa::path(
    get,
    operation_id = "privacy",
    path = "/api/me/privacy",
    tag = "me",
    security(("session" = [])),
    responses((status = 200, description = "The privacy overview", body = PrivacyOverview))
)]
pub async fn overview(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<PrivacyOverview>, AppError> {
    let deletion_request = read(&state, user.subscriber_id, |conn, ctx| {
        privacy::pending(conn, ctx.subscriber_id)
    })
    .await?;
    Ok(Json(PrivacyOverview {
        kept: kept_data(),
        deletion_request,
    }))
}

/// Everything the backend holds about the subscriber, as a JSON download named after
/// today (China time).
#[utoipa::path(
    get,
    operation_id = "export_my_data",
    path = "/api/me/export",
    tag = "me",
    security(("session" = [])),
    responses((
        status = 200,
        description = "The subscriber's data, as an attachment",
        body = DataExport,
        headers(("Content-Disposition" = String, description = "`attachment; filename=\"care-data-<YYYY-MM-DD>.json\"`")),
    ))
)]
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<([(header::HeaderName, String); 1], Json<DataExport>), AppError> {
    let feedback = state.config.feedback.get();
    let data = write(&state, user.subscriber_id, move |conn, ctx| {
        exported::export(conn, ctx, &feedback)
    })
    .await?;
    let name = export_file_name(china_date(data.exported_at));
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(data)))
}

/// Asks for the account and its data to be deleted, confirmed with the last four digits
/// of the phone number. A second request answers the pending one.
#[utoipa::path(
    post,
    operation_id = "request_deletion",
    path = "/api/me/deletion-request",
    tag = "me",
    security(("session" = [])),
    request_body = DeletionRequestBody,
    responses(
        (status = 201, description = "Recorded now", body = DeletionRecorded),
        (status = 200, description = "A request was pending already (`already_pending: true`)", body = DeletionRecorded),
        (status = 422, description = "`confirmation_mismatch`: not the last four digits of the phone number", body = ApiError),
    )
)]
pub async fn request(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<DeletionRequestBody>,
) -> Result<(StatusCode, Json<DeletionRecorded>), AppError> {
    let typed = req.confirm_last_four;
    if typed.len() != CONFIRM_DIGITS || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::bad_request(
            "confirm_last_four must be four digits",
        ));
    }
    let recorded = write(&state, user.subscriber_id, move |conn, ctx| {
        privacy::request(conn, ctx, &typed)
    })
    .await?;
    let status = if recorded.already_pending {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(recorded)))
}

/// Withdraws the pending deletion request.
#[utoipa::path(
    delete,
    operation_id = "withdraw_deletion",
    path = "/api/me/deletion-request",
    tag = "me",
    security(("session" = [])),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 404, description = "`not_found`: no pending request", body = ApiError),
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, AppError> {
    write(&state, user.subscriber_id, privacy::withdraw).await?;
    Ok(StatusCode::NO_CONTENT)
}
