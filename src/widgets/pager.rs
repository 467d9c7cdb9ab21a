//! Previous / next for a paged list held in a signal (the ledger, the orders), with where
//! the user is ("第 2 / 5 页"). The buttons stop at either end.

use leptos::prelude::*;

use crate::i18n::{tr, use_texts};

#[component]
pub fn Pager(
    page: RwSignal<u32>,
    pages: u32,
    /// Names the navigation landmark for screen readers.
    #[prop(into)]
    label: Signal<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="pager" aria-label=label>
            <button type="button" class="button button--secondary" disabled=move || { page.get() <= 1 }
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                {tr(|t| t.ledger_prev)}
            </button>
            <span class="pager__where">
                {move || t.get().ledger_page(i64::from(page.get()), i64::from(pages))}
            </span>
            <button type="button" class="button button--secondary" disabled=move || { page.get() >= pages }
                on:click=move |_| page.update(|p| *p = (*p + 1).min(pages))>
                {tr(|t| t.ledger_next)}
            </button>
        </nav>
    }
}

/// Previous / next for a list whose page is in the address bar (the catalogue, the
/// community): links, so the back button and a shared link keep the page.
#[component]
pub fn LinkPager(
    page: u32,
    pages: u32,
    /// The address of a page of the same list.
    #[prop(into)]
    href: Callback<u32, String>,
    #[prop(into)] label: Signal<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="pager" aria-label=label>
            {(page > 1).then(|| view! {
                <a href=href.run(page - 1) class="button button--secondary">{tr(|t| t.ledger_prev)}</a>
            })}
            <span class="pager__where">
                {move || t.get().ledger_page(i64::from(page), i64::from(pages))}
            </span>
            {(page < pages).then(|| view! {
                <a href=href.run(page + 1) class="button button--secondary">{tr(|t| t.ledger_next)}</a>
            })}
        </nav>
    }
}
