//! The session as the app knows it. The session itself is an HttpOnly cookie the app never
//! sees; this only mirrors what `/api/me` last said.

use care_contract::profile::Profile;
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
                session.state.set(state);
            }
        });
    }

    pub fn signed_in(&self, profile: Profile) {
        self.bump();
        self.signed_out_by_user.set_value(false);
        self.state.set(SessionState::SignedIn(profile));
    }

    /// The backend said the session is over (a 401 from any call): sign-in comes next.
    pub fn ended(&self) {
        self.bump();
        self.state.set(SessionState::SignedOut);
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
    };
    provide_context(session);
    session.refresh();
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
