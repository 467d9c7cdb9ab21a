//! The mall's handlers under `/api/mall`. Browsing the catalogue and charity projects is
//! public (items then say `sign_in_required`); everything else needs a session.

use care_contract::mall::{is_valid_idempotency_key, DEFAULT_PER_PAGE, MAX_PER_PAGE};
use care_contract::ErrorCode;

use crate::error::AppError;

mod address;
mod catalogue;
mod charity;
mod orders;
mod points;
mod test_clock;
mod test_subscribers;

pub use address::*;
pub use catalogue::*;
pub use charity::*;
pub use orders::*;
pub use points::*;
pub use test_clock::*;
pub use test_subscribers::*;

fn paging(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32), AppError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if page == 0 {
        return Err(AppError::bad_request("page starts at 1"));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(AppError::bad_request(format!(
            "per_page must be 1 to {MAX_PER_PAGE}"
        )));
    }
    Ok((page, per_page))
}

fn check_key(key: &str) -> Result<(), AppError> {
    if is_valid_idempotency_key(key) {
        Ok(())
    } else {
        Err(AppError::new(
            ErrorCode::InvalidIdempotencyKey,
            "idempotency_key must be 16-64 characters of A-Z a-z 0-9 - _",
        ))
    }
}
