//! What each community page loads, started by its route while the page's code downloads
//! (`api::prefetch`, `lazy_pages`), from the same paths the pages ask for. Reading needs no
//! account. They are in the first load, so each is small and out of line: a link with a
//! query (a board, a page) waits for the page's code instead of carrying the query's here.

use super::api::{thread_path, BOARDS_PATH};
use crate::api::prefetch::prefetch;
use crate::lazy_pages::route_param;
use leptos::prelude::window;

fn plain_address() -> bool {
    window().location().search().is_ok_and(|q| q.is_empty())
}

/// The list `ListQuery::default()` asks for (a test holds them equal).
pub const FIRST_THREADS_PAGE: &str = "/community/threads?sort=hot&page=1&per_page=20";

/// The community as a link opens it: the boards, and every board's threads, hot first.
#[inline(never)]
pub fn list() {
    prefetch(BOARDS_PATH.to_owned());
    if plain_address() {
        prefetch(FIRST_THREADS_PAGE.to_owned());
    }
}

/// A thread as a text message's link opens it: the thread and its first replies.
#[inline(never)]
pub fn thread() {
    if let (Some(id), true) = (
        route_param("id").and_then(|s| s.parse().ok()),
        plain_address(),
    ) {
        prefetch(thread_path(id, 1));
    }
}

#[cfg(test)]
mod tests {
    use super::super::query::ListQuery;
    use super::*;

    #[test]
    fn the_prefetched_list_is_the_one_the_page_asks_for() {
        let first = ListQuery {
            page: 1,
            ..ListQuery::default()
        };
        assert_eq!(first.api_path(), FIRST_THREADS_PAGE);
    }
}
