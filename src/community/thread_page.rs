//! 帖子: the question, its poll, the accepted answer pinned on top, the replies a page at a
//! time (one level nested), votes, and the reply composer. Reading needs no account.

use crate::community::undo_deletion::remember_deleted_thread;
use care_contract::community::{PostKind, PostRef, PostState, Reply, ThreadView, VoteResult};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::api::{self, Votable, REPLIES_PER_PAGE};
use super::author_line::AuthorLine;
use super::community_page::board_name;
use super::composer::{ReplyComposer, ReplyTarget};
use super::edit::OwnPostActions;
use super::markup_view::PostBody;
use super::poll::PollCard;
use super::replies::{best_answer_error, ReplyHandlers, ReplyItem};
use super::report::ReportButton;
use super::staff_actions::{actions_for, StaffActions};
use super::texts::{tr, use_texts};
use super::votes::VoteButtons;
use crate::api::ApiError;
use crate::auth::{use_session, SessionState, SignInPrompt};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

#[component]
pub fn ThreadPage() -> impl IntoView {
    set_page_meta(|t| t.thread_title, Some("/community"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    let page = use_page_in_address();
    view! {
        <div class="page thread-page">
            {move || match id.get() {
                Some(id) => view! { <ThreadLoader id page=page.get() /> }.into_any(),
                None => view! { <ThreadNotFound /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ThreadLoader(id: i64, page: u32) -> impl IntoView {
    let thread = LocalResource::new(move || api::fetch_thread(id, page));
    view! {
        <Loaded data=thread skeleton=&[6, 3, 3] not_found=ThreadNotFound let:view>
            <Thread view refetch=move || thread.refetch() />
        </Loaded>
    }
}

#[component]
fn ThreadNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Compass /></div>
            <h2>{tr(|t| t.thread_not_found)}</h2>
            <A href="/community" attr:class="button button--primary">{tr(|t| t.back_to_community)}</A>
        </section>
    }
}

#[component]
fn Thread(view: ThreadView, #[prop(into)] refetch: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let session = use_session();
    let ThreadView {
        thread,
        board,
        poll,
        best_answer,
        replies,
        page,
        total,
        now,
        ..
    } = view;
    let id = thread.id;
    let locked = thread.locked;
    let target = RwSignal::new(None::<ReplyTarget>);
    // Replies posted here: shown at once at the end, without reading the thread again.
    let posted = RwSignal::new(Vec::<Reply>::new());
    let best_error = RwSignal::new(None::<ApiError>);
    let mark_best = Callback::new(move |reply_id: i64| {
        best_error.set(None);
        spawn_local(async move {
            match api::set_best_answer(id, Some(reply_id)).await {
                Ok(()) => refetch.run(()),
                Err(e) => {
                    best_error.try_set(Some(e));
                }
            }
        });
    });
    let handlers = ReplyHandlers {
        target,
        mark_best,
        thread_locked: locked,
        refetch,
    };
    // A new composer (and a new key) for each reply: the one that sent stays done.
    let composer_round = RwSignal::new(0_u32);
    let on_posted = move |reply: Reply| {
        posted.update(|list| list.push(reply));
        target.set(None);
        composer_round.update(|n| *n += 1);
    };
    let pages = page_count(total, REPLIES_PER_PAGE);
    let reply_total = i64::try_from(thread.reply_count).unwrap_or(i64::MAX);
    let counts = VoteResult {
        score: thread.score,
        up_votes: thread.up_votes,
        down_votes: thread.down_votes,
        my_vote: thread.my_vote,
    };
    let can_reply = thread.can.reply;
    let board_id = board.id;
    view! {
        <article class="card thread" aria-labelledby="thread-title">
            <p class="thread__board">
                <A href=format!("/community?board={board_id}")>{move || board_name(&board, locale.get())}</A>
            </p>
            <h2 class="thread__title" id="thread-title">{thread.title.clone()}</h2>
            <div class="thread-card__marks">
                {thread.pinned.then(|| view! { <span class="badge">{tr(|t| t.mark_pinned)}</span> })}
                {thread.best_reply_id.is_some().then(|| view! { <span class="badge badge--good">{tr(|t| t.mark_solved)}</span> })}
                {locked.then(|| view! { <span class="badge">{tr(|t| t.mark_locked)}</span> })}
                {(thread.state == PostState::Held).then(|| view! { <span class="badge badge--care">{tr(|t| t.mark_held)}</span> })}
            </div>
            {(thread.state == PostState::Held).then(|| view! {
                <p class="notice notice--care" role="status"><Icon kind=IconKind::Clock /><span>{tr(|t| t.held_notice)}</span></p>
            })}
            {thread.moderation_note.clone().map(|note| view! {
                <p class="notice notice--care"><span>{move || t.get().moderation_note(&note)}</span></p>
            })}
            <AuthorLine author=thread.author.clone() at=thread.created_at now edited=thread.edited_at.is_some() />
            <PostBody source=thread.body.clone() />
            <div class="post-actions">
                <VoteButtons on=Votable::Thread(id) counts can_vote=thread.can.vote />
                {thread.can.report.then(|| view! { <ReportButton post=PostRef { kind: PostKind::Thread, id } /> })}
            </div>
            {(thread.can.edit || thread.can.delete).then(|| {
                let navigate = leptos_router::hooks::use_navigate();
                let title = thread.title.clone();
                view! {
                    <OwnPostActions post=PostRef { kind: PostKind::Thread, id } title=Some(thread.title.clone())
                        body=thread.body.clone() can_edit=thread.can.edit can_delete=thread.can.delete
                        on_saved=refetch
                        on_deleted=move |deleted| {
                            // The board's list offers the undo (community/undo_deletion.rs).
                            remember_deleted_thread(deleted, title.clone());
                            navigate(&format!("/community?board={board_id}"), Default::default())
                        } />
                }
            })}
            {thread.can.moderate.then(|| view! {
                <StaffActions post=PostRef { kind: PostKind::Thread, id }
                    actions=actions_for(PostKind::Thread, thread.state, locked, thread.pinned, false) on_done=refetch />
            })}
        </article>
        {poll.map(|poll| view! { <PollCard thread_id=id poll /> })}
        // Pinned on its own: the replies under it stay in its place among the replies.
        {best_answer.map(|mut reply| { reply.children.clear(); reply.child_count = 0; reply }).map(|reply| view! {
            <section class="card best-answer" aria-labelledby="best-answer-title">
                <h2 class="card__title" id="best-answer-title"><Icon kind=IconKind::Check />{tr(|t| t.best_answer)}</h2>
                <ul class="replies"><ReplyItem reply now handlers /></ul>
            </section>
        })}
        {move || best_error.get().map(|e| view! {
            <p class="notice notice--error" role="alert">
                <Icon kind=IconKind::Alert /><span>{move || best_answer_error(&e, t.get())}</span>
            </p>
        })}
        <section class="replies-section" aria-labelledby="replies-title">
            <h2 class="section-title" id="replies-title">{move || t.get().reply_count(reply_total)}</h2>
            {if replies.is_empty() && page == 1 {
                view! { <p class="card empty-state">{tr(|t| t.replies_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="replies">
                        {replies.into_iter().map(|reply| view! { <ReplyItem reply now handlers /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ul class="replies" aria-live="polite">
                {move || posted.get().into_iter().map(|reply| view! { <ReplyItem reply now handlers /> }).collect_view()}
            </ul>
            {(pages > 1).then(|| view! {
                <LinkPager page pages href=move |p: u32| if p == 1 { format!("/community/threads/{id}") } else { format!("/community/threads/{id}?page={p}") }
                    label=tr(|t| t.replies_pages) />
            })}
        </section>
        {move || match session.state.get() {
            SessionState::SignedOut => view! {
                <section class="card">
                    <SignInPrompt text=tr(|t| t.sign_in_to_reply) back=format!("/community/threads/{id}") />
                </section>
            }.into_any(),
            SessionState::SignedIn(_) if locked => view! {
                <p class="card notice notice--care">{tr(|t| t.thread_locked_notice)}</p>
            }.into_any(),
            SessionState::SignedIn(_) if can_reply => view! {
                {move || { composer_round.get(); view! { <ReplyComposer thread_id=id target on_posted /> } }}
            }.into_any(),
            _ => ().into_any(),
        }}
    }
}
