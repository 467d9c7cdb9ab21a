//! What staff do (the seeded staff account, same app): the queue of held and reported
//! posts, and on any post hide or restore it with a note, approve or reject a held one,
//! lock and pin a thread, adopt a suggestion. The backend logs every action.

use care_contract::community::{
    ModerationQueue, PostKind, PostRef, PostState, QueueFilter, QueueItem, ReplyModAction,
    ReplyModeration, ThreadModAction, ThreadModeration, MODERATION_NOTE_MAX_CHARS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::api;
use super::markup_view::PostBody;
use super::report::reason_label;
use super::texts::{tr, use_texts, Texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::auth::RequireSignIn;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::LinkPager;

/// One staff action on one post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    Hide,
    Restore,
    Approve,
    Reject,
    Lock,
    Unlock,
    Pin,
    Unpin,
    Dismiss,
    Adopt,
}

impl StaffAction {
    fn label(self, t: &Texts) -> &'static str {
        match self {
            StaffAction::Hide => t.mod_hide,
            StaffAction::Restore => t.mod_restore,
            StaffAction::Approve => t.mod_approve,
            StaffAction::Reject => t.mod_reject,
            StaffAction::Lock => t.mod_lock,
            StaffAction::Unlock => t.mod_unlock,
            StaffAction::Pin => t.mod_pin,
            StaffAction::Unpin => t.mod_unpin,
            StaffAction::Dismiss => t.mod_dismiss,
            StaffAction::Adopt => t.mod_adopt,
        }
    }
}

/// The actions that fit a post as it stands.
pub fn actions_for(
    kind: PostKind,
    state: PostState,
    locked: bool,
    pinned: bool,
    reported: bool,
) -> Vec<StaffAction> {
    let mut actions = match state {
        PostState::Held => vec![StaffAction::Approve, StaffAction::Reject],
        PostState::Published => vec![StaffAction::Hide],
        PostState::Hidden => vec![StaffAction::Restore],
        PostState::Rejected | PostState::Deleted => vec![],
    };
    if reported && state == PostState::Published {
        actions.push(StaffAction::Dismiss);
    }
    if kind == PostKind::Thread && state == PostState::Published {
        actions.push(if locked {
            StaffAction::Unlock
        } else {
            StaffAction::Lock
        });
        actions.push(if pinned {
            StaffAction::Unpin
        } else {
            StaffAction::Pin
        });
    }
    actions
}

async fn run(post: PostRef, action: StaffAction, note: Option<String>) -> Result<(), ApiError> {
    if action == StaffAction::Adopt {
        return api::adopt(post.id).await.map(drop);
    }
    match post.kind {
        PostKind::Thread => {
            let action = match action {
                StaffAction::Hide => ThreadModAction::Hide,
                StaffAction::Restore => ThreadModAction::Restore,
                StaffAction::Approve => ThreadModAction::Approve,
                StaffAction::Reject => ThreadModAction::Reject,
                StaffAction::Lock => ThreadModAction::Lock,
                StaffAction::Unlock => ThreadModAction::Unlock,
                StaffAction::Pin => ThreadModAction::Pin,
                StaffAction::Unpin => ThreadModAction::Unpin,
                StaffAction::Dismiss | StaffAction::Adopt => ThreadModAction::Dismiss,
            };
            api::moderate_thread(post.id, ThreadModeration { action, note })
                .await
                .map(drop)
        }
        PostKind::Reply => {
            let action = match action {
                StaffAction::Hide => ReplyModAction::Hide,
                StaffAction::Restore => ReplyModAction::Restore,
                StaffAction::Approve => ReplyModAction::Approve,
                StaffAction::Reject => ReplyModAction::Reject,
                _ => ReplyModAction::Dismiss,
            };
            api::moderate_reply(post.id, ReplyModeration { action, note })
                .await
                .map(drop)
        }
    }
}

/// The staff's buttons for one post, with a note (told to the author when hiding or
/// rejecting). `on_done` runs after the backend took the action.
#[component]
pub fn StaffActions(
    post: PostRef,
    actions: Vec<StaffAction>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let note_id = format!("note-{}-{}", post.kind.as_str(), post.id);
    let act = move |action: StaffAction| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let text = note.get_untracked().trim().to_owned();
        spawn_local(async move {
            match run(post, action, (!text.is_empty()).then_some(text)).await {
                Ok(()) => on_done.run(()),
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    if actions.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="staff-actions" role="group" aria-label=tr(|t| t.mod_actions_label)>
            <div class="field">
                <label for=note_id.clone()>{tr(|t| t.mod_note)}</label>
                <input id=note_id type="text" maxlength=MODERATION_NOTE_MAX_CHARS.to_string()
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
            </div>
            <div class="staff-actions__buttons">
                {actions.into_iter().map(|action| view! {
                    <button type="button" class="button button--secondary" disabled=move || busy.get()
                        on:click=move |_| act(action)>
                        {move || action.label(t.get())}
                    </button>
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! {
                <p class="notice notice--error" role="alert"><Icon kind=IconKind::Alert /><span>{move || refusal_text(&e, t.get())}</span></p>
            })}
        </div>
    }
    .into_any()
}

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
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    });
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
    let pages = queue
        .total
        .div_ceil(u64::from(queue.per_page.max(1)))
        .max(1) as u32;
    let current = queue.page;
    view! {
        <p class="section-title" role="status">{move || t.get().queue_counts(held, reported)}</p>
        {if queue.items.is_empty() {
            view! { <p class="card empty-state">{tr(|t| t.queue_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="thread-list" aria-label=tr(|t| t.queue_list_label)>
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
            {(!words.is_empty()).then(|| view! { <p class="queue-item__why">{move || t.get().queue_matched(&words)}</p> })}
            {(!reasons.is_empty()).then(|| view! {
                <p class="queue-item__why">
                    {reasons.into_iter().map(|r| view! { <span class="badge">{move || format!("{} × {}", reason_label(r.reason, t.get()), r.count)}</span> }).collect_view()}
                </p>
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
    fn each_state_offers_only_what_can_happen_to_it() {
        use StaffAction::*;
        assert_eq!(
            actions_for(PostKind::Reply, PostState::Held, false, false, false),
            vec![Approve, Reject]
        );
        assert_eq!(
            actions_for(PostKind::Reply, PostState::Published, false, false, true),
            vec![Hide, Dismiss]
        );
        assert_eq!(
            actions_for(PostKind::Reply, PostState::Hidden, false, false, true),
            vec![Restore]
        );
        assert_eq!(
            actions_for(PostKind::Thread, PostState::Published, true, false, false),
            vec![Hide, Unlock, Pin]
        );
        assert!(actions_for(PostKind::Thread, PostState::Deleted, false, false, false).is_empty());
    }

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
