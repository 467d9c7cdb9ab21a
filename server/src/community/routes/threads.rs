//! Threads: the lists, the thread screen, starting, editing and deleting a thread, and its
//! best answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::community::{
    poll_option, thread_body, title, BestAnswerRequest, CreateThreadRequest, EditThreadRequest,
    PostDeleted, PostField, ReplyQuery, TextProblem, ThreadCreated, ThreadDetail, ThreadPage,
    ThreadQuery, ThreadView, DEFAULT_PER_PAGE, DEFAULT_REPLIES_PER_PAGE, MAX_PER_PAGE,
    MAX_REPLIES_PER_PAGE, POLL_MAX_OPTIONS, POLL_MIN_OPTIONS,
};
use care_contract::ApiError;
use serde_json::json;

use super::{invalid_post, read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::community::store::{self, threads::NewThread, threads::ThreadFilter};
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::idempotency::check_key;
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// Threads of one board (its pinned ones first) or of all, sorted hot (the default), new
/// or top; with `mine=true` the member's own, awaiting review included.
#[utoipa::path(
    get,
    operation_id = "threads",
    path = "/api/community/threads",
    tag = "community",
    security((), ("session" = [])),
    params(ThreadQuery),
    responses(
        (status = 200, description = "A page of threads (with the board when `board_id` is given)", body = ThreadPage),
        (status = 400, description = "`bad_request`: unknown sort or bad paging", body = ApiError),
        (status = 404, description = "`not_found`: no such board", body = ApiError),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiQuery(query): ApiQuery<ThreadQuery>,
) -> Result<Json<ThreadPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let filter = ThreadFilter {
        board_id: query.board_id,
        sort: query.sort.unwrap_or_default(),
        mine: query.mine.unwrap_or(false),
        page,
        per_page,
    };
    let user = user.map(|u| u.subscriber_id);
    let answer = read(&state, user, move |conn, ctx| {
        let board = match filter.board_id {
            Some(id) => Some(
                store::boards::board(conn, ctx, id)?
                    .ok_or_else(crate::store::StoreError::not_found)?,
            ),
            None => None,
        };
        let (threads, total) = store::threads::list(conn, ctx, &filter)?;
        Ok(ThreadPage {
            threads,
            page,
            per_page,
            total,
            board,
            now: from_ms(ctx.now_ms),
        })
    })
    .await?;
    Ok(Json(answer))
}

/// The thread screen in one call: the thread, its board, poll and best answer, and a page
/// of its replies (each with its first nested replies). Held, hidden and rejected threads
/// only for their author and staff; deleted ones for nobody.
#[utoipa::path(
    get,
    operation_id = "thread",
    path = "/api/community/threads/{id}",
    tag = "community",
    security((), ("session" = [])),
    params(("id" = i64, Path, description = "Thread id"), ReplyQuery),
    responses(
        (status = 200, description = "The thread", body = ThreadView),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 404, description = "`not_found`: no such thread the viewer may see", body = ApiError),
    )
)]
pub async fn view(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ReplyQuery>,
) -> Result<Json<ThreadView>, AppError> {
    let (page, per_page) = paging(
        query.page,
        query.per_page,
        DEFAULT_REPLIES_PER_PAGE,
        MAX_REPLIES_PER_PAGE,
    )?;
    let user = user.map(|u| u.subscriber_id);
    let view = read(&state, user, move |conn, ctx| {
        store::threads::view(conn, ctx, id, page, per_page)
    })
    .await?;
    Ok(Json(view))
}

