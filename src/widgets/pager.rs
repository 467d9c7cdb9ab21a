//! Previous / next for a paged list held in a signal (the ledger, the orders), with where
//! the user is ("第 2 / 5 页"). The buttons stop at either end.

use leptos::prelude::*;

use crate::i18n::{tr, use_texts};

/// A page number as the address gives it (`?page=3`): from 1; anything else is page 1.
pub fn page_number(value: Option<&str>) -> u32 {
    value
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// How many pages a list of `total` has at `per_page` each (at least one, so an empty
/// list is page 1 of 1).
pub fn page_count(total: u64, per_page: u32) -> u32 {
    let per_page = u64::from(per_page.max(1));
    total
        .div_ceil(per_page)
        .max(1)
        .try_into()
        .unwrap_or(u32::MAX)
}

/// The page of a `LinkPager` list, from the address, following it.
pub fn use_page_in_address() -> Memo<u32> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| page_number(query.read().get("page").as_deref()))
}

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

#[cfg(test)]
mod tests {
    use super::{page_count, page_number};

    #[test]
    fn pages_round_up_and_an_empty_list_has_one() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(5, 0), 5);
    }

    #[test]
    fn a_page_number_is_one_or_more() {
        assert_eq!(page_number(Some("3")), 3);
        assert_eq!(page_number(None), 1);
        for wrong in ["0", "-2", "x", "", "99999999999"] {
            assert_eq!(page_number(Some(wrong)), 1, "{wrong}");
        }
    }
}
