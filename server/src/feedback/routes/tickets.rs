//! The subscriber's tickets: open one, list them, one in full, write, withdraw (and undo
//! that), rate.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use care_contract::feedback::{
    comment, description, message_text, rating_in_range, MessagePosted, NewMessageRequest,
    NewTicketRequest, RatingRequest, TicketCreated, TicketDetail, TicketPage, TicketQuery,
    DEFAULT_PER_PAGE, MAX_PER_PAGE,
};
use care_contract::phone::normalize_phone;
use care_contract::ApiError;
use serde_json::json;

use super::{invalid, photo_ids, read, text, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::feedback::store::{rating, tickets};
use crate::idempotency::check_key;
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// Opens a ticket, exactly once per idempotency key. A high-risk category (data leak,
/// large outage, fraud) makes it high risk whatever `high_risk` says.
#[utoipa::path(
    post,
    operation_id = "create_ticket",
    path = "/api/feedback/tickets",
    tag = "feedback",
    security(("session" = [])),
    request_body = NewTicketRequest,
    responses(
        (status = 201, description = "Opened now", body = TicketCreated),
        (status = 200, description = "This key had already opened it (`replayed: true`): the ticket as it is now", body = TicketCreated),
        (status = 400, description = "`invalid_ticket` (`details.field`: description, category, photo_ids, number_concerned), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 409, description = "`idempotency_conflict`, or `photo_unavailable`: a photo not uploaded by this subscriber or attached already", body = ApiError),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<NewTicketRequest>,
) -> Result<(StatusCode, Json<TicketCreated>), AppError> {
    check_key(&req.idempotency_key)?;
    if !req.kind.allows(req.category) {
        return Err(invalid(
            "category",
            format!(
                "a {} cannot be about {}",
                req.kind.as_str(),
                req.category.as_str()
            ),
        ));
    }
    let description = text("description", description(&req.description))?;
    photo_ids(&req.photo_ids)?;
    let number = match &req.number_concerned {
        None => None,
        Some(typed) => Some(
            normalize_phone(typed)
                .map_err(|e| invalid("number_concerned", format!("number_concerned: {e}")))?,
        ),
    };
    let fingerprint = json!({
        "kind": req.kind,
        "category": req.category,
        "description": description,
        "high_risk": req.high_risk,
        "photo_ids": req.photo_ids,
        "number": number,
        "contact_method": req.contact_method,
        "contact_window": req.contact_window,
    })
    .to_string();
    let new = tickets::NewTicket {
        kind: req.kind,
        category: req.category,
        description,
        high_risk: req.high_risk,
        photo_ids: req.photo_ids,
        number,
        contact_method: req.contact_method,
        contact_window: req.contact_window,
        key: req.idempotency_key,
        fingerprint,
    };
    let (ticket, replayed) = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        let (id, replayed) = tickets::create(conn, ctx, new)?;
        Ok((tickets::detail(conn, ctx, id)?, replayed))
    })
    .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(TicketCreated { ticket, replayed })))
}

/// The subscriber's tickets, newest first.
#[utoipa::path(
    get,
    operation_id = "my_tickets",
    path = "/api/feedback/tickets",
    tag = "feedback",
    security(("session" = [])),
    params(TicketQuery),
    responses(
        (status = 200, description = "A page of the subscriber's tickets", body = TicketPage),
        (status = 400, description = "`bad_request`: bad paging", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<TicketQuery>,
) -> Result<Json<TicketPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let answer = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        let (tickets, total) = tickets::mine(conn, ctx, page, per_page)?;
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

/// One ticket in full: its subscriber or staff (anyone else: 404).
#[utoipa::path(
    get,
    operation_id = "ticket",
    path = "/api/feedback/tickets/{id}",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The ticket", body = TicketDetail),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such ticket of this subscriber", body = ApiError),
    )
)]
pub async fn view(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TicketDetail>, AppError> {
    let detail = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        tickets::detail(conn, ctx, id)
    })
    .await?;
    Ok(Json(detail))
}

