//! The community's backend calls (`/api/community`, see the contract's `community` module).

use care_contract::community::{
    BoardList, CreateReplyRequest, CreateThreadRequest, Poll, PollVoteRequest, ReplyCreated,
    ReplyPage, ThreadCreated, ThreadPage, ThreadView, VoteChoice, VoteRequest, VoteResult,
};

use super::query::ListQuery;
use crate::api::client;
use crate::api::ApiError;

/// Replies per page of a thread: a few phone screens. A thread of 1,000 replies is 34 pages.
pub const REPLIES_PER_PAGE: u32 = 30;

pub const BOARDS_PATH: &str = "/community/boards";

pub async fn fetch_boards() -> Result<BoardList, ApiError> {
    client::get(BOARDS_PATH).await
}

pub async fn fetch_threads(query: ListQuery) -> Result<ThreadPage, ApiError> {
    client::get(&query.api_path()).await
}

/// A thread with a page of its replies.
pub fn thread_path(id: i64, page: u32) -> String {
    format!("/community/threads/{id}?page={page}&per_page={REPLIES_PER_PAGE}")
}

pub async fn fetch_thread(id: i64, page: u32) -> Result<ThreadView, ApiError> {
    client::get(&thread_path(id, page)).await
}

/// A page of the replies under one reply to the thread ("show more"), oldest first.
pub async fn fetch_children(
    thread_id: i64,
    reply_id: i64,
    page: u32,
) -> Result<ReplyPage, ApiError> {
    client::get(&format!(
        "/community/threads/{thread_id}/replies?parent_id={reply_id}&page={page}&per_page={REPLIES_PER_PAGE}"
    ))
    .await
}

/// What a vote is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Votable {
    Thread(i64),
    Reply(i64),
}

pub async fn vote(on: Votable, vote: VoteChoice) -> Result<VoteResult, ApiError> {
    let path = match on {
        Votable::Thread(id) => format!("/community/threads/{id}/vote"),
        Votable::Reply(id) => format!("/community/replies/{id}/vote"),
    };
    client::put(&path, &VoteRequest { vote }).await
}

pub async fn vote_in_poll(thread_id: i64, option_id: i64) -> Result<Poll, ApiError> {
    client::post(
        &format!("/community/threads/{thread_id}/poll/votes"),
        &PollVoteRequest { option_id },
    )
    .await
}

/// Exactly once per `request.idempotency_key`.
pub async fn create_thread(request: CreateThreadRequest) -> Result<ThreadCreated, ApiError> {
    client::post("/community/threads", &request).await
}

/// Exactly once per `request.idempotency_key`.
pub async fn create_reply(
    thread_id: i64,
    request: CreateReplyRequest,
) -> Result<ReplyCreated, ApiError> {
    client::post(&format!("/community/threads/{thread_id}/replies"), &request).await
}

/// The asker (or staff) chooses the accepted answer; the page then reads the thread again.
pub async fn set_best_answer(thread_id: i64, reply_id: Option<i64>) -> Result<(), ApiError> {
    client::put::<_, serde::de::IgnoredAny>(
        &format!("/community/threads/{thread_id}/best-answer"),
        &care_contract::community::BestAnswerRequest { reply_id },
    )
    .await
    .map(drop)
}

/// A member reports a post; reporting it again changes nothing.
pub async fn report(
    request: care_contract::community::ReportRequest,
) -> Result<care_contract::community::ReportReceipt, ApiError> {
    client::post("/community/reports", &request).await
}

/// The staff's queue: held posts and reported ones, longest waiting first.
pub async fn fetch_queue(
    filter: care_contract::community::QueueFilter,
    page: u32,
) -> Result<care_contract::community::ModerationQueue, ApiError> {
    client::get(&format!(
        "/community/moderation/queue?filter={}&page={page}&per_page=20",
        filter.as_str()
    ))
    .await
}

/// The moderation log, newest first (staff).
pub async fn fetch_log(page: u32) -> Result<care_contract::community::ModerationLogPage, ApiError> {
    client::get(&format!(
        "/community/moderation/log?page={page}&per_page=30"
    ))
    .await
}

/// A staff action on a thread (hide, restore, approve, reject, lock, pin, dismiss, ...).
pub async fn moderate_thread(
    id: i64,
    request: care_contract::community::ThreadModeration,
) -> Result<care_contract::community::ModeratedPost, ApiError> {
    client::post(&format!("/community/moderation/threads/{id}"), &request).await
}

/// A staff action on a reply.
pub async fn moderate_reply(
    id: i64,
    request: care_contract::community::ReplyModeration,
) -> Result<care_contract::community::ModeratedPost, ApiError> {
    client::post(&format!("/community/moderation/replies/{id}"), &request).await
}

/// Staff adopt a suggestion in an idea call; its author earns the configured points.
pub async fn adopt(reply_id: i64) -> Result<care_contract::community::AdoptionResult, ApiError> {
    client::post(
        &format!("/community/replies/{reply_id}/adopt"),
        &care_contract::community::AdoptRequest::default(),
    )
    .await
}

/// The author's new title and body, within the edit window.
pub async fn edit_thread(id: i64, title: String, body: String) -> Result<(), ApiError> {
    client::put::<_, serde::de::IgnoredAny>(
        &format!("/community/threads/{id}"),
        &care_contract::community::EditThreadRequest { title, body },
    )
    .await
    .map(drop)
}

/// The author's new text for a reply, within the edit window.
pub async fn edit_reply(id: i64, body: String) -> Result<(), ApiError> {
    client::put::<_, serde::de::IgnoredAny>(
        &format!("/community/replies/{id}"),
        &care_contract::community::EditReplyRequest { body },
    )
    .await
    .map(drop)
}

fn post_path(post: care_contract::community::PostRef) -> String {
    let kind = match post.kind {
        care_contract::community::PostKind::Thread => "threads",
        care_contract::community::PostKind::Reply => "replies",
    };
    format!("/community/{kind}/{}", post.id)
}

/// The author deletes a post, within the edit window; the answer says until when the
/// deletion can be undone.
pub async fn delete_post(
    post: care_contract::community::PostRef,
) -> Result<care_contract::community::PostDeleted, ApiError> {
    client::delete(&post_path(post)).await
}

/// The author undoes a thread's deletion, within ten minutes of it.
pub async fn restore_thread(id: i64) -> Result<care_contract::community::ThreadDetail, ApiError> {
    let post = care_contract::community::PostRef {
        kind: care_contract::community::PostKind::Thread,
        id,
    };
    client::post(&format!("{}/restore", post_path(post)), &()).await
}

/// The author undoes a reply's deletion, within ten minutes of it.
pub async fn restore_reply(id: i64) -> Result<care_contract::community::Reply, ApiError> {
    let post = care_contract::community::PostRef {
        kind: care_contract::community::PostKind::Reply,
        id,
    };
    client::post(&format!("{}/restore", post_path(post)), &()).await
}
