//! Votes on threads and replies, and votes in polls.

use axum::extract::State;
use axum::Json;
use care_contract::community::{Poll, PollVoteRequest, PostKind, PostRef, VoteRequest, VoteResult};
use care_contract::ApiError;

use super::write;
use crate::auth::sessions::CurrentUser;
use crate::community::store;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

async fn vote(
    state: &AppState,
    user: CurrentUser,
    post: PostRef,
    req: VoteRequest,
) -> Result<Json<VoteResult>, AppError> {
    let result = write(state, Some(user.subscriber_id), move |conn, ctx| {
        store::votes::vote(conn, ctx, post, req.vote)
    })
    .await?;
    Ok(Json(result))
}

/// Sets, changes or withdraws the member's vote on a thread (one per member, never on
/// their own); the thread's counts after it.
#[utoipa::path(
    put,
    operation_id = "vote_thread",
    path = "/api/community/threads/{id}/vote",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id")),
    request_body = VoteRequest,
    responses(
        (status = 200, description = "The counts after the vote", body = VoteResult),
        (status = 403, description = "`own_post`: the member's own thread", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: not published", body = ApiError),
    )
)]
pub async fn thread_vote(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<VoteRequest>,
) -> Result<Json<VoteResult>, AppError> {
    let post = PostRef {
        kind: PostKind::Thread,
        id,
    };
    vote(&state, user, post, req).await
}

/// Sets, changes or withdraws the member's vote on a reply (one per member, never on
/// their own); the reply's counts after it.
#[utoipa::path(
    put,
    operation_id = "vote_reply",
    path = "/api/community/replies/{id}/vote",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Reply id")),
    request_body = VoteRequest,
    responses(
        (status = 200, description = "The counts after the vote", body = VoteResult),
        (status = 403, description = "`own_post`: the member's own reply", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`invalid_status`: the reply or its thread is not published", body = ApiError),
    )
)]
pub async fn reply_vote(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<VoteRequest>,
) -> Result<Json<VoteResult>, AppError> {
    let post = PostRef {
        kind: PostKind::Reply,
        id,
    };
    vote(&state, user, post, req).await
}

/// Votes in a thread's poll: once per member, while it is open; the poll after the vote.
#[utoipa::path(
    post,
    operation_id = "vote_poll",
    path = "/api/community/threads/{id}/poll/votes",
    tag = "community",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Thread id", example = 8)),
    request_body = PollVoteRequest,
    responses(
        (status = 200, description = "The poll with the vote counted", body = Poll),
        (status = 404, description = "`not_found`: no such thread, poll or option", body = ApiError),
        (status = 409, description = "`already_voted`, `poll_closed`, or `invalid_status`: the thread is not published", body = ApiError),
    )
)]
pub async fn poll_vote(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<PollVoteRequest>,
) -> Result<Json<Poll>, AppError> {
    let poll = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::polls::vote(conn, ctx, id, req.option_id)
    })
    .await?;
    Ok(Json(poll))
}
