//! The one way a public page asks a signed-out user to sign in: why, in the page's own
//! words, and a link that brings them back afterwards. When the server has just forgotten
//! the session (`api::session_ended`), it first says that the sign-in expired, in place:
//! nothing floats over the page's own buttons.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{sign_in_href, use_session};
use crate::i18n::tr;
use crate::widgets::icons::{Icon, IconKind};

/// "Your sign-in has expired", while it is news: from the 401 until the next sign-in.
#[component]
pub fn SessionExpiredNote() -> impl IntoView {
    let session = use_session();
    move || {
        session.expired().then(|| {
            view! {
                <p class="notice notice--info" role="status">
                    <Icon kind=IconKind::Alert />
                    <span>{tr(|t| t.session_expired)}</span>
                </p>
            }
        })
    }
}

/// Why to sign in here (`text`), and the way to sign-in and back to `back`.
#[component]
pub fn SignInPrompt(
    /// From the caller's bundle: `tr(|t| t.key)`.
    #[prop(into)]
    text: Signal<&'static str>,
    #[prop(into)] back: String,
) -> impl IntoView {
    view! {
        <SessionExpiredNote />
        <p>{text}</p>
        <A href=sign_in_href(&back) attr:class="button button--primary">{tr(|t| t.sign_in_action)}</A>
    }
}
