//! 求助: the help button every elder-mode screen shows, and what it opens: a call to a
//! person at the hotline, a call to a family contact (or where to add one), and a request
//! for a callback. A `widgets::dialog::Dialog`, closed also by a tap beside it and when one
//! of its links opens another screen.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::auth::use_session;
use crate::i18n::tr;
use crate::me::FamilyCallButtons;
use crate::server_info::HotlineButton;
use crate::widgets::dialog::Dialog;
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
        <Dialog labelled_by="help-sheet-title" described_by="help-sheet-body" class="help-sheet"
            on_close=close close_on_backdrop=true close_ref>
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
        </Dialog>
    }
}
