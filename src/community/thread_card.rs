//! A thread in a list: its title (the link), the first words, who asked and when, and its
//! score, replies and marks (solved, pinned, locked, poll, awaiting review).

use care_contract::community::{PostState, ThreadSummary};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use super::author_line::AuthorLine;
use super::texts::{tr, use_texts};

#[component]
pub fn ThreadCard(thread: ThreadSummary, now: DateTime<Utc>) -> impl IntoView {
    let t = use_texts();
    let ThreadSummary {
        id,
        title,
        excerpt,
        author,
        state,
        created_at,
        edited_at,
        score,
        reply_count,
        solved,
        pinned,
        locked,
        has_poll,
        ..
    } = thread;
    let replies = i64::try_from(reply_count).unwrap_or(i64::MAX);
    view! {
        <li class="card thread-card" on:click=move |_| super::community_page::remember_position()>
            <div class="thread-card__marks">
                {pinned.then(|| view! { <span class="badge">{tr(|t| t.mark_pinned)}</span> })}
                {solved.then(|| view! { <span class="badge badge--good">{tr(|t| t.mark_solved)}</span> })}
                {has_poll.then(|| view! { <span class="badge">{tr(|t| t.mark_poll)}</span> })}
                {locked.then(|| view! { <span class="badge">{tr(|t| t.mark_locked)}</span> })}
                {(state == PostState::Held).then(|| view! { <span class="badge badge--care">{tr(|t| t.mark_held)}</span> })}
            </div>
            <h3 class="thread-card__title"><A href=format!("/community/threads/{id}")>{title}</A></h3>
            <p class="thread-card__excerpt">{excerpt}</p>
            <AuthorLine author at=created_at now edited=edited_at.is_some() />
            <div class="thread-card__counts">
                <span>{move || t.get().thread_score(score)}</span>
                " · "
                <span>{move || t.get().reply_count(replies)}</span>
            </div>
        </li>
    }
}
