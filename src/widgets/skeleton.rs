//! Grey placeholders in the shape of the content, shown while it loads.

use leptos::prelude::*;

use crate::i18n::tr;

/// A card-shaped placeholder with `lines` text lines. Screen readers hear "Loading".
#[component]
pub fn SkeletonCard(#[prop(default = 3)] lines: usize) -> impl IntoView {
    view! {
        <div class="card skeleton" role="status" aria-busy="true">
            <span class="visually-hidden">{tr(|t| t.loading)}</span>
            <div class="skeleton__line skeleton__line--title"></div>
            {(0..lines).map(|_| view! { <div class="skeleton__line"></div> }).collect_view()}
        </div>
    }
}
