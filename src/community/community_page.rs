//! 社区: the boards, and a board's threads by hot, new or top, or what a search finds. Each
//! list has its address (`query.rs`), so the back button returns to the same board, order
//! and page. Reading needs no account.

use care_contract::community::{Board, BoardKind, ThreadPage, ThreadSort};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::api;
use super::query::{tidy_words, ListQuery, THREADS_PER_PAGE};
use super::texts::{tr, use_texts, Texts};
use super::thread_card::ThreadCard;
use super::undo_deletion::UndoThreadDeletion;
use crate::drafts::Draft;
use crate::i18n::Locale;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, LinkPager};

/// A board's name in the user's language.
pub fn board_name(board: &Board, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => board.name_zh.clone(),
        Locale::En => board.name_en.clone(),
    }
}

fn sort_label(sort: ThreadSort, t: &Texts) -> &'static str {
    match sort {
        ThreadSort::Hot => t.sort_hot,
        ThreadSort::New => t.sort_new,
        ThreadSort::Top => t.sort_top,
    }
}

#[component]
pub fn CommunityPage() -> impl IntoView {
    set_page_meta(|t| t.tab_community, None);
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ListQuery::from_params(|k| p.get(k))));
    let boards = LocalResource::new(api::fetch_boards);
    view! {
        <div class="page community-page">
            <UndoThreadDeletion />
            <Search query />
            <Loaded data=boards skeleton=&[2] let:list>
                {list.moderation_pending.map(|pending| view! { <QueueLink pending /> })}
                <Boards boards=list.boards query />
            </Loaded>
            <Threads query />
        </div>
    }
}

