//! Staff's queue and actions: accept (hold), reply, ask the customer, resolve.

use axum::extract::State;
use axum::Json;
use care_contract::feedback::{
    message_text, resolve_note, ResolveRequest, StaffMessageRequest, StaffTicketResult, TicketPage,
    TicketQuery, DEFAULT_PER_PAGE, MAX_PER_PAGE,
};
use care_contract::ApiError;

use super::{read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::feedback::store::rules::StaffAction;
use crate::feedback::store::{rating, tickets};
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// Open tickets by their next deadline, overdue first; those waiting for the customer
/// last.
#[utoipa::path(
    get,
    operation_id = "staff_ticket_queue",
    path = "/api/staff/feedback/tickets",
    tag = "feedback",
    security(("session" = [])),
    params(TicketQuery),
    responses(
        (status = 200, description = "A page of the queue", body = TicketPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<TicketQuery>,
) -> Result<Json<TicketPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let answer = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        let (tickets, total) = tickets::queue(conn, ctx, page, per_page)?;
        Ok(TicketPage {
            tickets,
            page,
            per_page,
            total,
            now: from_ms(ctx.now_ms),
        })
    })
    .await?;
    Ok(Json(answer))
}

async fn act(
    state: &AppState,
    user: CurrentUser,
    id: i64,
    action: StaffAction,
    note: Option<String>,
) -> Result<Json<StaffTicketResult>, AppError> {
    let answer = write(state, Some(user.subscriber_id), move |conn, ctx| {
        let token = tickets::staff_act(conn, ctx, id, action, note.as_deref())?;
        Ok(StaffTicketResult {
            ticket: tickets::detail(conn, ctx, id)?,
            rate_link: token.as_deref().map(rating::link),
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Takes a submitted ticket: the staff member holds it (`accepted`).
#[utoipa::path(
    post,
    operation_id = "staff_accept_ticket",
    path = "/api/staff/feedback/tickets/{id}/accept",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "Accepted", body = StaffTicketResult),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`ticket_transition_forbidden`: not submitted", body = ApiError),
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<StaffTicketResult>, AppError> {
    act(&state, user, id, StaffAction::Accept, None).await
}

/// Replies to the customer (`in_progress`).
#[utoipa::path(
    post,
    operation_id = "staff_reply_ticket",
    path = "/api/staff/feedback/tickets/{id}/reply",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    request_body = StaffMessageRequest,
    responses(
        (status = 200, description = "Replied", body = StaffTicketResult),
        (status = 400, description = "`invalid_ticket` (`details.field`: text) or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`ticket_transition_forbidden`: not accepted, in progress or waiting", body = ApiError),
    )
)]
pub async fn reply(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<StaffMessageRequest>,
) -> Result<Json<StaffTicketResult>, AppError> {
    let t = text("text", message_text(&req.text))?;
    act(&state, user, id, StaffAction::Reply, Some(t)).await
}

/// Asks the customer something (`waiting_for_customer` until they write).
#[utoipa::path(
    post,
    operation_id = "staff_ask_ticket",
    path = "/api/staff/feedback/tickets/{id}/ask",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    request_body = StaffMessageRequest,
    responses(
        (status = 200, description = "Asked", body = StaffTicketResult),
        (status = 400, description = "`invalid_ticket` (`details.field`: text) or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`ticket_transition_forbidden`: not accepted, in progress or waiting", body = ApiError),
    )
)]
pub async fn ask(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<StaffMessageRequest>,
) -> Result<Json<StaffTicketResult>, AppError> {
    let t = text("text", message_text(&req.text))?;
    act(&state, user, id, StaffAction::Ask, Some(t)).await
}

/// Resolves the ticket with a note, and makes its quick-rating link (`rate_link`, shown
/// only here, to send the customer).
#[utoipa::path(
    post,
    operation_id = "staff_resolve_ticket",
    path = "/api/staff/feedback/tickets/{id}/resolve",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    request_body = ResolveRequest,
    responses(
        (status = 200, description = "Resolved; `rate_link` is the quick-rating link", body = StaffTicketResult),
        (status = 400, description = "`invalid_ticket` (`details.field`: note) or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 403, description = "`forbidden`: staff only", body = ApiError),
        (status = 404, description = "`not_found`", body = ApiError),
        (status = 409, description = "`ticket_transition_forbidden`: not accepted, in progress or waiting", body = ApiError),
    )
)]
pub async fn resolve(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<ResolveRequest>,
) -> Result<Json<StaffTicketResult>, AppError> {
    let note = text("note", resolve_note(&req.note))?;
    act(&state, user, id, StaffAction::Resolve, Some(note)).await
}
