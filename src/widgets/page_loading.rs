//! "Opening…" while a page's code is still on its way (see `lazy_pages`): without it, a tap
//! on a tab over a slow network would seem to do nothing, and a page opened directly would
//! stay blank.

use leptos::prelude::*;

use crate::i18n::tr;

/// How many pages are being fetched right now. Shared through context.
#[derive(Clone, Copy)]
pub struct PageLoading(RwSignal<u32>);

pub fn provide_page_loading() {
    provide_context(PageLoading(RwSignal::new(0)));
}

impl PageLoading {
    /// Marks a page as loading until the returned guard is dropped: when the page arrives,
    /// fails, or is abandoned for another.
    pub fn begin(self) -> PageLoadingGuard {
        self.0.update(|n| *n += 1);
        PageLoadingGuard(self)
    }
}

pub struct PageLoadingGuard(PageLoading);

impl Drop for PageLoadingGuard {
    fn drop(&mut self) {
        self.0 .0.try_update(|n| *n = n.saturating_sub(1));
    }
}

/// A small status pill under the top bar. It fades in only after a moment (CSS), so a page
/// already fetched once opens without a flash.
#[component]
pub fn PageLoadingIndicator() -> impl IntoView {
    let PageLoading(count) = expect_context();
    view! {
        <Show when=move || { count.get() > 0 }>
            <div class="page-loading" role="status">
                <span class="page-loading__spinner" aria-hidden="true"></span>
                {tr(|t| t.page_opening)}
            </div>
        </Show>
    }
}
