//! Wraps a page that needs an account: signed out goes to sign-in (and back afterwards),
//! signing out on the page goes home, an unreachable backend shows the error with a
//! retry, never a blank page.

use care_contract::profile::Profile;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use leptos_router::NavigateOptions;

use super::{sign_in_href, use_session, SessionState};
use crate::api::ApiError;
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
    // Redrawn when who is signed in changes, not when the same subscriber's profile is
    // updated (a family contact added): the page keeps what is on it.
    let shown = Memo::new(move |_| {
        session.state.with(|state| match state {
            SessionState::SignedIn(profile) => Shown::SignedIn(profile.id),
            SessionState::Checking => Shown::Checking,
            SessionState::SignedOut => Shown::SignedOut,
            SessionState::Unknown(error) => Shown::Unknown(error.clone()),
        })
    });
    move || match shown.get() {
        Shown::Checking => view! { <SkeletonCard lines=4 /> }.into_any(),
        // Signed out on purpose, from this page: home, not a sign-in form they didn't ask for.
        Shown::SignedOut if session.take_signed_out_by_user() => {
            view! { <Redirect path="/" options=replacing() /> }.into_any()
        }
        Shown::SignedOut => {
            let here = page_address(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
            );
            view! { <Redirect path=sign_in_href(&here) options=replacing() /> }.into_any()
        }
        Shown::Unknown(error) => {
            view! { <ErrorView error on_retry=move |_| session.refresh() /> }.into_any()
        }
        Shown::SignedIn(_) => match session.state.get_untracked() {
            SessionState::SignedIn(profile) => children(profile).into_any(),
            _ => ().into_any(),
        },
    }
}

/// What [`RequireSignIn`] draws, by who is signed in rather than their whole profile.
#[derive(Clone, PartialEq)]
enum Shown {
    Checking,
    SignedOut,
    SignedIn(i64),
    Unknown(ApiError),
}

/// A redirect takes the place of the page that needed an account: otherwise back from the
/// sign-in form opens that page again, which sends the user straight back to sign-in.
fn replacing() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    }
}

/// The page's own address to come back to: the router's `search` has no `?`, and an empty
/// path (never seen, but cheap to guard) is home.
fn page_address(path: &str, search: &str) -> String {
    let path = if path.is_empty() { "/" } else { path };
    if search.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{search}")
    }
}

#[cfg(test)]
mod tests {
    use super::page_address;

    #[test]
    fn the_way_back_keeps_the_query() {
        assert_eq!(
            page_address("/feedback/new", "kind=complaint"),
            "/feedback/new?kind=complaint"
        );
        assert_eq!(page_address("/mall/points", ""), "/mall/points");
        assert_eq!(page_address("", ""), "/");
    }
}
