//! Requests started before their page's code has arrived. Opened straight from a link (an
//! item in a text message), a page's code comes as its own file after the main one; the
//! route starts the page's GETs at once instead (`lazy_pages`), and the page's own call
//! for the same path picks up the answer already on its way, so the data and the code
//! download side by side instead of one after the other.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::task::spawn_local;

use super::ApiError;

/// After this long a prefetched answer is not used: the page asks afresh.
const FRESH_MS: f64 = 15_000.0;

/// One started request: its answer once it came, and who waits for it. A slot has one
/// reader (the page's own call), so no shared-future machinery is needed.
#[derive(Default)]
struct Slot {
    answer: Option<Result<String, ApiError>>,
    waiting: Option<Waker>,
}

/// A request on its way: its path, when it started (ms) and its slot.
struct Started {
    path: String,
    at: f64,
    slot: Rc<RefCell<Slot>>,
}

thread_local! {
    static STARTED: RefCell<Vec<Started>> = const { RefCell::new(Vec::new()) };
}

/// Starts `GET path` now and keeps its answer for the page's own call.
pub fn prefetch(path: String) {
    let now = js_sys::Date::now();
    let slot = Rc::new(RefCell::new(Slot::default()));
    STARTED.with(|s| {
        let mut started = s.borrow_mut();
        started.retain(|s| s.path != path && now - s.at < FRESH_MS);
        started.push(Started {
            path: path.clone(),
            at: now,
            slot: Rc::clone(&slot),
        });
    });
    spawn_local(async move {
        let answer = super::client::get_text_detached(&path).await;
        let mut slot = slot.borrow_mut();
        slot.answer = Some(answer);
        if let Some(waker) = slot.waiting.take() {
            waker.wake();
        }
    });
}

/// The answer to the request for `path` started by [`prefetch`], once, while fresh.
pub(crate) fn take(path: &str) -> Option<impl Future<Output = Result<String, ApiError>>> {
    let now = js_sys::Date::now();
    let slot = STARTED.with(|s| {
        let mut started = s.borrow_mut();
        let i = started.iter().position(|s| s.path == path)?;
        let found = started.swap_remove(i);
        (now - found.at < FRESH_MS).then_some(found.slot)
    })?;
    Some(std::future::poll_fn(move |cx| {
        let mut slot = slot.borrow_mut();
        match slot.answer.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                slot.waiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }))
}
