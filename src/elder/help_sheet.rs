//! 求助: the help button every elder-mode screen shows, and what it opens: a call to a
//! person at the hotline, a call to a family contact (or where to add one), and a request
//! for a callback. A dialog with its close button top-right, Escape to close, focus kept
//! inside, and closed when one of its links opens another screen.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::auth::use_session;
use crate::i18n::tr;
use crate::me::FamilyCallButtons;
use crate::server_info::HotlineButton;
use crate::widgets::elder_prompt::keep_focus_inside;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn HelpButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let button_ref = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        // Back to where the user was.
        if let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    // A link in the sheet opens another screen: the sheet has done its work.
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            open.set(false);
        }
        now
    });
    view! {
        <button
            type="button"
            class="button button--primary elder-tools__button elder-tools__help"
            aria-haspopup="dialog"
            node_ref=button_ref
            on:click=move |_| open.set(true)
        >
            <Icon kind=IconKind::Question />
            <span>{tr(|t| t.help_button)}</span>
        </button>
        <Show when=move || open.get()>
            <HelpSheet close=Callback::new(move |_| close()) />
        </Show>
    }
}

#[component]
fn HelpSheet(close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_ref.get() {
            let _ = button.focus();
        }
    });
    let family = move || {
        let contacts = session
            .profile()
            .map(|p| p.family_contacts)
            .unwrap_or_default();
        if contacts.is_empty() {
            view! {
                <A href="/me/family" attr:class="button button--secondary button--block button--wrap">
                    <Icon kind=IconKind::Heart />
                    <span>{tr(|t| t.help_add_family)}</span>
                </A>
            }
            .into_any()
        } else {
            view! { <FamilyCallButtons contacts=contacts /> }.into_any()
        }
    };
    view! {
        <div class="dialog-backdrop" on:click=move |ev| {
            // A tap on the dim area around the sheet closes it, like the close button.
            if ev.target() == ev.current_target() {
                close.run(());
            }
        }>
            <div
                class="dialog help-sheet"
                role="dialog"
                aria-modal="true"
                aria-labelledby="help-sheet-title"
                aria-describedby="help-sheet-body"
                node_ref=dialog_ref
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close.run(());
                    } else if ev.key() == "Tab" {
                        if let Some(dialog) = dialog_ref.get() {
                            keep_focus_inside(&dialog, &ev);
                        }
                    }
                }
            >
                <button
                    type="button"
                    class="icon-button dialog__close"
                    aria-label=tr(|t| t.close)
                    node_ref=close_ref
                    on:click=move |_| close.run(())
                >
                    <Icon kind=IconKind::Close />
                </button>
                <h2 id="help-sheet-title" class="dialog__title">{tr(|t| t.help_title)}</h2>
                <p id="help-sheet-body" class="dialog__body">{tr(|t| t.help_sheet_body)}</p>
                <div class="dialog__actions">
                    <HotlineButton />
                    {family}
                    <A href="/me/callback" attr:class="button button--secondary button--block button--wrap">
                        <Icon kind=IconKind::Clock />
                        <span>{tr(|t| t.help_callback)}</span>
                    </A>
                </div>
            </div>
        </div>
    }
}
