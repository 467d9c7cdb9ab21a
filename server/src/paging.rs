//! `page` and `per_page` of a list request, checked the same way for every list.

use crate::error::AppError;

/// Page (from 1, default 1) and page size (1 to `max`, default `default`).
pub fn paging(
    page: Option<u32>,
    per_page: Option<u32>,
    default: u32,
    max: u32,
) -> Result<(u32, u32), AppError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(default);
    if page == 0 {
        return Err(AppError::bad_request("page starts at 1"));
    }
    if per_page == 0 || per_page > max {
        return Err(AppError::bad_request(format!(
            "per_page must be 1 to {max}"
        )));
    }
    Ok((page, per_page))
}
