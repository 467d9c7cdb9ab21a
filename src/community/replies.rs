//! The replies to a thread, one level nested: each reply to the thread with the first
//! replies under it, and "show more" for a longer branch. A hidden or deleted reply stays
//! in its place as a placeholder, so the replies under it still make sense.

use crate::community::undo_deletion::UndoReplyDeletion;
use care_contract::community::{PostKind, PostRef, PostState, Reply, VoteResult};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api::{self, Votable};
use super::author_line::AuthorLine;
use super::composer::ReplyTarget;
use super::edit::OwnPostActions;
use super::markup_view::PostBody;
use super::report::ReportButton;
use super::staff_actions::{actions_for, StaffAction, StaffActions};
use super::texts::{tr, use_texts};
use super::votes::VoteButtons;
use super::words::refusal_text;
use crate::api::ApiError;
use crate::widgets::icons::{Icon, IconKind};

/// What a reply can do on this page: answer it in the composer, or make it the best answer.
#[derive(Clone, Copy)]
pub struct ReplyHandlers {
    pub target: RwSignal<Option<ReplyTarget>>,
    pub mark_best: Callback<i64>,
    pub thread_locked: bool,
    /// Reads the thread again after a staff action.
    pub refetch: Callback<()>,
}

#[component]
pub fn ReplyItem(reply: Reply, now: DateTime<Utc>, handlers: ReplyHandlers) -> impl IntoView {
    let t = use_texts();
    let id = reply.id;
    let thread_id = reply.thread_id;
    let shown_children = reply.children.len() as u64;
    let more = reply.child_count.saturating_sub(shown_children);
    let extra = RwSignal::new(Vec::<Reply>::new());
    let loading_more = RwSignal::new(false);
    let more_error = RwSignal::new(None::<ApiError>);
    let show_more = move |_| {
        loading_more.set(true);
        more_error.set(None);
        spawn_local(async move {
            // Every page of the branch: a long branch is read in full once asked for.
            let mut all = Vec::new();
            let mut page = 1;
            let outcome = loop {
                match api::fetch_children(thread_id, id, page).await {
                    Ok(answer) => {
                        let total = answer.total;
                        all.extend(answer.replies);
                        if all.len() as u64 >= total || page >= 50 {
                            break Ok(());
                        }
                        page += 1;
                    }
                    Err(e) => break Err(e),
                }
            };
            match outcome {
                Ok(()) => {
                    let skip = shown_children as usize;
                    extra.try_set(all.into_iter().skip(skip).collect());
                }
                Err(e) => {
                    more_error.try_set(Some(e));
                }
            }
            loading_more.try_set(false);
        });
    };
    let children = reply.children.clone();
    view! {
        <li class="reply" id=format!("reply-{id}")>
            <ReplyBody reply now handlers />
            {(!children.is_empty()).then(|| view! {
                <ul class="reply__children">
                    {children.into_iter().map(|child| view! { <NestedReply reply=child now handlers /> }).collect_view()}
                    {move || extra.get().into_iter().map(|child| view! { <NestedReply reply=child now handlers /> }).collect_view()}
                </ul>
            })}
            {(more > 0).then(|| view! {
                <Show when=move || extra.with(Vec::is_empty)>
                    <button type="button" class="button button--secondary reply__more"
                        disabled=move || loading_more.get() on:click=show_more>
                        {move || t.get().show_more_replies(i64::try_from(more).unwrap_or(i64::MAX))}
                    </button>
                </Show>
            })}
            {move || more_error.get().map(|e| view! {
                <p class="notice notice--error" role="alert">
                    <Icon kind=IconKind::Alert /><span>{move || e.message(t.get())}</span>
                </p>
            })}
        </li>
    }
}

#[component]
fn NestedReply(reply: Reply, now: DateTime<Utc>, handlers: ReplyHandlers) -> impl IntoView {
    let id = format!("reply-{}", reply.id);
    view! {
        <li class="reply reply--nested" id=id>
            <ReplyBody reply now handlers />
        </li>
    }
}

#[component]
fn ReplyBody(reply: Reply, now: DateTime<Utc>, handlers: ReplyHandlers) -> impl IntoView {
    let t = use_texts();
    let Reply {
        id,
        reply_to_nickname,
        author,
        body,
        state,
        created_at,
        edited_at,
        score,
        up_votes,
        down_votes,
        my_vote,
        is_best,
        adopted,
        can,
        undo_until,
        ..
    } = reply;
    let (Some(author), Some(body)) = (author, body) else {
        // A placeholder: hidden by staff or deleted by its author, who may undo that for a
        // while (the backend sends `undo_until` to them alone).
        return view! {
            <p class="reply__placeholder">
                {move || if state == PostState::Deleted { t.get().reply_deleted } else { t.get().reply_hidden }}
            </p>
            {undo_until.filter(|_| state == PostState::Deleted).map(|until| view! {
                <UndoReplyDeletion reply_id=id until on_restored=handlers.refetch />
            })}
        }
        .into_any();
    };
    let nickname = author.nickname.clone();
    let counts = VoteResult {
        score,
        up_votes,
        down_votes,
        my_vote,
    };
    let answer = move |_| {
        handlers.target.set(Some(ReplyTarget {
            reply_id: id,
            nickname: nickname.clone(),
        }))
    };
    view! {
        <div class="reply__body" class:reply__body--best=is_best>
            <div class="reply__marks">
                {is_best.then(|| view! { <span class="badge badge--good"><Icon kind=IconKind::Check />{tr(|t| t.best_answer)}</span> })}
                {adopted.is_some().then(|| view! { <span class="badge badge--good">{tr(|t| t.mark_adopted)}</span> })}
                {(state == PostState::Held).then(|| view! { <span class="badge badge--care">{tr(|t| t.mark_held)}</span> })}
                {(state == PostState::Hidden).then(|| view! { <span class="badge badge--care">{tr(|t| t.mark_hidden)}</span> })}
            </div>
            <AuthorLine author at=created_at now edited=edited_at.is_some() />
            {reply_to_nickname.map(|name| view! { <div class="reply__to">{move || t.get().reply_to_someone(&name)}</div> })}
            <PostBody source=body.clone() />
            <div class="post-actions">
                <VoteButtons on=Votable::Reply(id) counts can_vote=can.vote />
                {(can.reply && !handlers.thread_locked).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=answer>
                        {tr(|t| t.reply_action)}
                    </button>
                })}
                {(can.mark_best && !is_best && state == PostState::Published).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| handlers.mark_best.run(id)>
                        {tr(|t| t.mark_best_action)}
                    </button>
                })}
                {can.report.then(|| view! { <ReportButton post=PostRef { kind: PostKind::Reply, id } /> })}
            </div>
            {(can.edit || can.delete).then(|| view! {
                <OwnPostActions post=PostRef { kind: PostKind::Reply, id } title=None body=body.clone()
                    can_edit=can.edit can_delete=can.delete on_saved=handlers.refetch on_deleted=move |_| handlers.refetch.run(()) />
            })}
            {(can.moderate || can.adopt).then(|| {
                let mut actions = if can.moderate { actions_for(PostKind::Reply, state, false, false, false) } else { Vec::new() };
                if can.adopt && adopted.is_none() {
                    actions.push(StaffAction::Adopt);
                }
                view! { <StaffActions post=PostRef { kind: PostKind::Reply, id } actions on_done=handlers.refetch /> }
            })}
        </div>
    }
    .into_any()
}

/// A best-answer refusal in words, for the thread page.
pub fn best_answer_error(error: &ApiError, t: &'static super::texts::Texts) -> String {
    refusal_text(error, t)
}
