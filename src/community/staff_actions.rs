//! What staff (the seeded staff account, same app) can do to a post: hide or restore it
//! with a note, approve or reject a held one, settle its reports, lock and pin a thread,
//! adopt a suggestion. The backend logs every action (`moderation_log_page.rs`).

use care_contract::community::{
    PostKind, PostRef, PostState, ReplyModAction, ReplyModeration, ThreadModAction,
    ThreadModeration, MODERATION_NOTE_MAX_CHARS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api;
use super::texts::{tr, use_texts, Texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::widgets::icons::{Icon, IconKind};

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
}
