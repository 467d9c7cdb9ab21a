//! The care inbox: list (delivering today's moments first), read, read all, claim a gift.

use axum::extract::State;
use axum::Json;
use care_contract::care::{
    CareMessage, GiftClaimed, InboxPage, InboxQuery, ReadAllResult, DEFAULT_PER_PAGE, MAX_PER_PAGE,
};
use care_contract::ApiError;

use super::write;
use crate::auth::sessions::CurrentUser;
use crate::care::store::{deliver, gifts, inbox};
use crate::error::AppError;
use crate::extract::{ApiPath, ApiQuery};
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// The subscriber's care messages, newest first, after delivering today's moments.
#[utoipa::path(
    get,
    operation_id = "care_inbox",
    path = "/api/care/inbox",
    tag = "care",
    security(("session" = [])),
    params(InboxQuery),
    responses(
        (status = 200, description = "A page of the subscriber's messages and the unread count", body = InboxPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<InboxQuery>,
) -> Result<Json<InboxPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let who = user.subscriber_id;
    let answer = write(&state, move |conn, config, now_ms| {
        deliver::deliver_moments(conn, who, from_ms(now_ms), &config.care)?;
        let (messages, total) = inbox::page(conn, who, page, per_page)?;
        Ok(InboxPage {
            messages,
            page,
            per_page,
            total,
            unread: inbox::unread(conn, who)?,
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Marks one message read (reading it again keeps the first time).
#[utoipa::path(
    post,
    operation_id = "care_read",
    path = "/api/care/inbox/{id}/read",
    tag = "care",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Message id")),
    responses(
        (status = 200, description = "The message, read", body = CareMessage),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such message of this subscriber", body = ApiError),
    )
)]
pub async fn read(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CareMessage>, AppError> {
    let who = user.subscriber_id;
    let message = write(&state, move |conn, _, now_ms| {
        inbox::mark_read(conn, who, id, now_ms)
    })
    .await?;
    Ok(Json(message))
}

/// Marks every message read.
#[utoipa::path(
    post,
    operation_id = "care_read_all",
    path = "/api/care/inbox/read-all",
    tag = "care",
    security(("session" = [])),
    responses(
        (status = 200, description = "How many messages this marked", body = ReadAllResult),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn read_all(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<ReadAllResult>, AppError> {
    let who = user.subscriber_id;
    let marked = write(&state, move |conn, _, now_ms| {
        inbox::mark_all_read(conn, who, now_ms)
    })
    .await?;
    Ok(Json(ReadAllResult { marked }))
}

/// Claims the message's gift into the points ledger, exactly once: a repeat (a double
/// tap, a retry, two at once) answers the first claim with `claimed_now: false`.
#[utoipa::path(
    post,
    operation_id = "care_claim",
    path = "/api/care/inbox/{id}/claim",
    tag = "care",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Message id")),
    responses(
        (status = 200, description = "The claim (made now or earlier)", body = GiftClaimed),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such message of this subscriber", body = ApiError),
        (status = 409, description = "`no_gift`: the message has none; `gift_expired`: its claim window has passed", body = ApiError),
    )
)]
pub async fn claim(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<GiftClaimed>, AppError> {
    let who = user.subscriber_id;
    let claimed = write(&state, move |conn, config, now_ms| {
        gifts::claim(conn, who, id, now_ms, &config.mall)
    })
    .await?;
    Ok(Json(claimed))
}
