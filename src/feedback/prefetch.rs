//! What each feedback page loads, started by its route while the page's code downloads
//! (`api::prefetch`, `lazy_pages`), from the same path functions the pages use. A ticket
//! is an account's, so only when the browser was signed in. In the first load: small and
//! out of line.

use super::api::{quick_rating_path, ticket_path, tickets_path};
use super::surveys::api::survey_path;
use crate::api::prefetch::prefetch;
use crate::auth::probably_signed_in;
use crate::lazy_pages::route_param;
use leptos::prelude::window;

fn plain_address() -> bool {
    window().location().search().is_ok_and(|q| q.is_empty())
}

/// The feedback tab: the first page of my tickets.
#[inline(never)]
pub fn list() {
    if probably_signed_in() && plain_address() {
        prefetch(tickets_path(1));
    }
}

/// A ticket as a text message's link opens it.
#[inline(never)]
pub fn ticket() {
    if let (Some(id), true) = (
        route_param("id").and_then(|s| s.parse::<i64>().ok()),
        probably_signed_in(),
    ) {
        prefetch(ticket_path(id));
    }
}

/// The quick-rating link: whether it can still rate.
#[inline(never)]
pub fn quick_rating() {
    if let Some(token) = route_param("token") {
        prefetch(quick_rating_path(&token));
    }
}

/// A survey as a text message's link opens it.
#[inline(never)]
pub fn survey() {
    if let (Some(id), true) = (
        route_param("id").and_then(|s| s.parse::<i64>().ok()),
        probably_signed_in(),
    ) {
        prefetch(survey_path(id));
    }
}
