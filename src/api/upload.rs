//! Uploading a file with progress. `fetch` cannot report how much of a request body has
//! gone out, so this one call uses XMLHttpRequest; everything else about it is the
//! client's: the API base, the 401 rule, the contract's error body, a time limit and an
//! abort when the page that started it goes away.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

use super::client::{checked, decode, error_from};
use super::config::{api_base, api_url};
use super::ApiError;

/// A photo of a few hundred KB on a slow 3G link (50 KB/s) takes several seconds; a
/// minute is the most a user should wait before being told.
pub const UPLOAD_TIMEOUT_MS: u32 = 60_000;

/// How far an upload has got, in percent of its body.
pub fn percent(loaded: f64, total: f64) -> u8 {
    if total <= 0.0 || !loaded.is_finite() || !total.is_finite() {
        return 0;
    }
    (loaded / total * 100.0).clamp(0.0, 100.0).round() as u8
}

/// POSTs `body` as it is (its own content type), calling `on_progress` with the percent
/// sent, and decodes the JSON answer.
pub(crate) async fn post_blob<T: DeserializeOwned>(
    path: &str,
    body: &Blob,
    on_progress: impl Fn(u8) + 'static,
) -> Result<T, ApiError> {
    let url = api_url(&api_base().await, path);
    let answer = send(&url, body, on_progress).await;
    decode(&checked(answer)?)
}

/// The request's listeners, kept alive while it runs and dropped with it.
struct Listeners {
    _progress: Closure<dyn FnMut(ProgressEvent)>,
    _finished: Closure<dyn FnMut(ProgressEvent)>,
    _timeout: Closure<dyn FnMut()>,
}

/// Aborts the request when dropped: when its future is dropped (the page went away).
struct Abort(XmlHttpRequest);

impl Drop for Abort {
    fn drop(&mut self) {
        // Harmless once the request has finished.
        let _ = self.0.abort();
    }
}

async fn send(
    url: &str,
    body: &Blob,
    on_progress: impl Fn(u8) + 'static,
) -> Result<String, ApiError> {
    let xhr = XmlHttpRequest::new().map_err(|_| ApiError::Network)?;
    xhr.open_with_async("POST", url, true)
        .map_err(|_| ApiError::Network)?;
    xhr.set_timeout(UPLOAD_TIMEOUT_MS);
    let _ = xhr.set_request_header("Accept", "application/json");
    let content_type = body.type_();
    if !content_type.is_empty() {
        let _ = xhr.set_request_header("Content-Type", &content_type);
    }

    let (done, finished) = oneshot::channel::<String>();
    let done = Rc::new(RefCell::new(Some(done)));
    let on_finished = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if let Some(done) = done.borrow_mut().take() {
            let _ = done.send(event.type_());
        }
    });
    let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() {
            on_progress(percent(event.loaded(), event.total()));
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // `loadend` comes once after load, error, timeout or abort; a timeout is told apart by
    // its own flag, the rest by the status.
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let timed_out = Rc::clone(&timed_out);
        Closure::<dyn FnMut()>::new(move || timed_out.set(true))
    };
    xhr.set_ontimeout(Some(on_timeout.as_ref().unchecked_ref()));
    xhr.set_onloadend(Some(on_finished.as_ref().unchecked_ref()));
    let _listeners = Listeners {
        _progress: progress,
        _finished: on_finished,
        _timeout: on_timeout,
    };
    let _abort_on_drop = Abort(xhr.clone());
    {
        let on_owner_cleanup = SendWrapper::new(xhr.clone());
        on_cleanup(move || {
            let _ = on_owner_cleanup.abort();
        });
    }

    xhr.send_with_opt_blob(Some(body))
        .map_err(|_| ApiError::Network)?;
    let _ = finished.await;
    if timed_out.get() {
        return Err(ApiError::Timeout);
    }
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    match status {
        0 => Err(ApiError::Network),
        200..=299 => Ok(text),
        _ => Err(error_from(status, &text)),
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn progress_is_a_whole_percent_within_bounds() {
        assert_eq!(percent(0.0, 1000.0), 0);
        assert_eq!(percent(333.0, 1000.0), 33);
        assert_eq!(percent(1000.0, 1000.0), 100);
        assert_eq!(percent(1200.0, 1000.0), 100);
    }

    #[test]
    fn an_unknown_total_is_no_progress() {
        assert_eq!(percent(500.0, 0.0), 0);
        assert_eq!(percent(f64::NAN, 100.0), 0);
    }
}