/// Writes on an open ticket (text, photos or both), exactly once per key. While staff
/// wait for the customer, it moves the ticket back to `in_progress`.
#[utoipa::path(
    post,
    operation_id = "ticket_message",
    path = "/api/feedback/tickets/{id}/messages",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    request_body = NewMessageRequest,
    responses(
        (status = 201, description = "Posted now", body = MessagePosted),
        (status = 200, description = "This key had already posted it (`replayed: true`)", body = MessagePosted),
        (status = 400, description = "`invalid_ticket` (`details.field`: text, photo_ids), `invalid_idempotency_key` or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such ticket of this subscriber", body = ApiError),
        (status = 409, description = "`ticket_not_open` (resolved, closed or withdrawn), `photo_unavailable` or `idempotency_conflict`", body = ApiError),
    )
)]
pub async fn message(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<NewMessageRequest>,
) -> Result<(StatusCode, Json<MessagePosted>), AppError> {
    check_key(&req.idempotency_key)?;
    photo_ids(&req.photo_ids)?;
    let text = match &req.text {
        Some(t) => Some(text("text", message_text(t))?),
        None if req.photo_ids.is_empty() => {
            return Err(invalid("text", "a message needs text or photos"));
        }
        None => None,
    };
    let fingerprint =
        json!({ "ticket_id": id, "text": text, "photo_ids": req.photo_ids }).to_string();
    let new = tickets::NewMessage {
        ticket_id: id,
        text,
        photo_ids: req.photo_ids,
        key: req.idempotency_key,
        fingerprint,
    };
    let answer = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        let (message_id, replayed) = tickets::post_message(conn, ctx, new)?;
        Ok(MessagePosted {
            message_id,
            ticket: tickets::detail(conn, ctx, id)?,
            replayed,
        })
    })
    .await?;
    let status = if answer.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(answer)))
}

/// Withdraws an open ticket (not once it is resolved, closed or withdrawn).
#[utoipa::path(
    post,
    operation_id = "withdraw_ticket",
    path = "/api/feedback/tickets/{id}/withdraw",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "Withdrawn", body = TicketDetail),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such ticket of this subscriber", body = ApiError),
        (status = 409, description = "`ticket_not_open`", body = ApiError),
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TicketDetail>, AppError> {
    let detail = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        tickets::withdraw(conn, ctx, id)?;
        tickets::detail(conn, ctx, id)
    })
    .await?;
    Ok(Json(detail))
}

/// Undoes the subscriber's withdrawal within `undo::UNDO_WINDOW_MINUTES` of it: the ticket
/// is back in the status it had, and its timeline says `withdrawal_undone`.
#[utoipa::path(
    post,
    operation_id = "undo_withdraw_ticket",
    path = "/api/feedback/tickets/{id}/undo-withdraw",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "Back in the status it had before the withdrawal", body = TicketDetail),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such ticket of this subscriber", body = ApiError),
        (status = 409, description = "`undo_expired`: withdrawn too long ago, or `ticket_transition_forbidden`: not withdrawn (an undo done already)", body = ApiError),
    )
)]
pub async fn undo_withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TicketDetail>, AppError> {
    let detail = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        tickets::undo_withdraw(conn, ctx, id)?;
        tickets::detail(conn, ctx, id)
    })
    .await?;
    Ok(Json(detail))
}

/// Rates a resolved ticket, once per resolution. Satisfaction 2 or lower, or not solved,
/// reopens it as a follow-up (`in_progress`, `follow_up: true`, resolved within
/// `follow_up_within_hours`); anything else closes it.
#[utoipa::path(
    post,
    operation_id = "rate_ticket",
    path = "/api/feedback/tickets/{id}/rating",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    request_body = RatingRequest,
    responses(
        (status = 200, description = "Rated: the ticket closed or reopened", body = TicketDetail),
        (status = 400, description = "`invalid_ticket` (`details.field`: satisfaction, recommend, comment) or `bad_request`", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such ticket of this subscriber", body = ApiError),
        (status = 409, description = "`rating_not_allowed`: not resolved (or rated already)", body = ApiError),
    )
)]
pub async fn rate(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<RatingRequest>,
) -> Result<Json<TicketDetail>, AppError> {
    if !rating_in_range(req.satisfaction, 0) {
        return Err(invalid("satisfaction", "satisfaction is 1 to 5"));
    }
    if !rating_in_range(1, req.recommend) {
        return Err(invalid("recommend", "recommend is 0 to 10"));
    }
    let comment = text("comment", comment(req.comment.as_deref()))?;
    let detail = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        rating::rate(
            conn,
            ctx,
            id,
            req.satisfaction,
            req.recommend,
            req.solved,
            comment,
        )?;
        tickets::detail(conn, ctx, id)
    })
    .await?;
    Ok(Json(detail))
}
