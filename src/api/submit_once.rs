//! Submitting something that must happen exactly once on the backend: a redemption, a
//! donation, and next a post, a ticket, a survey. One shape for all of them:
//!
//! - The confirmation (the screen with the final "send" button) opens a [`SubmitOnce`]
//!   with [`SubmitOnce::open`]: that makes the idempotency key. The key travels with every
//!   attempt, so a double tap, a retry after a lost answer or a resubmission after a reload
//!   can never happen twice: the backend answers a key it has seen with the first result.
//! - While a request is on its way it is kept in sessionStorage; if the page reloads in
//!   between, `open` finds it and sends it again with its own key.
//!   [`SubmitOnce::interrupted`] tells the parent screen to open the confirmation for it.
//! - A lost answer (timeout, network, a 5xx) means the outcome is unknown: the state says
//!   so ("being confirmed") and the same request goes again with the same key, a few times
//!   with growing pauses; after that the user can ask to confirm again.
//! - A refusal is definite (nothing happened): the state says why, and the next tap is a
//!   new request with a new key.
//!
//! Copy `mall/charity/confirm.rs` for a new one.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ApiError;
use crate::drafts::Draft;
use serde::de::DeserializeOwned;
use serde::Serialize;

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

/// A request that carries its idempotency key.
pub trait Idempotent {
    fn key(&self) -> &str;
    fn with_key(self, key: String) -> Self;
}

/// The contract's requests that carry an `idempotency_key` field.
macro_rules! idempotent {
    ($($request:ty),*) => {$(
        impl Idempotent for $request {
            fn key(&self) -> &str {
                &self.idempotency_key
            }
            fn with_key(self, idempotency_key: String) -> Self {
                Self { idempotency_key, ..self }
            }
        }
    )*};
}

idempotent!(
    care_contract::mall::RedemptionRequest,
    care_contract::mall::DonationRequest,
    care_contract::community::CreateThreadRequest,
    care_contract::feedback::NewTicketRequest,
    care_contract::me::NewFamilyContact,
    care_contract::me::NewCallbackRequest
);

/// Where a submission stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitState<T> {
    /// Not sent yet.
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
    /// A definite refusal (not enough points, stock gone, ...): nothing happened, and the
    /// next submit is a new request with a new key.
    Failed(ApiError),
}

impl<T> SubmitState<T> {
    /// A request is on its way or being confirmed: the confirm button must not send again.
    pub fn is_busy(&self) -> bool {
        matches!(self, SubmitState::Sending | SubmitState::Confirming)
    }

    /// Something may have gone through (on its way, or its answer lost): the user must not
    /// change the request or leave the confirmation as if nothing was sent.
    pub fn may_have_happened(&self) -> bool {
        matches!(
            self,
            SubmitState::Sending | SubmitState::Confirming | SubmitState::Unconfirmed(_)
        )
    }
}

type Attempt<R, T> = Rc<dyn Fn(R) -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>>;

/// One exactly-once submission: its key, its state, the request on its way and where it is
/// kept over a reload.
pub struct SubmitOnce<R: 'static, T: Send + Sync + 'static> {
    state: RwSignal<SubmitState<T>>,
    key: StoredValue<String>,
    request: StoredValue<Option<R>, LocalStorage>,
    send: StoredValue<Attempt<R, T>, LocalStorage>,
    kept: &'static str,
}

impl<R: 'static, T: Send + Sync + 'static> Clone for SubmitOnce<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: 'static, T: Send + Sync + 'static> Copy for SubmitOnce<R, T> {}

