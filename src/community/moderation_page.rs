//! 审核队列: held posts and reported ones, longest waiting first, each with the staff's
//! actions (`staff_actions.rs`), and the way to the moderation log.

use care_contract::community::{ModerationQueue, PostState, QueueFilter, QueueItem};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::api;
use super::markup_view::PostBody;
use super::report::reason_label;
use super::staff_actions::{actions_for, StaffAction, StaffActions};
use super::texts::{tr, use_texts, Texts};
use crate::auth::RequireSignIn;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

fn filter_label(filter: QueueFilter, t: &Texts) -> &'static str {
    match filter {
        QueueFilter::All => t.queue_all,
        QueueFilter::Held => t.queue_held,
        QueueFilter::Reported => t.queue_reported,
    }
}

/// 审核队列: held posts and reported ones, longest waiting first (staff only; the backend
/// refuses anyone else, and the page says so).
#[component]
pub fn ModerationPage() -> impl IntoView {
    set_page_meta(|t| t.moderation_title, Some("/community"));
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query
            .read()
            .get("filter")
            .and_then(|f| f.parse::<QueueFilter>().ok())
            .unwrap_or_default()
    });
    let page = use_page_in_address();
    view! {
        <div class="page moderation-page">
            <RequireSignIn let:_signed_in>
                <Queue filter page />
            </RequireSignIn>
        </div>
    }
}

fn queue_href(filter: QueueFilter, page: u32) -> String {
    let mut href = format!("/community/moderation?filter={}", filter.as_str());
    if page > 1 {
        href.push_str(&format!("&page={page}"));
    }
    href
}

#[component]
fn Queue(filter: Memo<QueueFilter>, page: Memo<u32>) -> impl IntoView {
    let t = use_texts();
    let loaded = LocalResource::new(move || api::fetch_queue(filter.get(), page.get()));
    view! {
        <nav class="categories" aria-label=tr(|t| t.queue_filter_label)>
            {QueueFilter::ALL.iter().copied().map(|f| view! {
                <a href=queue_href(f, 1) class="category" aria-current=move || (filter.get() == f).then_some("page")>
                    {move || filter_label(f, t.get())}
                </a>
            }).collect_view()}
        </nav>
        <Loaded data=loaded skeleton=&[4, 4] let:queue>
            <QueueList queue filter refetch=move || loaded.refetch() />
        </Loaded>
        <A href="/community/moderation/log" attr:class="button button--secondary button--block">
            <Icon kind=IconKind::Clock />{tr(|t| t.log_link)}
        </A>
    }
}

#[component]
fn QueueList(
    queue: ModerationQueue,
    filter: Memo<QueueFilter>,
    #[prop(into)] refetch: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let held = i64::try_from(queue.held).unwrap_or(i64::MAX);
    let reported = i64::try_from(queue.reported).unwrap_or(i64::MAX);
    let pages = page_count(queue.total, queue.per_page);
    let current = queue.page;
    view! {
        <h2 class="section-title" id="queue-title">{tr(|t| t.queue_list_label)}</h2>
        <p class="thread-list__count" role="status">{move || t.get().queue_counts(held, reported)}</p>
        {if queue.items.is_empty() {
            view! { <p class="card empty-state">{tr(|t| t.queue_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="thread-list" aria-labelledby="queue-title">
                    {queue.items.into_iter().map(|item| view! { <QueueRow item refetch /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <LinkPager page=current pages href=move |p| queue_href(filter.get_untracked(), p) label=tr(|t| t.queue_list_label) />
        })}
    }
}

#[component]
fn QueueRow(item: QueueItem, #[prop(into)] refetch: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let QueueItem {
        post,
        thread_id,
        thread_title,
        author,
        title,
        body,
        state,
        matched_words,
        open_reports,
        reasons,
        report_details,
        ..
    } = item;
    let actions = actions_for(post.kind, state, false, false, open_reports > 0)
        .into_iter()
        .filter(|a| {
            !matches!(
                a,
                StaffAction::Lock | StaffAction::Unlock | StaffAction::Pin | StaffAction::Unpin
            )
        })
        .collect();
    let words = matched_words.join("、");
    view! {
        <li class="card queue-item">
            <div class="thread-card__marks">
                {(state == PostState::Held).then(|| view! { <span class="badge badge--care">{tr(|t| t.mark_held)}</span> })}
                {(open_reports > 0).then(|| view! { <span class="badge">{move || t.get().queue_reports(i64::try_from(open_reports).unwrap_or(i64::MAX))}</span> })}
            </div>
            <h3 class="thread-card__title">
                <A href=format!("/community/threads/{thread_id}")>{title.unwrap_or(thread_title)}</A>
            </h3>
            <div class="author-line"><span class="author-line__name">{author.nickname}</span><span class="author-line__meta">{author.phone_masked}</span></div>
            {(!words.is_empty()).then(|| view! { <div class="queue-item__why">{move || t.get().queue_matched(&words)}</div> })}
            {(!reasons.is_empty()).then(|| view! {
                <div class="queue-item__why">
                    {reasons.into_iter().map(|r| view! { <span class="badge">{move || format!("{} × {}", reason_label(r.reason, t.get()), r.count)}</span> }).collect_view()}
                </div>
            })}
            {report_details.into_iter().map(|d| view! { <p class="queue-item__detail">{d}</p> }).collect_view()}
            <PostBody source=body />
            <StaffActions post actions on_done=move |()| refetch.run(()) />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_links_keep_the_filter_and_the_page() {
        assert_eq!(
            queue_href(QueueFilter::Held, 1),
            "/community/moderation?filter=held"
        );
        assert_eq!(
            queue_href(QueueFilter::All, 3),
            "/community/moderation?filter=all&page=3"
        );
    }
}
