//! The search page: a field, and what it finds as the user types. The words are kept in
//! the address (`/search?q=长辈版`), so back from a result returns to the same results.
//! Elder mode, the most asked-for setting, can be switched right in its result.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::index::{find, Entry};
use super::texts::{tr, use_texts};
use crate::layout::ElderSwitch;
use crate::query_string::encode_value;
use crate::widgets::page_title::set_page_meta;

/// What the empty page suggests trying: one of each kind people ask for most.
const SUGGESTIONS: [&str; 4] = ["长辈版", "积分", "投诉", "话费"];

/// The longest search kept: a phrase, not a letter.
const MAX_CHARS: usize = 30;

fn href_for(words: &str) -> String {
    if words.trim().is_empty() {
        "/search".to_owned()
    } else {
        format!("/search?q={}", encode_value(words))
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    set_page_meta(|t| t.search_title, None);
    let t = use_texts();
    let query = use_query_map();
    let typed = RwSignal::new(query.with_untracked(|q| q.get("q")).unwrap_or_default());
    // Each keystroke replaces the address (no history entry per letter), so back leaves
    // the search in one step and a result's back returns here with the words.
    let navigate = use_navigate();
    let remember = move |words: &str| {
        navigate(
            &href_for(words),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let found = Memo::new(move |_| {
        let texts = t.get();
        typed.with(|words| find(words, |e: &Entry| (e.title)(texts)))
    });
    let on_input = {
        let remember = remember.clone();
        move |ev| {
            let words: String = event_target_value(&ev).chars().take(MAX_CHARS).collect();
            remember(&words);
            typed.set(words);
        }
    };
    let suggest = move |word: &'static str| {
        let remember = remember.clone();
        move |_| {
            remember(word);
            typed.set(word.to_owned());
        }
    };

    view! {
        <div class="page search-page">
            <form class="card search" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="app-search" class="search__label">{tr(|t| t.find_label)}</label>
                <div class="search__row">
                    <input id="app-search" type="search" enterkeyhint="search" autocomplete="off"
                        maxlength=MAX_CHARS.to_string()
                        placeholder=tr(|t| t.find_placeholder)
                        aria-describedby="app-search-status"
                        prop:value=move || typed.get()
                        on:input=on_input />
                </div>
            </form>
            <p id="app-search-status" class="search-page__status" role="status">{move || {
                let words = typed.get();
                let count = found.with(Vec::len);
                if words.trim().is_empty() {
                    String::new()
                } else if count == 0 {
                    t.get().find_nothing(words.trim())
                } else {
                    t.get().find_count(count as i64)
                }
            }}</p>
            <Show when=move || typed.with(|w| w.trim().is_empty())>
                <section class="card" aria-labelledby="search-suggest-title">
                    <h2 class="card__title" id="search-suggest-title">{tr(|t| t.find_hint)}</h2>
                    <div class="search-page__suggestions">
                        {SUGGESTIONS.map(|word| view! {
                            <button type="button" class="chip" on:click=suggest(word)>{word}</button>
                        }).collect_view()}
                    </div>
                </section>
            </Show>
            <ul class="search-results">
                {move || found.get().into_iter().map(|entry| view! { <Result entry /> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn Result(entry: &'static Entry) -> impl IntoView {
    let (title, description) = (entry.title, entry.description);
    view! {
        <li class="card search-result">
            <h2 class="card__title" id=format!("search-{}", entry.id)>{tr(title)}</h2>
            <div class="search-result__desc">{tr(description)}</div>
            {(entry.id == "elder-mode").then(|| view! { <ElderSwitch large=true /> })}
            <A href=entry.href attr:class="button button--secondary search-result__go">
                {tr(|t| t.find_go)}
            </A>
        </li>
    }
}