/// Starts a thread, exactly once per idempotency key. A forbidden word holds it for
/// review (`state: held`, seen only by its author and staff) instead of publishing it.
#[utoipa::path(
    post,
    operation_id = "create_thread",
    path = "/api/community/threads",
    tag = "community",
    security(("session" = [])),
    request_body = CreateThreadRequest,
    responses(
        (status = 201, description = "Posted now (or held for review)", body = ThreadCreated),
        (status = 200, description = "This key had already posted it (`replayed: true`): the thread as it is now", body = ThreadCreated),
        (status = 400, description = "`invalid_post` (`details.field`: title, body or poll_option), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: members do not start threads in an idea-call board", body = ApiError),
        (status = 404, description = "`not_found`: no such board", body = ApiError),
        (status = 409, description = "`idempotency_conflict`, `closing_date_out_of_range` or `duplicate_poll_option`", body = ApiError),
        (status = 429, description = "`rate_limited`: too many new threads this hour (`retry_after_secs`)", body = ApiError),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CreateThreadRequest>,
) -> Result<(StatusCode, Json<ThreadCreated>), AppError> {
    check_key(&req.idempotency_key)?;
    let title = text(PostField::Title, title(&req.title))?;
    let body = text(PostField::Body, thread_body(&req.body))?;
    let poll = match req.poll {
        None => None,
        Some(poll) => {
            if !(POLL_MIN_OPTIONS..=POLL_MAX_OPTIONS).contains(&poll.options.len()) {
                let problem = if poll.options.len() < POLL_MIN_OPTIONS {
                    TextProblem::TooShort
                } else {
                    TextProblem::TooLong
                };
                return Err(invalid_post(PostField::PollOption, problem));
            }
            let options = poll
                .options
                .iter()
                .map(|o| text(PostField::PollOption, poll_option(o)))
                .collect::<Result<Vec<_>, _>>()?;
            Some((options, poll.closes_on))
        }
    };
    let fingerprint = json!({
        "board_id": req.board_id,
        "title": title,
        "body": body,
        "poll": poll,
    })
    .to_string();
    let new = NewThread {
        board_id: req.board_id,
        title,
        body,
        poll,
        key: req.idempotency_key,
        fingerprint,
    };
    let created = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::threads::create(conn, ctx, &new)
    })
    .await?;
    let status = if created.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(created)))
}

/// The author edits their thread within the edit window; it shows as edited. A forbidden
/// word holds it for review again.
#[utoipa::path(
    put,
    operation_id = "edit_thread",
    path = "/api/community/threads/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    request_body = EditThreadRequest,
    responses(
        (status = 200, description = "The thread after the edit", body = ThreadDetail),
        (status = 400, description = "`invalid_post` (`details.field`: title or body) or `bad_request`", body = ApiError),
        (status = 403, description = "`forbidden`: not the author", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`edit_window_closed`, or `invalid_status`: hidden or rejected", body = ApiError),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<EditThreadRequest>,
) -> Result<Json<ThreadDetail>, AppError> {
    let title = text(PostField::Title, title(&req.title))?;
    let body = text(PostField::Body, thread_body(&req.body))?;
    let thread = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::threads::edit(conn, ctx, id, &title, &body)
    })
    .await?;
    Ok(Json(thread))
}

/// The author deletes their thread within the edit window; it is gone for everyone (its
/// author included) until they undo that (`undo_until`, `POST .../restore`).
#[utoipa::path(
    delete,
    operation_id = "delete_thread",
    path = "/api/community/threads/{id}",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    responses(
        (status = 200, description = "Deleted; its author may undo that until `undo_until`", body = PostDeleted),
        (status = 403, description = "`forbidden`: not the author", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`edit_window_closed`, or `invalid_status`: hidden or rejected", body = ApiError),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PostDeleted>, AppError> {
    let deleted = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::threads::delete(conn, ctx, id)
    })
    .await?;
    Ok(Json(deleted))
}

/// The author undoes their deletion within `undo::UNDO_WINDOW_MINUTES` of it: the thread is
/// back in the state it had (published: for everyone again). Logged for moderators.
#[utoipa::path(
    post,
    operation_id = "restore_thread",
    path = "/api/community/threads/{id}/restore",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    responses(
        (status = 200, description = "The thread, back in the state it had", body = ThreadDetail),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such thread of this member", body = ApiError),
        (status = 409, description = "`undo_expired`: deleted too long ago, or `invalid_status`: not deleted (restored already)", body = ApiError),
    )
)]
pub async fn restore(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ThreadDetail>, AppError> {
    let restored = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::threads::restore(conn, ctx, id)
    })
    .await?;
    Ok(Json(restored))
}

/// The asker (or staff) chooses the thread's accepted answer, a published reply in it, or
/// clears it with `reply_id: null`. Staff choosing in someone else's thread is logged.
#[utoipa::path(
    put,
    operation_id = "best_answer",
    path = "/api/community/threads/{id}/best-answer",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id", example = 4)),
    request_body = BestAnswerRequest,
    responses(
        (status = 200, description = "The thread after the choice", body = ThreadDetail),
        (status = 403, description = "`forbidden`: neither the asker nor staff", body = ApiError),
        (status = 404, description = "`not_found`: no such thread, or no such reply in it", body = ApiError),
        (status = 409, description = "`invalid_status`: the thread or the reply is not published", body = ApiError),
    )
)]
pub async fn best_answer(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<BestAnswerRequest>,
) -> Result<Json<ThreadDetail>, AppError> {
    let thread = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::threads::best_answer(conn, ctx, id, req.reply_id)
    })
    .await?;
    Ok(Json(thread))
}
