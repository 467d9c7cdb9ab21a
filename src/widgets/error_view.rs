//! The one way a screen says that loading failed: words in the user's language, what to
//! do, and a retry button. Announced to screen readers as an alert.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{tr, use_texts};
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn ErrorView(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="card error-view" role="alert">
            <h2 class="error-view__title">
                <Icon kind=IconKind::Alert />
                {tr(|t| t.error_title)}
            </h2>
            <p>{move || error.message(t.get())}</p>
            <button type="button" class="button button--primary" on:click=move |_| on_retry.run(())>
                {tr(|t| t.retry)}
            </button>
        </section>
    }
}

/// An action that failed (sending a code, checking in, signing out): the same words as
/// `ErrorView`, inline beside the button that failed, announced as an alert.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="notice notice--error" role="alert">
            <Icon kind=IconKind::Alert />
            <span>{move || error.message(t.get())}</span>
        </p>
    }
}
