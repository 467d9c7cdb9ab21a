//! Reports (members) and moderation (staff): the queue, actions on threads and replies,
//! and the log.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::community::{
    optional_note, LogQuery, ModeratedPost, ModerationLogPage, ModerationQueue, PostField,
    QueueQuery, ReplyModeration, ReportReceipt, ReportRequest, ThreadModeration, DEFAULT_PER_PAGE,
    MAX_PER_PAGE, MODERATION_NOTE_MAX_CHARS, REPORT_DETAIL_MAX_CHARS,
};
use care_contract::ApiError;

use super::{read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::community::store;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging::paging;
use crate::state::AppState;

/// Reports a published post of someone else's for staff to look at. A member reports a
/// post once; reporting it again answers the first report (200, `already_reported`).
#[utoipa::path(
    post,
    operation_id = "report",
    path = "/api/community/reports",
    tag = "community",
    security(("session" = [])),
    request_body = ReportRequest,
    responses(
        (status = 201, description = "Reported", body = ReportReceipt),
        (status = 200, description = "Reported before (`already_reported: true`): the first report", body = ReportReceipt),
        (status = 400, description = "`invalid_post` (`details.field`: detail) or `bad_request`", body = ApiError),
        (status = 403, description = "`own_post`: the member's own post", body = ApiError),
        (status = 404, description = "`not_found`: no such post", body = ApiError),
        (status = 409, description = "`invalid_status`: not published", body = ApiError),
    )
)]
pub async fn report(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<ReportRequest>,
) -> Result<(StatusCode, Json<ReportReceipt>), AppError> {
    let detail = text(
        PostField::Detail,
        optional_note(req.detail.as_deref(), REPORT_DETAIL_MAX_CHARS),
    )?;
    let receipt = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::moderation::report(conn, ctx, req.post, req.reason, detail.as_deref())
    })
    .await?;
    let status = if receipt.already_reported {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(receipt)))
}

/// Staff: posts waiting for a decision (held for review, or reported), longest waiting
/// first, with the reports' reasons and words.
#[utoipa::path(
    get,
    operation_id = "moderation_queue",
    path = "/api/community/moderation/queue",
    tag = "community",
    security(("session" = [])),
    params(QueueQuery),
    responses(
        (status = 200, description = "A page of the queue", body = ModerationQueue),
        (status = 400, description = "`bad_request`: unknown filter or bad paging", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<ModerationQueue>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let filter = query.filter.unwrap_or_default();
    let queue = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::moderation::queue(conn, ctx, filter, page, per_page)
    })
    .await?;
    Ok(Json(queue))
}

/// Staff act on a thread: hide or restore it, approve or reject it when held, lock or
/// unlock, pin or unpin it, or dismiss its reports; every action is logged with its note.
#[utoipa::path(
    post,
    operation_id = "moderate_thread",
    path = "/api/community/moderation/threads/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    request_body = ThreadModeration,
    responses(
        (status = 200, description = "The thread after the action, and the log entry", body = ModeratedPost),
        (status = 400, description = "`invalid_post` (`details.field`: note) or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: the action does not apply to the thread as it is (e.g. restoring a published one, locking a locked one, dismissing when nothing is reported)", body = ApiError),
    )
)]
pub async fn moderate_thread(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<ThreadModeration>,
) -> Result<Json<ModeratedPost>, AppError> {
    let note = text(
        PostField::Note,
        optional_note(req.note.as_deref(), MODERATION_NOTE_MAX_CHARS),
    )?;
    let done = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::moderation::moderate_thread(conn, ctx, id, req.action, note.as_deref())
    })
    .await?;
    Ok(Json(done))
}

/// Staff act on a reply: hide or restore it, approve or reject it when held, or dismiss
/// its reports; every action is logged with its note.
#[utoipa::path(
    post,
    operation_id = "moderate_reply",
    path = "/api/community/moderation/replies/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    request_body = ReplyModeration,
    responses(
        (status = 200, description = "The reply after the action, and the log entry", body = ModeratedPost),
        (status = 400, description = "`invalid_post` (`details.field`: note) or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: the action does not apply to the reply as it is", body = ApiError),
    )
)]
pub async fn moderate_reply(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<ReplyModeration>,
) -> Result<Json<ModeratedPost>, AppError> {
    let note = text(
        PostField::Note,
        optional_note(req.note.as_deref(), MODERATION_NOTE_MAX_CHARS),
    )?;
    let done = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::moderation::moderate_reply(conn, ctx, id, req.action, note.as_deref())
    })
    .await?;
    Ok(Json(done))
}

/// Staff: the moderation log, newest first.
#[utoipa::path(
    get,
    operation_id = "moderation_log",
    path = "/api/community/moderation/log",
    tag = "community",
    security(("session" = [])),
    params(LogQuery),
    responses(
        (status = 200, description = "A page of the log", body = ModerationLogPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
    )
)]
pub async fn log(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<LogQuery>,
) -> Result<Json<ModerationLogPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let (entries, total) = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::moderation::log_page(conn, ctx, page, per_page)
    })
    .await?;
    Ok(Json(ModerationLogPage {
        entries,
        page,
        per_page,
        total,
    }))
}
