//! The first-visit question: would you like elder mode? Large friendly words, two big
//! answers, a close button top-right, and it never comes back once answered.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::prefs::use_prefs;
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
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    // Move focus into the dialog when it appears, so keyboard and screen-reader users
    // start there.
    Effect::new(move |_| {
        if let Some(button) = yes_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <Show when=open>
            <div class="dialog-backdrop">
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="elder-prompt-title"
                    aria-describedby="elder-prompt-body"
                    node_ref=dialog_ref
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            answer(false);
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
                        on:click=move |_| answer(false)
                    >
                        <Icon kind=IconKind::Close />
                    </button>
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
                </div>
            </div>
        </Show>
    }
}

/// A modal dialog keeps Tab and Shift+Tab among its own links and buttons, so keyboard
/// and screen-reader users cannot wander into the page behind it.
pub(crate) fn keep_focus_inside(dialog: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let Ok(buttons) = dialog.query_selector_all("a[href], button") else {
        return;
    };
    let (Some(first), Some(last)) = (
        buttons.item(0),
        buttons.item(buttons.length().saturating_sub(1)),
    ) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(web_sys::Node::from);
    let wrap_to = match (ev.shift_key(), active) {
        (true, Some(node)) if node == first => last,
        (false, Some(node)) if node == last => first,
        _ => return,
    };
    if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(wrap_to) {
        ev.prevent_default();
        let _ = target.focus();
    }
}
