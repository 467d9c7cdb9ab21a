//! The catalogue: browsing items (public) and one item.

use axum::extract::{Path, State};
use axum::Json;
use care_contract::mall::{ItemPage, ItemQuery, ItemSort, MallItem, SEARCH_MAX_CHARS};
use care_contract::ApiError;

use super::paging;
use crate::auth::sessions::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiQuery;
use crate::mall::clock::china_date;
use crate::mall::store;
use crate::state::AppState;

/// The catalogue: filter by category, search the Chinese and English names, sort, page.
/// Public; for a signed-in user each item says whether they can redeem it and why not.
#[utoipa::path(
    get,
    path = "/api/mall/items",
    tag = "mall",
    params(ItemQuery),
    responses(
        (status = 200, description = "A page of items", body = ItemPage),
        (status = 400, description = "`bad_request`: unknown category or sort, bad paging, search too long", body = ApiError),
    )
)]
pub async fn items(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiQuery(query): ApiQuery<ItemQuery>,
) -> AppResult<Json<ItemPage>> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let q = query
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_owned);
    if q.as_ref()
        .is_some_and(|q| q.chars().count() > SEARCH_MAX_CHARS)
    {
        return Err(AppError::bad_request(format!(
            "search is at most {SEARCH_MAX_CHARS} characters"
        )));
    }
    let pattern = q.map(|q| {
        let escaped = q
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let order = match query.sort.unwrap_or_default() {
        ItemSort::Popular => "redemption_count DESC, id",
        ItemSort::PriceAsc => "points ASC, id",
        ItemSort::PriceDesc => "points DESC, id",
        ItemSort::Newest => "created_at DESC, id DESC",
    };
    let user = user.map(|u| u.subscriber_id);
    let config = state.config.clone();
    let category = query.category.map(|c| c.as_str());
    let (items, total) = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            let today = china_date(config.clock.now());
            let filter =
                "(?1 IS NULL OR category = ?1) AND (?2 IS NULL OR name_zh LIKE ?2 ESCAPE '\\' \
                          OR name_en LIKE ?2 ESCAPE '\\')";
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) FROM mall_items WHERE {filter}"),
                rusqlite::params![category, pattern],
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare(&format!(
                "SELECT {} FROM mall_items WHERE {filter} ORDER BY {order} LIMIT ?3 OFFSET ?4",
                store::ITEM_COLUMNS
            ))?;
            let rows = stmt
                .query_map(
                    rusqlite::params![category, pattern, per_page, store::offset(page, per_page)],
                    store::item_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let viewer = match user {
                Some(id) => store::viewer(conn, id, today, &config.mall)?,
                None => None,
            };
            let items: Vec<MallItem> = rows
                .into_iter()
                .map(|row| store::item_view(row, viewer.as_ref(), now, &config.mall))
                .collect();
            Ok::<_, AppError>((items, total as u64))
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
    responses(
        (status = 200, description = "The item", body = MallItem),
        (status = 404, description = "`not_found`", body = ApiError),
    )
)]
pub async fn item(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<i64>,
) -> AppResult<Json<MallItem>> {
    let user = user.map(|u| u.subscriber_id);
    let config = state.config.clone();
    let item = state
        .db
        .read(move |conn| {
            let now = config.clock.now_ms();
            let row = store::item(conn, id)?.ok_or_else(AppError::not_found)?;
            let viewer = match user {
                Some(id) => store::viewer(conn, id, config.clock.today(), &config.mall)?,
                None => None,
            };
            Ok::<_, AppError>(store::item_view(row, viewer.as_ref(), now, &config.mall))
        })
        .await?;
    Ok(Json(item))
}
