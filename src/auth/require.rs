//! Wraps a page that needs an account: signed out goes to sign-in (and back afterwards),
//! signing out on the page goes home, an unreachable backend shows the error with a
//! retry, never a blank page.

use care_contract::profile::Profile;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use super::{sign_in_href, use_session, SessionState};
use crate::widgets::error_view::ErrorView;
use crate::widgets::skeleton::SkeletonCard;

#[component]
pub fn RequireSignIn<F, V>(children: F) -> impl IntoView
where
    F: Fn(Profile) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    let location = use_location();
    move || match session.state.get() {
        SessionState::Checking => view! { <SkeletonCard lines=4 /> }.into_any(),
        // Signed out on purpose, from this page: home, not a sign-in form they didn't ask for.
        SessionState::SignedOut if session.take_signed_out_by_user() => {
            view! { <Redirect path="/" /> }.into_any()
        }
        SessionState::SignedOut => {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let here = if here.is_empty() {
                "/".to_owned()
            } else {
                here
            };
            view! { <Redirect path=sign_in_href(&here) /> }.into_any()
        }
        SessionState::Unknown(error) => {
            view! { <ErrorView error on_retry=move |_| session.refresh() /> }.into_any()
        }
        SessionState::SignedIn(profile) => children(profile).into_any(),
    }
}
