//! The one place that talks HTTP. Everything above it sees typed values or [`ApiError`].

use std::cell::Cell;
use std::rc::Rc;

use care_contract::ErrorCode;
use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::callback::Timeout;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde::Serialize;
use web_sys::AbortController;

use super::config::{api_base, api_url};
use super::{ApiError, Details};

/// A slow 4G phone gets this long for a whole request, body included.
pub const REQUEST_TIMEOUT_MS: u32 = 10_000;

/// Aborts the request when dropped: when its future is dropped, and (through `on_cleanup`)
/// when the reactive owner that started it is disposed, such as a page navigated away from.
struct Abort(AbortController);

impl Drop for Abort {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A GET; picks up the answer of a request for the same path that the page's route
/// started while the page's code was loading (`api::prefetch`).
pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let text = match super::prefetch::take(path) {
        Some(pending) => pending.await,
        None => send(Request::get(&api_url(&api_base().await, path)), None, true).await,
    };
    decode(&checked(text)?)
}

/// A GET's body that nobody waits for yet, not tied to a page (`api::prefetch`).
pub(crate) async fn get_text_detached(path: &str) -> Result<String, ApiError> {
    send(Request::get(&api_url(&api_base().await, path)), None, false).await
}

pub(crate) async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::Decode)?;
    let text = send(
        Request::post(&api_url(&api_base().await, path)),
        Some(json),
        true,
    )
    .await;
    decode(&checked(text)?)
}

/// A PUT: setting something to a value (a vote, a best answer), safe to send again.
pub(crate) async fn put<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::Decode)?;
    let text = send(
        Request::put(&api_url(&api_base().await, path)),
        Some(json),
        true,
    )
    .await;
    decode(&checked(text)?)
}

/// A DELETE whose answer says what was done (a deleted post and until when it can be
/// undone).
pub(crate) async fn delete<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let text = send(
        Request::delete(&api_url(&api_base().await, path)),
        None,
        true,
    )
    .await;
    decode(&checked(text)?)
}

/// A DELETE whose success has no body (204).
pub(crate) async fn delete_no_content(path: &str) -> Result<(), ApiError> {
    checked(
        send(
            Request::delete(&api_url(&api_base().await, path)),
            None,
            true,
        )
        .await,
    )
    .map(drop)
}

/// A POST whose success has no body (204).
pub(crate) async fn post_no_content(path: &str) -> Result<(), ApiError> {
    checked(send(Request::post(&api_url(&api_base().await, path)), None, true).await).map(drop)
}

/// Every answer passes here on its way to the caller: a 401 `unauthenticated` is the
/// session rule's business (`api::session_ended`), wherever it comes from.
pub(crate) fn checked(answer: Result<String, ApiError>) -> Result<String, ApiError> {
    if answer.as_ref().is_err_and(ApiError::is_unauthenticated) {
        super::session_ended::report();
    }
    answer
}

pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::Decode)
}

/// Sends a request and returns the body of a 2xx answer, within the time limit. Tied to
/// the reactive owner, it is aborted when the owner (a page) goes away.
async fn send(
    builder: RequestBuilder,
    json_body: Option<String>,
    tie_to_owner: bool,
) -> Result<String, ApiError> {
    // Each holder has its own handle to the same JS controller.
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    let _abort_on_drop = Abort(controller.clone());
    if tie_to_owner {
        let on_owner_cleanup = SendWrapper::new(controller.clone());
        on_cleanup(move || on_owner_cleanup.abort());
    }

    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let timed_out = Rc::clone(&timed_out);
        Timeout::new(REQUEST_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = |_| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };

    let builder = builder
        .abort_signal(Some(&signal))
        .header("Accept", "application/json");
    let request = match json_body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;
    let response = request.send().await.map_err(failed)?;
    let text = response.text().await.map_err(failed)?;
    if response.ok() {
        Ok(text)
    } else {
        Err(error_from(response.status(), &text))
    }
}

/// The error an answer with a failing `status` and its body stand for.
pub(crate) fn error_from(status: u16, text: &str) -> ApiError {
    match serde_json::from_str::<ErrorHead>(text) {
        Ok(head) => ApiError::Http {
            status,
            code: head.code,
            retry_after_secs: head.retry_after_secs,
            details: head.has_details.then(|| Details::from_body(text)),
        },
        // A proxy's HTML error page, or an empty body: keep the status, guess the code.
        Err(_) => ApiError::Http {
            status,
            code: match status {
                401 => ErrorCode::Unauthenticated,
                403 => ErrorCode::Forbidden,
                404 => ErrorCode::NotFound,
                429 => ErrorCode::RateLimited,
                _ => ErrorCode::Internal,
            },
            retry_after_secs: None,
            details: None,
        },
    }
}

/// What every error answer is read for at once: the contract's error body
/// (`care_contract::ApiError`) without its details, which wait in [`Details`] for the
/// screens that say them.
#[derive(serde::Deserialize)]
struct ErrorHead {
    code: ErrorCode,
    #[serde(default)]
    retry_after_secs: Option<u32>,
    #[serde(default, rename = "details", deserialize_with = "present")]
    has_details: bool,
}

/// Whether a field is there, without reading it.
fn present<'de, D: serde::Deserializer<'de>>(field: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(field).map(|_| true)
}
