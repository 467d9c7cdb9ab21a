//! 积分兑换: the catalogue. Categories are links, so each list has an address; search and
//! order change the address too, so a reload or the back button returns to the same list.
//! Browsing needs no account; signed in, every item says whether it can be taken.

use care_contract::mall::{ItemCategory, ItemPage, ItemSort};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::item_card::ItemCard;
use super::query::{tidy_words, CatalogueQuery, CATALOGUE_PAGE_SIZE};
use super::words::{category_icon, category_label, sort_label};
use crate::api::{client, ApiError};
use crate::mall::texts::{tr, use_texts};
use crate::mall::CharityList;

use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::pager::{page_count, LinkPager};

async fn fetch_items(query: CatalogueQuery) -> Result<ItemPage, ApiError> {
    client::get(&query.api_path()).await
}

#[component]
pub fn Catalogue() -> impl IntoView {
    let t = use_texts();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| CatalogueQuery::from_params(|k| p.get(k))));
    let navigate = use_navigate();
    let go = move |next: CatalogueQuery, replace: bool| {
        navigate(
            &next.href(),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go_sort = go.clone();

    // The search box keeps what the user typed until they search; the list follows the
    // address bar only.
    let typed = RwSignal::new(query.get_untracked().words);
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = tidy_words(&typed.get_untracked());
        typed.set(words.clone());
        go(
            CatalogueQuery {
                words,
                page: 1,
                ..query.get_untracked()
            },
            false,
        );
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let sort = event_target_value(&ev)
            .parse::<ItemSort>()
            .ok()
            .unwrap_or_default();
        go_sort(
            CatalogueQuery {
                sort,
                page: 1,
                ..query.get_untracked()
            },
            true,
        );
    };
    let is_charity = Memo::new(move |_| query.get().category == Some(ItemCategory::Charity));
    let category_href = move |category: Option<ItemCategory>| {
        CatalogueQuery {
            category,
            page: 1,
            ..query.get()
        }
        .href()
    };

    view! {
        <section class="card catalogue" aria-labelledby="catalogue-title">
            <h2 class="card__title" id="catalogue-title"><Icon kind=IconKind::Gift />{tr(|t| t.catalogue_title)}</h2>
            <form class="search" role="search" on:submit=on_search>
                <label for="catalogue-search" class="search__label">{tr(|t| t.catalogue_search_label)}</label>
                <div class="search__row">
                    <input id="catalogue-search" type="search" enterkeyhint="search" maxlength="50"
                        placeholder=tr(|t| t.catalogue_search_placeholder)
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button type="submit" class="button button--secondary">
                        <Icon kind=IconKind::Search />{tr(|t| t.catalogue_search_button)}
                    </button>
                </div>
            </form>
            <nav class="categories" aria-label=tr(|t| t.catalogue_categories)>
                // Plain links: the router's <A> marks every /mall?... link as current.
                <a href=move || category_href(None) class="category"
                    aria-current=move || query.get().category.is_none().then_some("page")>
                    {tr(|t| t.category_all)}
                </a>
                {ItemCategory::ALL.iter().copied().map(|c| view! {
                    <a href=move || category_href(Some(c)) class="category"
                        aria-current=move || (query.get().category == Some(c)).then_some("page")>
                        <Icon kind=category_icon(c) />{move || category_label(c, t.get())}
                    </a>
                }).collect_view()}
            </nav>
            <Show when=move || !is_charity.get()>
                <div class="field field--inline">
                    <label for="catalogue-sort">{tr(|t| t.catalogue_sort)}</label>
                    <select id="catalogue-sort" on:change=on_sort.clone()>
                        {ItemSort::ALL.iter().copied().map(|s| view! {
                            <option value=s.as_str() selected=move || query.get().sort == s>{move || sort_label(s, t.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
        </section>
        {move || if is_charity.get() {
            view! { <CharityList /> }.into_any()
        } else {
            view! { <ItemResults query /> }.into_any()
        }}
    }
}

#[component]
fn ItemResults(query: Memo<CatalogueQuery>) -> impl IntoView {
    let items = LocalResource::new(move || fetch_items(query.get()));
    view! { <Loaded data=items skeleton=&[3, 3] let:result><Results result query /></Loaded> }
}

#[component]
fn Results(result: ItemPage, query: Memo<CatalogueQuery>) -> impl IntoView {
    let t = use_texts();
    let page_href = move |page: u32| {
        CatalogueQuery {
            page,
            ..query.get_untracked()
        }
        .href()
    };
    match result {
        result if result.items.is_empty() => view! {
            <section class="card empty-state" role="status">
                <p>{move || if query.get().words.is_empty() { t.get().catalogue_empty } else { t.get().catalogue_no_match }}</p>
                <A href="/mall" attr:class="button button--secondary">{tr(|t| t.catalogue_show_all)}</A>
            </section>
        }.into_any(),
        result => {
            let pages = page_count(result.total, CATALOGUE_PAGE_SIZE);
            let total = i64::try_from(result.total).unwrap_or(i64::MAX);
            let page = result.page;
            view! {
                <p class="section-title" role="status">{move || t.get().catalogue_count(total)}</p>
                <ul class="item-list" aria-labelledby="catalogue-title">
                    {result.items.into_iter().map(|item| view! { <ItemCard item /> }).collect_view()}
                </ul>
                {(pages > 1).then(|| view! {
                    <LinkPager page pages href=move |page| page_href(page) label=tr(|t| t.catalogue_pages) />
                })}
            }.into_any()
        }
    }
}
