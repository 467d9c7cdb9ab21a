//! What each mall page loads, started by its route while the page's code downloads
//! (`api::prefetch`, `lazy_pages`). Each names the same paths the page then asks for,
//! from the same path functions; an account's data only when the browser was signed in.
//! They are in the first load (the router calls them), so each is kept small and out of
//! line.

use super::api::{item_path, ledger_path, SUMMARY_PATH};
use super::charity::api::PROJECTS_PATH;
use super::orders::api::{order_path, orders_path};
use crate::api::prefetch::prefetch;
use crate::auth::probably_signed_in;
use crate::lazy_pages::route_param;
use leptos::prelude::window;

fn id() -> Option<i64> {
    route_param("id")?.parse().ok()
}

fn summary_if_signed_in() {
    if probably_signed_in() {
        prefetch(SUMMARY_PATH.to_owned());
    }
}

/// The mall as a link opens it, with no category, search or page chosen.
#[inline(never)]
pub fn mall() {
    summary_if_signed_in();
    let plain = window().location().search().is_ok_and(|q| q.is_empty());
    if plain {
        prefetch(FIRST_CATALOGUE_PAGE.to_owned());
    }
}

/// The catalogue's first page as `CatalogueQuery::default().api_path()` writes it (a test
/// holds them equal); written out so the first load need not carry the query's code.
pub const FIRST_CATALOGUE_PAGE: &str = "/mall/items?sort=popular&page=1&per_page=20";

#[inline(never)]
pub fn item() {
    if let Some(id) = id() {
        prefetch(item_path(id));
        summary_if_signed_in();
    }
}

#[inline(never)]
pub fn ledger() {
    if probably_signed_in() {
        prefetch(ledger_path(None, 1));
    }
}

#[inline(never)]
pub fn orders() {
    if probably_signed_in() {
        prefetch(orders_path(1));
    }
}

#[inline(never)]
pub fn order() {
    if let (Some(id), true) = (id(), probably_signed_in()) {
        prefetch(order_path(id));
    }
}

#[inline(never)]
pub fn donate() {
    if probably_signed_in() {
        prefetch(PROJECTS_PATH.to_owned());
        prefetch(SUMMARY_PATH.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mall::catalogue::query::CatalogueQuery;

    #[test]
    fn the_mall_prefetches_the_page_the_catalogue_asks_for() {
        let first = CatalogueQuery {
            page: 1,
            ..Default::default()
        };
        assert_eq!(first.api_path(), FIRST_CATALOGUE_PAGE);
    }
}
