//! The catalogue: browsing items (public) and one item.

use axum::extract::State;
use axum::Json;
use care_contract::mall::{
    search_terms, ItemPage, ItemQuery, MallItem, TextRefused, SEARCH_MAX_CHARS,
};
use care_contract::ApiError;

use super::paging;
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiPath, ApiQuery};
use crate::mall::store;
use crate::mall::store::catalogue::ItemFilter;
use crate::state::AppState;

/// The catalogue: filter by category, search the Chinese and English names, sort, page.
/// Public; for a signed-in user each item says whether they can redeem it and why not.
#[utoipa::path(
    get,
    path = "/api/mall/items",
    tag = "mall",
    params(ItemQuery),
    security((), ("session" = [])),
    responses(
        (status = 200, description = "A page of items", body = ItemPage),
        (status = 400, description = "`bad_request`: unknown category or sort, bad paging, search too long", body = ApiError),
    )
)]
pub async fn items(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiQuery(query): ApiQuery<ItemQuery>,
) -> Result<Json<ItemPage>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let search = match query.q.as_deref().map(search_terms).transpose() {
        Ok(search) => search.flatten(),
        Err(TextRefused) => {
            return Err(AppError::bad_request(format!(
                "search is at most {SEARCH_MAX_CHARS} characters"
            )))
        }
    };
    let filter = ItemFilter {
        category: query.category,
        search,
        sort: query.sort.unwrap_or_default(),
        page,
        per_page,
    };
    let viewer = user.map(|u| u.subscriber_id);
    let config = state.config.clone();
    let (items, total) = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            store::catalogue::items_page(conn, &filter, viewer, now, &config.mall)
        })
        .await?;
    Ok(Json(ItemPage {
        items,
        page,
        per_page,
        total,
    }))
}

/// One item (public), with `can_redeem` and `blocked_reason` for a signed-in user.
#[utoipa::path(
    get,
    path = "/api/mall/items/{id}",
    tag = "mall",
    params(("id" = i64, Path, description = "Item id")),
    security((), ("session" = [])),
    responses(
        (status = 200, description = "The item", body = MallItem),
        (status = 404, description = "`not_found`", body = ApiError),
    )
)]
pub async fn item(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MallItem>, AppError> {
    let viewer = user.map(|u| u.subscriber_id);
    let config = state.config.clone();
    let item = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            store::catalogue::item_for(conn, id, viewer, now, &config.mall)
        })
        .await?;
    Ok(Json(item))
}
