//! An author's deleted post can come back for ten minutes (`undo::UNDO_WINDOW_MINUTES`).
//! A deleted reply stays in its thread as a placeholder, and its author sees the undo
//! there (the backend sends `undo_until` to them alone). A deleted thread is gone, even
//! for its author, so the answer to the delete is kept for the tab and the board's list,
//! where deleting leads, offers the undo. Nothing here runs on a timer.

use care_contract::community::PostDeleted;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::drafts::Draft;
use crate::i18n::dates::{self, format_moment};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

/// The thread its author deleted in this tab, while it can still come back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeletedThread {
    pub id: i64,
    pub title: String,
    pub undo_until: DateTime<Utc>,
}

const DELETED_THREAD: Draft = Draft::for_the_tab("care.community.deleted-thread.v1");

/// Keeps what the delete answered, for the list to offer the undo.
pub fn remember_deleted_thread(deleted: PostDeleted, title: String) {
    DELETED_THREAD.save_json(&DeletedThread {
        id: deleted.post.id,
        title,
        undo_until: deleted.undo_until,
    });
}

/// The thread deleted in this tab whose undo is still open at `now`.
fn deleted_thread_open_at(now: DateTime<Utc>) -> Option<DeletedThread> {
    DELETED_THREAD
        .load_json::<DeletedThread>()
        .filter(|d| d.undo_until > now)
}

/// The undo's button and what went wrong with it.
#[component]
fn UndoButton(
    #[prop(into)] run: Callback<(), ()>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <button type="button" class="button button--secondary" disabled=move || busy.get()
            on:click=move |_| run.run(())>
            <Icon kind=IconKind::Back />
            <span>{tr(|t| t.undo_delete_action)}</span>
        </button>
        {move || error.get().map(|error| view! {
            <p class="notice notice--error" role="alert">
                <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
            </p>
        })}
    }
}

/// On the board's list: the thread just deleted, with the way back.
#[component]
pub fn UndoThreadDeletion() -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let navigate = use_navigate();
    let Some(deleted) = deleted_thread_open_at(dates::now()) else {
        DELETED_THREAD.clear();
        return ().into_any();
    };
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = deleted.id;
    let run = move |()| {
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::restore_thread(id).await {
                Ok(_) => {
                    DELETED_THREAD.clear();
                    navigate(&format!("/community/threads/{id}"), Default::default());
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let until = deleted.undo_until;
    let title = deleted.title.clone();
    view! {
        <section class="card undo" aria-labelledby="undo-thread-title">
            <h2 class="card__title" id="undo-thread-title"><Icon kind=IconKind::Clock />{move || t.get().undo_thread_deleted(&title)}</h2>
            <p>{move || t.get().undo_delete_body(&format_moment(until, prefs.with(|p| p.locale)))}</p>
            <UndoButton run busy error />
        </section>
    }
    .into_any()
}

/// In a deleted reply's placeholder, for its author.
#[component]
pub fn UndoReplyDeletion(
    reply_id: i64,
    until: DateTime<Utc>,
    #[prop(into)] on_restored: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let run = move |()| {
        busy.set(true);
        spawn_local(async move {
            match api::restore_reply(reply_id).await {
                Ok(_) => on_restored.run(()),
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="undo undo--inline">
            <p>{move || t.get().undo_delete_body(&format_moment(until, prefs.with(|p| p.locale)))}</p>
            <UndoButton run busy error />
        </div>
    }
}
