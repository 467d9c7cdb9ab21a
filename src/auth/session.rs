//! The session as the app knows it. The session itself is an HttpOnly cookie the app never
//! sees; this mirrors what `/api/session` said at start, sign-in and sign-out since, and
//! any 401 since (`api::session_ended`).

use care_contract::profile::{FamilyContact, Profile};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};

#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// Asking the backend who we are.
    Checking,
    SignedOut,
    SignedIn(Profile),
    /// The backend could not say (network, server error): not the same as signed out.
    Unknown(ApiError),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    /// Bumped on every change, so a slow answer to an older question is ignored.
    generation: StoredValue<u64>,
    /// Set when the user signed out on purpose: a page that needs an account then sends
    /// them home rather than to sign-in.
    signed_out_by_user: StoredValue<bool>,
    /// Set when the server forgot the session while the app was signed in; cleared by the
    /// next sign-in. The sign-in page and the public pages' prompts say so.
    expired: RwSignal<bool>,
}

impl Session {
    /// Asks the backend who is signed in.
    pub fn refresh(&self) {
        let session = *self;
        let generation = session.bump();
        session.state.set(SessionState::Checking);
        spawn_local(async move {
            let state = match api::profile::fetch_session().await {
                Ok(info) => match info.profile {
                    Some(profile) => SessionState::SignedIn(profile),
                    None => SessionState::SignedOut,
                },
                Err(e) => SessionState::Unknown(e),
            };
            if session.generation.get_value() == generation {
                // This browser was signed in and the server no longer knows the session
                // (it expired, or ended elsewhere while the app was closed or still
                // asking): say so, as when a call meets the 401 later.
                if matches!(state, SessionState::SignedOut) && probably_signed_in() {
                    session.expired.set(true);
                }
                session.state.set(state);
            }
        });
    }

    /// The subscriber's family contacts changed (`me::family_page`): the profile here
    /// follows, so the home page's call buttons are right without asking the backend.
    pub fn family_contacts_changed(&self, contacts: Vec<FamilyContact>) {
        self.state.update(|state| {
            if let SessionState::SignedIn(profile) = state {
                profile.family_contacts = contacts;
            }
        });
    }

    pub fn signed_in(&self, profile: Profile) {
        self.bump();
        self.expired.set(false);
        self.signed_out_by_user.set_value(false);
        self.state.set(SessionState::SignedIn(profile));
    }

    /// The backend said the session is over (a 401 from any call, through
    /// `api::session_ended`): signed out. A page that needs an account then sends the user
    /// to sign in and back.
    fn on_expired(&self) {
        let was_signed_in = self
            .state
            .with_untracked(|s| matches!(s, SessionState::SignedIn(_)));
        if self
            .state
            .with_untracked(|s| matches!(s, SessionState::SignedOut))
        {
            return;
        }
        self.bump();
        self.expired.set(was_signed_in);
        self.state.set(SessionState::SignedOut);
    }

    /// The server forgot the session while the app was signed in: say so, until the next
    /// sign-in.
    pub fn expired(&self) -> bool {
        self.expired.get()
    }

    /// Ends the session on the server, then forgets it here.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        api::auth::sign_out().await?;
        self.bump();
        self.signed_out_by_user.set_value(true);
        self.state.set(SessionState::SignedOut);
        Ok(())
    }

    /// True once after the user signed out on purpose; later visits to a page that needs
    /// an account go to sign-in as usual.
    pub fn take_signed_out_by_user(&self) -> bool {
        let was = self.signed_out_by_user.get_value();
        self.signed_out_by_user.set_value(false);
        was
    }

    pub fn profile(&self) -> Option<Profile> {
        self.state.with(|s| match s {
            SessionState::SignedIn(p) => Some(p.clone()),
            _ => None,
        })
    }

    fn bump(&self) -> u64 {
        let next = self.generation.get_value() + 1;
        self.generation.set_value(next);
        next
    }
}

/// Provides the session and asks the backend once at start.
pub fn provide_session() -> Session {
    let session = Session {
        state: RwSignal::new(SessionState::Checking),
        generation: StoredValue::new(0),
        signed_out_by_user: StoredValue::new(false),
        expired: RwSignal::new(false),
    };
    provide_context(session);
    api::session_ended::on_session_ended(move || session.on_expired());
    Effect::new(move |_| match session.state.get() {
        SessionState::SignedIn(_) => remember_signed_in(true),
        SessionState::SignedOut => remember_signed_in(false),
        SessionState::Checking | SessionState::Unknown(_) => {}
    });
    session.refresh();
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Whether this browser was signed in when the app last knew: a hint (the session is an
/// HttpOnly cookie the app cannot read) that decides whether a page opened from a link
/// starts loading an account's data before the session check answers. Wrong only in the
/// harmless direction: a request that answers 401, or one that waits for the check.
const SIGNED_IN_HINT: &str = "care.signed-in-hint.v1";

fn remember_signed_in(signed_in: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = if signed_in {
        storage.set_item(SIGNED_IN_HINT, "1")
    } else {
        storage.remove_item(SIGNED_IN_HINT)
    };
}

/// See [`SIGNED_IN_HINT`].
pub fn probably_signed_in() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(SIGNED_IN_HINT).ok().flatten())
        .is_some()
}
