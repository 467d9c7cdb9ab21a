//! Idea calls: staff adopt a suggestion.

use axum::extract::State;
use axum::Json;
use care_contract::community::{
    optional_note, AdoptRequest, AdoptionResult, PostField, MODERATION_NOTE_MAX_CHARS,
};
use care_contract::ApiError;

use super::{text, write};
use crate::auth::sessions::CurrentUser;
use crate::community::store;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

/// Staff adopt a suggestion (a published reply in an idea call), once: its author earns
/// the configured points, an `adopted_suggestion` earning in their points ledger, and the
/// adoption is logged.
#[utoipa::path(
    post,
    operation_id = "adopt_reply",
    path = "/api/community/replies/{id}/adopt",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    request_body = AdoptRequest,
    responses(
        (status = 200, description = "Adopted: the reply, the points and the ledger entry", body = AdoptionResult),
        (status = 400, description = "`invalid_post` (`details.field`: note) or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: not in an idea call, not published, or adopted already", body = ApiError),
    )
)]
pub async fn adopt(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<AdoptRequest>,
) -> Result<Json<AdoptionResult>, AppError> {
    let note = text(
        PostField::Note,
        optional_note(req.note.as_deref(), MODERATION_NOTE_MAX_CHARS),
    )?;
    let done = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::ideas::adopt(conn, ctx, id, note.as_deref())
    })
    .await?;
    Ok(Json(done))
}
