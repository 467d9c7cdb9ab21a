//! Short confirmations ("You have signed out"). They live in a polite live region; in
//! elder mode they stay until closed, so nobody is rushed.

use leptos::prelude::*;

use crate::i18n::{tr, use_texts, TextKey};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

/// How long a toast stays in standard mode.
const TOAST_MS: u64 = 6_000;

/// A toast's text is chosen by key, so it follows a language switch.
#[derive(Clone, Copy)]
struct Toast {
    id: u32,
    text: TextKey,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u32>,
    /// Whether toasts stay until closed: elder mode, read when each toast is shown.
    elder_mode: Signal<bool>,
}

impl Toasts {
    pub fn show(&self, text: TextKey) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| items.push(Toast { id, text }));
        // Shown from anywhere, an async task included: nothing here may need a reactive owner.
        if !self.elder_mode.get_untracked() {
            let items = self.items;
            set_timeout(
                move || items.update(|items| items.retain(|t| t.id != id)),
                std::time::Duration::from_millis(TOAST_MS),
            );
        }
    }

    fn dismiss(&self, id: u32) {
        self.items.update(|items| items.retain(|t| t.id != id));
    }
}

/// Provides the toasts; call after `provide_prefs`.
pub fn provide_toasts() -> Toasts {
    let prefs = use_prefs();
    let toasts = Toasts {
        items: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
        elder_mode: Signal::derive(move || prefs.with(|p| p.elder_mode)),
    };
    provide_context(toasts);
    toasts
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// The live region that shows the toasts; rendered once by the layout.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let t = use_texts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|toast| toast.id let:toast>
                <div class="toast">
                    <Icon kind=IconKind::Check />
                    <span class="toast__text">{move || (toast.text)(t.get())}</span>
                    <button
                        type="button"
                        class="icon-button"
                        aria-label=tr(|t| t.close)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        <Icon kind=IconKind::Close />
                    </button>
                </div>
            </For>
        </div>
    }
}
