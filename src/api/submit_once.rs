//! Submitting something that must happen exactly once on the backend: a redemption, a
//! donation. The idempotency key is made when the confirmation opens and travels with every
//! attempt, so a double tap, a retry after a lost answer, or a resubmission after a reload
//! can never deduct twice: the backend answers a key it has seen with the first result.
//!
//! When the answer is lost (timeout, network, a 5xx), the outcome is unknown: the state
//! says so ("being confirmed") and the same request is sent again with the same key, a few
//! times with growing pauses. After that the user can ask to confirm again.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ApiError;
use crate::drafts::SessionDraft;

/// Pauses before each automatic re-send after a lost answer, in milliseconds.
pub const CONFIRM_BACKOFF_MS: [u32; 4] = [1_000, 2_000, 4_000, 8_000];

/// Characters of an idempotency key: exactly 64, so each random byte maps evenly.
const KEY_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// Random bytes per key: 24 bytes, 144 bits, as 24 characters.
const KEY_BYTES: usize = 24;

/// Turns random bytes into a key the contract accepts (`A-Z a-z 0-9 - _`).
pub fn key_from_bytes(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| KEY_ALPHABET[usize::from(*b) % 64] as char)
        .collect()
}

/// A fresh idempotency key from the browser's cryptographic random source. A browser
/// without one (none the app supports) falls back to `Math.random`, which is still unique
/// enough to tell one confirmation from another.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0_u8; KEY_BYTES];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    key_from_bytes(&bytes)
}

/// A request kept in sessionStorage from the moment it is sent until its answer is
/// definite (a result, or a refusal). If the page reloads in between, the screen finds it
/// with [`PendingRequest::load`] and sends it again with its own key.
pub struct PendingRequest<R> {
    store: SessionDraft,
    request: std::marker::PhantomData<fn() -> R>,
}

impl<R: serde::Serialize + serde::de::DeserializeOwned> PendingRequest<R> {
    pub const fn new(storage_key: &'static str) -> Self {
        PendingRequest {
            store: SessionDraft::new(storage_key),
            request: std::marker::PhantomData,
        }
    }

    /// The request sent but not answered, if any.
    pub fn load(&self) -> Option<R> {
        self.store.load_json()
    }

    /// Sends `request` with `send`, keeping it until the answer is definite; a lost answer
    /// leaves it kept.
    pub async fn send<T, Fut>(&self, request: R, send: impl FnOnce(R) -> Fut) -> Result<T, ApiError>
    where
        Fut: Future<Output = Result<T, ApiError>>,
    {
        self.store.save_json(&request);
        let result = send(request).await;
        if !result.as_ref().is_err_and(ApiError::outcome_unknown) {
            self.store.clear();
        }
        result
    }
}

/// Where a submission stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitState<T> {
    /// Not sent (or sent and refused, then reset for another try).
    Ready,
    /// The first attempt is on its way.
    Sending,
    /// The answer was lost; the same request is being sent again with the same key.
    Confirming,
    /// Still no answer after every automatic attempt. Nothing is known to have happened
    /// twice; the user may confirm again (same key) or call the hotline.
    Unconfirmed(ApiError),
    /// The backend's answer.
    Done(T),
    /// A definite refusal (not enough points, stock gone, ...): nothing happened.
    Failed(ApiError),
}

impl<T> SubmitState<T> {
    /// A request is on its way or being confirmed: the confirm button must not send again.
    pub fn is_busy(&self) -> bool {
        matches!(self, SubmitState::Sending | SubmitState::Confirming)
    }
}

type Attempt<T> = Rc<dyn Fn(String) -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>>;

/// One exactly-once submission: its key, its state, and the request to repeat.
pub struct SubmitOnce<T: Send + Sync + 'static> {
    state: RwSignal<SubmitState<T>>,
    key: StoredValue<String>,
    attempt: StoredValue<Option<Attempt<T>>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for SubmitOnce<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for SubmitOnce<T> {}

impl<T: Clone + Send + Sync + 'static> SubmitOnce<T> {
    /// A submission with a fresh key: call this when the confirmation opens.
    pub fn new() -> Self {
        Self::with_key(new_idempotency_key())
    }

    /// A submission that carries on with a key already used (after a reload).
    pub fn with_key(key: String) -> Self {
        SubmitOnce {
            state: RwSignal::new(SubmitState::Ready),
            key: StoredValue::new(key),
            attempt: StoredValue::new_local(None),
        }
    }

    pub fn key(&self) -> String {
        self.key.get_value()
    }

    pub fn state(&self) -> Signal<SubmitState<T>> {
        self.state.into()
    }

    /// Sends `attempt(key)`, retrying with the same key while the outcome is unknown.
    /// Ignored while a request is on its way or once it succeeded: a second tap does
    /// nothing.
    pub fn submit<F, Fut>(&self, attempt: F)
    where
        F: Fn(String) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let state = self.state.get_untracked();
        if state.is_busy() || matches!(state, SubmitState::Done(_)) {
            return;
        }
        let attempt: Attempt<T> = Rc::new(move |key| Box::pin(attempt(key)));
        self.attempt.set_value(Some(attempt));
        self.drive(SubmitState::Sending);
    }

    /// After [`SubmitState::Unconfirmed`]: asks the backend again with the same key.
    pub fn confirm_again(&self) {
        if matches!(self.state.get_untracked(), SubmitState::Unconfirmed(_)) {
            self.drive(SubmitState::Confirming);
        }
    }

    /// Starts over with a new key, after a refusal, when the user changes the request.
    /// Never after a lost answer: that request may have gone through.
    pub fn reset(&self) {
        if matches!(self.state.get_untracked(), SubmitState::Failed(_)) {
            self.key.set_value(new_idempotency_key());
            self.state.set(SubmitState::Ready);
        }
    }

    fn drive(self, first: SubmitState<T>) {
        let Some(attempt) = self.attempt.get_value() else {
            return;
        };
        self.state.set(first);
        spawn_local(async move {
            let mut pauses = CONFIRM_BACKOFF_MS.into_iter();
            let outcome = loop {
                let key = match self.key.try_get_value() {
                    Some(key) => key,
                    None => return, // the page was left: nothing to update
                };
                match attempt(key).await {
                    Ok(value) => break SubmitState::Done(value),
                    Err(error) if error.outcome_unknown() => match pauses.next() {
                        Some(ms) => {
                            if self.state.try_set(SubmitState::Confirming).is_some() {
                                return;
                            }
                            TimeoutFuture::new(ms).await;
                        }
                        None => break SubmitState::Unconfirmed(error),
                    },
                    Err(error) => break SubmitState::Failed(error),
                }
            };
            let _ = self.state.try_set(outcome);
        });
    }
}

impl<T: Clone + Send + Sync + 'static> Default for SubmitOnce<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::mall::is_valid_idempotency_key;

    #[test]
    fn keys_are_what_the_contract_accepts() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(KEY_BYTES) {
            let key = key_from_bytes(chunk);
            if chunk.len() == KEY_BYTES {
                assert!(is_valid_idempotency_key(&key), "{key}");
            }
        }
        assert_eq!(key_from_bytes(&[0, 63, 64, 255]), "A_A_");
    }

    #[test]
    fn only_lost_answers_are_busy_states() {
        assert!(SubmitState::<()>::Sending.is_busy());
        assert!(SubmitState::<()>::Confirming.is_busy());
        assert!(!SubmitState::<()>::Failed(ApiError::Network).is_busy());
        assert!(!SubmitState::Done(()).is_busy());
    }
}
