//! The author's own post: edit it or delete it while the edit window is open (the backend
//! says until when, and checks again). Deleting asks once more first.

use care_contract::community::{
    PostDeleted, PostKind, PostRef, REPLY_MAX_CHARS, REPLY_MIN_CHARS, THREAD_BODY_MAX_CHARS,
    THREAD_BODY_MIN_CHARS, TITLE_MAX_CHARS, TITLE_MIN_CHARS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::elder::use_confirm_send;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Idle,
    Editing,
    ConfirmDelete,
    Busy,
}

#[component]
pub fn OwnPostActions(
    post: PostRef,
    /// A thread's title; none for a reply.
    title: Option<String>,
    body: String,
    can_edit: bool,
    can_delete: bool,
    /// After a save: read the thread again.
    #[prop(into)]
    on_saved: Callback<()>,
    /// After a delete, with until when it can be undone.
    #[prop(into)]
    on_deleted: Callback<PostDeleted>,
) -> impl IntoView {
    let t = use_texts();
    let mode = RwSignal::new(Mode::Idle);
    let has_title = title.is_some();
    let title = RwSignal::new(title.unwrap_or_default());
    let body = RwSignal::new(body);
    let error = RwSignal::new(None::<ApiError>);
    let tried = RwSignal::new(false);
    let (body_min, body_max) = match post.kind {
        PostKind::Thread => (THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS),
        PostKind::Reply => (REPLY_MIN_CHARS, REPLY_MAX_CHARS),
    };
    let title_problem = move || {
        has_title
            .then(|| title.with(|s| check_length(s, TITLE_MIN_CHARS, TITLE_MAX_CHARS).err()))
            .flatten()
    };
    let body_problem = move || body.with(|s| check_length(s, body_min, body_max).err());
    let confirm = use_confirm_send();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if title_problem().is_some()
            || body_problem().is_some()
            || mode.get_untracked() == Mode::Busy
        {
            return;
        }
        confirm.ask(tr(|t| t.confirm_edit), move || {
            mode.set(Mode::Busy);
            error.set(None);
            let (new_title, new_body) = (
                title.get_untracked().trim().to_owned(),
                body.get_untracked().trim().to_owned(),
            );
            spawn_local(async move {
                let result = match post.kind {
                    PostKind::Thread => api::edit_thread(post.id, new_title, new_body).await,
                    PostKind::Reply => api::edit_reply(post.id, new_body).await,
                };
                match result {
                    Ok(()) => on_saved.run(()),
                    Err(e) => {
                        error.try_set(Some(e));
                        mode.try_set(Mode::Editing);
                    }
                }
            });
        });
    };
    let delete = move |_| {
        if mode.get_untracked() == Mode::Busy {
            return;
        }
        mode.set(Mode::Busy);
        error.set(None);
        spawn_local(async move {
            match api::delete_post(post).await {
                Ok(deleted) => on_deleted.run(deleted),
                Err(e) => {
                    error.try_set(Some(e));
                    mode.try_set(Mode::Idle);
                }
            }
        });
    };
    let id = format!("edit-{}-{}", post.kind.as_str(), post.id);
    view! {
        <div class="own-post">
            {move || match mode.get() {
                Mode::Idle => view! {
                    <div class="own-post__buttons">
                        {can_edit.then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| mode.set(Mode::Editing)>
                                {tr(|t| t.edit_action)}
                            </button>
                        })}
                        {can_delete.then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| mode.set(Mode::ConfirmDelete)>
                                {tr(|t| t.delete_action)}
                            </button>
                        })}
                    </div>
                }.into_any(),
                Mode::ConfirmDelete => view! {
                    <div class="notice notice--care" role="alertdialog" aria-labelledby=format!("{id}-confirm")>
                        <p id=format!("{id}-confirm")>{tr(|t| t.delete_confirm)}</p>
                        <div class="own-post__buttons">
                            <button type="button" class="button button--primary" on:click=delete>{tr(|t| t.delete_yes)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| mode.set(Mode::Idle)>{tr(|t| t.delete_no)}</button>
                        </div>
                    </div>
                }.into_any(),
                Mode::Editing | Mode::Busy => {
                    let busy = move || mode.get() == Mode::Busy;
                    let id = id.clone();
                    view! {
                        <form class="form own-post__form" novalidate on:submit=save>
                            {has_title.then(|| view! {
                                <LengthField id=format!("{id}-title") label=tr(|t| t.title_field) max=TITLE_MAX_CHARS
                                    value=title.into() problem=Signal::derive(move || tried.get().then(title_problem).flatten())
                                    readonly=Signal::derive(busy) on_input=move |v| title.set(v) />
                            })}
                            <LengthField id=format!("{id}-body") label=tr(|t| t.body_field) max=body_max rows=5
                                value=body.into() problem=Signal::derive(move || tried.get().then(body_problem).flatten())
                                readonly=Signal::derive(busy) on_input=move |v| body.set(v) />
                            <div class="own-post__buttons">
                                <button type="submit" class="button button--primary" disabled=busy>{tr(|t| t.edit_save)}</button>
                                <button type="button" class="button button--secondary" disabled=busy on:click=move |_| mode.set(Mode::Idle)>{tr(|t| t.edit_cancel)}</button>
                            </div>
                        </form>
                    }.into_any()
                }
            }}
            {move || error.get().map(|e| view! {
                <p class="notice notice--error" role="alert"><Icon kind=IconKind::Alert /><span>{move || refusal_text(&e, t.get())}</span></p>
            })}
        </div>
    }
}
