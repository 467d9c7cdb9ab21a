//! The first-visit question: would you like elder mode? Large friendly words, two big
//! answers, a close button top-right (`widgets::dialog`), and it never comes back once
//! answered.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::prefs::use_prefs;
use crate::widgets::dialog::Dialog;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn ElderPrompt() -> impl IntoView {
    let prefs = use_prefs();
    let open = move || !prefs.with(|p| p.elder_prompt_answered);
    let answer = move |elder_mode: bool| {
        prefs.update(|p| {
            p.elder_mode = elder_mode;
            p.elder_prompt_answered = true;
        })
    };
    let yes_ref = NodeRef::<leptos::html::Button>::new();
    // Move focus into the dialog when it appears, so keyboard and screen-reader users
    // start there.
    Effect::new(move |_| {
        if let Some(button) = yes_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <Show when=open>
            <Dialog labelled_by="elder-prompt-title" described_by="elder-prompt-body" on_close=move |()| answer(false)>
                <div class="dialog__icon"><Icon kind=IconKind::TextSize /></div>
                <h2 id="elder-prompt-title" class="dialog__title">{tr(|t| t.elder_prompt_title)}</h2>
                <p id="elder-prompt-body" class="dialog__body">{tr(|t| t.elder_prompt_body)}</p>
                <div class="dialog__actions">
                    <button
                        type="button"
                        class="button button--primary button--large"
                        node_ref=yes_ref
                        on:click=move |_| answer(true)
                    >
                        {tr(|t| t.elder_prompt_yes)}
                    </button>
                    <button type="button" class="button button--secondary button--large" on:click=move |_| answer(false)>
                        {tr(|t| t.elder_prompt_no)}
                    </button>
                </div>
            </Dialog>
        </Show>
    }
}
