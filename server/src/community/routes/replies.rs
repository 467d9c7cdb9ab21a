//! Replies: a page of a thread's or of the nested ones under a reply ("show more"),
//! replying, editing and deleting.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::community::{
    reply_body, CreateReplyRequest, EditReplyRequest, PostDeleted, PostField, Reply, ReplyCreated,
    ReplyListQuery, ReplyPage, DEFAULT_REPLIES_PER_PAGE, MAX_REPLIES_PER_PAGE,
};
use care_contract::ApiError;
use serde_json::json;

use super::{read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::community::store::{self, posts::seen_thread, replies::NewReply};
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::idempotency::check_key;
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// A page of the replies to a thread, oldest first, each with its first nested replies
/// (the thread screen's later pages); with `parent_id`, a page of the replies nested
/// under that one ("show more").
#[utoipa::path(
    get,
    operation_id = "replies",
    path = "/api/community/threads/{id}/replies",
    tag = "community",
    security((), ("session" = [])),
    params(("id" = i64, Path, description = "Thread id"), ReplyListQuery),
    responses(
        (status = 200, description = "A page of replies", body = ReplyPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 404, description = "`not_found`: no such thread the viewer may see, or no such reply in it", body = ApiError),
    )
)]
pub async fn replies(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ReplyListQuery>,
) -> Result<Json<ReplyPage>, AppError> {
    let (page, per_page) = paging(
        query.page,
        query.per_page,
        DEFAULT_REPLIES_PER_PAGE,
        MAX_REPLIES_PER_PAGE,
    )?;
    let user = user.map(|u| u.subscriber_id);
    let answer = read(&state, user, move |conn, ctx| {
        let t = seen_thread(conn, ctx, id)?;
        let (replies, total) = match query.parent_id {
            None => store::replies::top_level_page(conn, ctx, &t, page, per_page)?,
            Some(parent) => store::replies::children_page(conn, ctx, &t, parent, page, per_page)?,
        };
        Ok(ReplyPage {
            replies,
            page,
            per_page,
            total,
            now: from_ms(ctx.now_ms),
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Replies to a thread, or to a reply in it (`parent_id`), exactly once per idempotency
/// key. A forbidden word holds the reply for review (`state: held`).
#[utoipa::path(
    post,
    operation_id = "create_reply",
    path = "/api/community/threads/{id}/replies",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    request_body = CreateReplyRequest,
    responses(
        (status = 201, description = "Posted now (or held for review)", body = ReplyCreated),
        (status = 200, description = "This key had already posted it (`replayed: true`): the reply as it is now", body = ReplyCreated),
        (status = 400, description = "`invalid_post` (`details.field`: body), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 404, description = "`not_found`: no such thread, or no such reply in it to answer", body = ApiError),
        (status = 409, description = "`idempotency_conflict`, `thread_locked`, or `invalid_status`: the thread or the reply answered is not published", body = ApiError),
        (status = 429, description = "`rate_limited`: too many replies this minute (`retry_after_secs`)", body = ApiError),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<CreateReplyRequest>,
) -> Result<(StatusCode, Json<ReplyCreated>), AppError> {
    check_key(&req.idempotency_key)?;
    let body = text(PostField::Body, reply_body(&req.body))?;
    let fingerprint = json!({
        "thread_id": id,
        "body": body,
        "parent_id": req.parent_id,
    })
    .to_string();
    let new = NewReply {
        thread_id: id,
        body,
        parent_id: req.parent_id,
        key: req.idempotency_key,
        fingerprint,
    };
    let created = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::replies::create(conn, ctx, &new)
    })
    .await?;
    let status = if created.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(created)))
}

/// The author edits their reply within the edit window; it shows as edited. A forbidden
/// word holds it for review again.
#[utoipa::path(
    put,
    operation_id = "edit_reply",
    path = "/api/community/replies/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    request_body = EditReplyRequest,
    responses(
        (status = 200, description = "The reply after the edit", body = Reply),
        (status = 400, description = "`invalid_post` (`details.field`: body) or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: not the author", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`edit_window_closed`, or `invalid_status`: hidden, rejected or deleted", body = ApiError),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<EditReplyRequest>,
) -> Result<Json<Reply>, AppError> {
    let body = text(PostField::Body, reply_body(&req.body))?;
    let reply = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::replies::edit(conn, ctx, id, &body)
    })
    .await?;
    Ok(Json(reply))
}

/// The author deletes their reply within the edit window; a placeholder keeps its place
/// (with `undo_until` for its author until they may undo that, `POST .../restore`).
#[utoipa::path(
    delete,
    operation_id = "delete_reply",
    path = "/api/community/replies/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    responses(
        (status = 200, description = "Deleted; its author may undo that until `undo_until`", body = PostDeleted),
        (status = 403, description = "`forbidden`: not the author", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`edit_window_closed`, or `invalid_status`: hidden, rejected or deleted", body = ApiError),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PostDeleted>, AppError> {
    let deleted = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::replies::delete(conn, ctx, id)
    })
    .await?;
    Ok(Json(deleted))
}

/// The author undoes their deletion within `undo::UNDO_WINDOW_MINUTES` of it: the reply is
/// back in the state it had (published: for everyone again). Logged for moderators.
#[utoipa::path(
    post,
    operation_id = "restore_reply",
    path = "/api/community/replies/{id}/restore",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    responses(
        (status = 200, description = "The reply, back in the state it had", body = Reply),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such reply of this member", body = ApiError),
        (status = 409, description = "`undo_expired`: deleted too long ago, or `invalid_status`: not deleted (restored already)", body = ApiError),
    )
)]
pub async fn restore(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Reply>, AppError> {
    let restored = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::replies::restore(conn, ctx, id)
    })
    .await?;
    Ok(Json(restored))
}
