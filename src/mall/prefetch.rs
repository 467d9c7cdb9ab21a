//! What each mall page loads, started by its route while the page's code downloads
//! (`api::prefetch`, `lazy_pages`). Each names the same paths the page then asks for,
//! from the same path functions; an account's data only when the browser was signed in.

use leptos_router::params::ParamsMap;

use super::api::{item_path, ledger_path, SUMMARY_PATH};
use super::catalogue::query::CatalogueQuery;
use super::charity::api::PROJECTS_PATH;
use super::orders::api::{order_path, orders_path};
use crate::api::prefetch::prefetch;
use crate::auth::probably_signed_in;

fn id(params: &ParamsMap) -> Option<i64> {
    params.get("id")?.parse().ok()
}

fn summary_if_signed_in() {
    if probably_signed_in() {
        prefetch(SUMMARY_PATH.to_owned());
    }
}

pub fn mall(_: &ParamsMap, query: &ParamsMap) {
    summary_if_signed_in();
    let catalogue = CatalogueQuery::from_params(|k| query.get(k));
    if catalogue.category != Some(care_contract::mall::ItemCategory::Charity) {
        prefetch(catalogue.api_path());
    }
}

pub fn item(params: &ParamsMap, _: &ParamsMap) {
    if let Some(id) = id(params) {
        prefetch(item_path(id));
        summary_if_signed_in();
    }
}

pub fn ledger(_: &ParamsMap, _: &ParamsMap) {
    if probably_signed_in() {
        prefetch(ledger_path(None, 1));
    }
}

pub fn orders(_: &ParamsMap, _: &ParamsMap) {
    if probably_signed_in() {
        prefetch(orders_path(1));
    }
}

pub fn order(params: &ParamsMap, _: &ParamsMap) {
    if let (Some(id), true) = (id(params), probably_signed_in()) {
        prefetch(order_path(id));
    }
}

pub fn donate(_: &ParamsMap, _: &ParamsMap) {
    if probably_signed_in() {
        prefetch(PROJECTS_PATH.to_owned());
        prefetch(SUMMARY_PATH.to_owned());
    }
}
