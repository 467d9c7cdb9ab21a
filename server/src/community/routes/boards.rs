//! The boards (the community's front page) and search.

use axum::extract::State;
use axum::Json;
use care_contract::community::{
    search_text, BoardList, SearchQuery, ThreadPage, DEFAULT_PER_PAGE, MAX_PER_PAGE,
    SEARCH_MAX_CHARS,
};
use care_contract::ApiError;

use super::read;
use crate::auth::sessions::CurrentUser;
use crate::community::store;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::mall::clock::from_ms;
use crate::paging::paging;
use crate::state::AppState;

/// Every board with its thread count and latest activity, in the operator's order; for
/// staff also how many posts wait in the moderation queue.
#[utoipa::path(
    get,
    operation_id = "community_boards",
    path = "/api/community/boards",
    tag = "community",
    security((), ("session" = [])),
    responses(
        (status = 200, description = "The boards", body = BoardList),
    )
)]
pub async fn boards(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Json<BoardList>, AppError> {
    let user = user.map(|u| u.subscriber_id);
    let list = read(&state, user, store::boards::boards).await?;
    Ok(Json(list))
}

/// Published threads containing every word of `q` in the title or body, best matches
/// first. Any part of a word matches, Chinese included: words of three or more characters
/// through a trigram index, shorter ones by scanning.
#[utoipa::path(
    get,
    operation_id = "community_search",
    path = "/api/community/search",
    tag = "community",
    security((), ("session" = [])),
    params(SearchQuery),
    responses(
        (status = 200, description = "A page of matching threads", body = ThreadPage),
        (status = 400, description = "`bad_request`: `q` missing, blank or too long, or bad paging", body = ApiError),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Json<ThreadPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
    let q = search_text(&query.q).map_err(|_| {
        AppError::bad_request(format!(
            "q must be 1 to {SEARCH_MAX_CHARS} characters once trimmed"
        ))
    })?;
    let user = user.map(|u| u.subscriber_id);
    let board_id = query.board_id;
    let (threads, total, now) = read(&state, user, move |conn, ctx| {
        let (threads, total) = store::search::search(conn, ctx, &q, board_id, page, per_page)?;
        Ok((threads, total, ctx.now_ms))
    })
    .await?;
    Ok(Json(ThreadPage {
        threads,
        page,
        per_page,
        total,
        board: None,
        now: from_ms(now),
    }))
}