#[component]
fn Search(query: Memo<ListQuery>) -> impl IntoView {
    let navigate = use_navigate();
    // What the user typed stays until they search; the list follows the address bar only.
    let typed = RwSignal::new(query.get_untracked().words);
    Effect::new(move |_| typed.set(query.get().words));
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = ListQuery {
            words: tidy_words(&typed.get_untracked()),
            page: 1,
            ..query.get_untracked()
        };
        navigate(
            &next.href(),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <form class="card search" role="search" on:submit=on_search>
            <label for="community-search" class="search__label">{tr(|t| t.search_label)}</label>
            <div class="search__row">
                <input id="community-search" type="search" enterkeyhint="search" maxlength="50"
                    placeholder=tr(|t| t.search_placeholder)
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <button type="submit" class="button button--secondary">
                    <Icon kind=IconKind::Search />{tr(|t| t.search_button)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn Boards(boards: Vec<Board>, query: Memo<ListQuery>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let href = move |board: Option<i64>| {
        ListQuery {
            board,
            page: 1,
            ..query.get()
        }
        .href()
    };
    let current = {
        let boards = boards.clone();
        Memo::new(move |_| {
            let id = query.get().board?;
            boards.iter().find(|b| b.id == id).cloned()
        })
    };
    view! {
        <nav class="categories" aria-label=tr(|t| t.boards_label)>
            // Plain links: the router's <A> marks every /community?... link as current.
            <a href=move || href(None) class="category"
                aria-current=move || query.get().board.is_none().then_some("page")>
                {tr(|t| t.board_all)}
            </a>
            {boards.into_iter().map(|board| {
                let id = board.id;
                view! {
                    <a href=move || href(Some(id)) class="category"
                        aria-current=move || (query.get().board == Some(id)).then_some("page")>
                        {move || board_name(&board, locale.get())}
                    </a>
                }
            }).collect_view()}
        </nav>
        {move || current.get().map(|board| {
            let description = move || match locale.get() {
                Locale::ZhCn => board.description_zh.clone(),
                Locale::En => board.description_en.clone(),
            };
            let post = board.can_post || (board.kind == BoardKind::Discussion && !crate::auth::probably_signed_in());
            view! {
                <section class="card board-intro">
                    <p>{description}</p>
                    {post.then(|| view! {
                        <A href=format!("/community/new?board={}", board.id) attr:class="button button--primary">
                            <Icon kind=IconKind::Plus />{tr(|t| t.new_thread_button)}
                        </A>
                    })}
                </section>
            }
        })}
        {move || (query.get().board.is_none() && query.get().words.is_empty()).then(|| view! {
            <A href="/community/new" attr:class="button button--primary button--block">
                <Icon kind=IconKind::Plus />{tr(|t| t.new_thread_button)}
            </A>
        })}
        <Show when=move || query.get().words.is_empty()>
            <nav class="sort-tabs" aria-label=tr(|t| t.sort_label)>
                {ThreadSort::ALL.iter().copied().map(|sort| view! {
                    <a class="sort-tab"
                        href=move || ListQuery { sort, page: 1, ..query.get() }.href()
                        aria-current=move || (query.get().sort == sort).then_some("page")>
                        {move || sort_label(sort, t.get())}
                    </a>
                }).collect_view()}
            </nav>
        </Show>
    }
}

#[component]
fn Threads(query: Memo<ListQuery>) -> impl IntoView {
    let threads = LocalResource::new(move || api::fetch_threads(query.get()));
    view! { <Loaded data=threads skeleton=&[3, 3, 3] let:page><ThreadList page query /></Loaded> }
}

#[component]
fn ThreadList(page: ThreadPage, query: Memo<ListQuery>) -> impl IntoView {
    let t = use_texts();
    if page.threads.is_empty() {
        return view! {
            <section class="card empty-state" role="status">
                <p>{move || if query.get().words.is_empty() { t.get().threads_empty } else { t.get().search_no_match }}</p>
                <A href="/community" attr:class="button button--secondary">{tr(|t| t.board_all)}</A>
            </section>
        }
        .into_any();
    }
    restore_position();
    // The reader's next tap is most likely a thread: its code downloads while they read.
    crate::lazy_pages::warm_group("community_threads_pages");
    let pages = page_count(page.total, THREADS_PER_PAGE);
    let total = i64::try_from(page.total).unwrap_or(i64::MAX);
    let now = page.now;
    let current = page.page;
    view! {
        <h2 class="section-title" id="threads-title">
            {move || if query.get().words.is_empty() { t.get().threads_heading } else { t.get().search_results_heading }}
        </h2>
        <p class="thread-list__count" role="status">{move || t.get().thread_count(total)}</p>
        <ul class="thread-list" aria-labelledby="threads-title">
            {page.threads.into_iter().map(|thread| view! { <ThreadCard thread now /> }).collect_view()}
        </ul>
        {(pages > 1).then(|| view! {
            <LinkPager page=current pages href=move |p| query.get_untracked().on_page(p).href() label=tr(|t| t.threads_pages) />
        })}
    }
    .into_any()
}

/// Staff only: the way to the moderation queue, with how many posts wait there.
#[component]
fn QueueLink(pending: u64) -> impl IntoView {
    let t = use_texts();
    let pending = i64::try_from(pending).unwrap_or(i64::MAX);
    view! {
        <A href="/community/moderation" attr:class="button button--secondary button--block">
            <Icon kind=IconKind::Alert />{move || t.get().queue_link(pending)}
        </A>
    }
}

/// Where the reader was in a list, kept as they open a thread from it, so coming back (the
/// back button, or the tab) puts them where they left off, not at the top: the list is read
/// again from the backend, and the browser's own restoring runs before it is there.
const LIST_POSITION: Draft = Draft::for_the_tab("care.community.list-position.v1");

/// The list's address as the address bar has it.
fn here() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// Called by a thread's link before the router leaves (and scrolls to the top).
pub fn remember_position() {
    if let Ok(y) = window().scroll_y() {
        LIST_POSITION.save(&format!("{} {y}", here()));
    }
}

fn restore_position() {
    let kept = LIST_POSITION.load();
    LIST_POSITION.clear();
    let here = here();
    if let Some(y) = kept
        .rsplit_once(' ')
        .filter(|(at, _)| *at == here)
        .and_then(|(_, y)| y.parse::<f64>().ok())
    {
        // Once the list has drawn.
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    }
}
