//! Requests started before their page's code has arrived. Opened straight from a link (an
//! item in a text message), a page's code comes as its own file after the main one; the
//! route starts the page's GETs at once instead (`lazy_pages`), and the page's own call
//! for the same path picks up the answer already on its way, so the data and the code
//! download side by side instead of one after the other.

use std::cell::RefCell;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::task::spawn_local;

use super::ApiError;

/// A started request's body, awaitable by whoever takes it.
pub(crate) type Pending = Shared<LocalBoxFuture<'static, Result<String, ApiError>>>;

/// After this long a prefetched answer is not used: the page asks afresh.
const FRESH_MS: f64 = 15_000.0;

thread_local! {
    /// (path, when it started in ms, the answer on its way)
    static STARTED: RefCell<Vec<(String, f64, Pending)>> = const { RefCell::new(Vec::new()) };
}

/// Starts `GET path` now and keeps its answer for the page's own call.
pub fn prefetch(path: String) {
    let now = js_sys::Date::now();
    let request = {
        let path = path.clone();
        async move { super::client::get_text_detached(&path).await }
            .boxed_local()
            .shared()
    };
    STARTED.with(|s| {
        let mut started = s.borrow_mut();
        started.retain(|(p, at, _)| *p != path && now - at < FRESH_MS);
        started.push((path, now, request.clone()));
    });
    // Driven from here, so it runs even before anyone awaits it.
    spawn_local(request.map(drop));
}

/// The request for `path` started by [`prefetch`], once, while fresh.
pub(crate) fn take(path: &str) -> Option<Pending> {
    let now = js_sys::Date::now();
    STARTED.with(|s| {
        let mut started = s.borrow_mut();
        let i = started.iter().position(|(p, _, _)| p == path)?;
        let (_, at, pending) = started.swap_remove(i);
        (now - at < FRESH_MS).then_some(pending)
    })
}