impl<R, T> SubmitOnce<R, T>
where
    R: Idempotent + Clone + Serialize + DeserializeOwned + 'static,
    T: Clone + Send + Sync + 'static,
{
    /// The request a reload interrupted, if it `is_ours`: open its confirmation again, and
    /// `open` will carry on with it.
    pub fn interrupted(kept: &'static str, is_ours: impl Fn(&R) -> bool) -> Option<R> {
        Draft::for_the_tab(kept)
            .load_json::<R>()
            .filter(|r| is_ours(r))
    }

    /// Call when the confirmation opens. `kept` is the sessionStorage key (versioned, one
    /// per kind of request); `send` makes one attempt. If a reload interrupted a request that
    /// `is_ours`, it is sent again at once with its own key.
    pub fn open<F, Fut>(kept: &'static str, send: F, is_ours: impl Fn(&R) -> bool) -> Self
    where
        F: Fn(R) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let send: Attempt<R, T> = Rc::new(move |request| Box::pin(send(request)));
        let interrupted = Self::interrupted(kept, is_ours);
        let submit = SubmitOnce {
            state: RwSignal::new(SubmitState::Ready),
            key: StoredValue::new(
                interrupted
                    .as_ref()
                    .map_or_else(new_idempotency_key, |r| r.key().to_owned()),
            ),
            request: StoredValue::new_local(None),
            send: StoredValue::new_local(send),
            kept,
        };
        if let Some(request) = interrupted {
            submit.submit(request);
        }
        submit
    }

    pub fn key(&self) -> String {
        self.key.get_value()
    }

    pub fn state(&self) -> Signal<SubmitState<T>> {
        self.state.into()
    }

    /// Sends `request` under this submission's key, retrying with the same key while the
    /// outcome is unknown. Ignored while a request is on its way, after its answer was
    /// lost, or once it succeeded: a second tap does nothing.
    pub fn submit(&self, request: R) {
        let state = self.state.get_untracked();
        if state.may_have_happened() || matches!(state, SubmitState::Done(_)) {
            return;
        }
        self.request.set_value(Some(request.with_key(self.key())));
        self.drive(SubmitState::Sending);
    }

    /// After [`SubmitState::Unconfirmed`]: asks the backend again with the same key.
    pub fn confirm_again(&self) {
        if matches!(self.state.get_untracked(), SubmitState::Unconfirmed(_)) {
            self.drive(SubmitState::Confirming);
        }
    }

    fn drive(self, first: SubmitState<T>) {
        let Some(request) = self.request.get_value() else {
            return;
        };
        let kept = Draft::for_the_tab(self.kept);
        kept.save_json(&request);
        self.state.set(first);
        spawn_local(async move {
            let mut pauses = CONFIRM_BACKOFF_MS.into_iter();
            let outcome = loop {
                let Some(send) = self.send.try_get_value() else {
                    return; // the confirmation was closed: nothing to update
                };
                match send(request.clone()).await {
                    Ok(value) => break SubmitState::Done(value),
                    Err(error) if error.outcome_unknown() => match pauses.next() {
                        Some(ms) => {
                            if self.state.try_set(SubmitState::Confirming).is_some() {
                                return;
                            }
                            TimeoutFuture::new(ms).await;
                        }
                        // Still kept: a reload asks again with the same key.
                        None => break SubmitState::Unconfirmed(error),
                    },
                    Err(error) => break SubmitState::Failed(error),
                }
            };
            if !matches!(outcome, SubmitState::Unconfirmed(_)) {
                kept.clear();
            }
            if matches!(outcome, SubmitState::Failed(_)) {
                // Nothing happened: the next tap is a new request.
                let _ = self.key.try_set_value(new_idempotency_key());
            }
            let _ = self.state.try_set(outcome);
        });
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
    fn only_requests_on_their_way_are_busy() {
        assert!(SubmitState::<()>::Sending.is_busy());
        assert!(SubmitState::<()>::Confirming.is_busy());
        assert!(!SubmitState::<()>::Unconfirmed(ApiError::Network).is_busy());
        assert!(!SubmitState::<()>::Failed(ApiError::Network).is_busy());
        assert!(!SubmitState::Done(()).is_busy());
    }

    #[test]
    fn a_lost_answer_may_have_happened_a_refusal_did_not() {
        assert!(SubmitState::<()>::Sending.may_have_happened());
        assert!(SubmitState::<()>::Unconfirmed(ApiError::Timeout).may_have_happened());
        assert!(!SubmitState::<()>::Failed(ApiError::Network).may_have_happened());
        assert!(!SubmitState::<()>::Ready.may_have_happened());
    }
}
