//! A modal dialog: the dimmed page behind it, a close button top-right (the elder-friendly
//! rules: top-left, top-right or bottom-centre, at least 44 x 44), Escape to close, and
//! Tab kept among its own links and buttons. What it says and its answers are the
//! caller's, and so is where focus starts (a `NodeRef` focused in an `Effect`).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn Dialog(
    /// The id of the element that names it (its title).
    labelled_by: &'static str,
    /// The id of the element that says what it is about.
    described_by: &'static str,
    /// `alertdialog` for a question that needs an answer before going on.
    #[prop(default = "dialog")]
    role: &'static str,
    /// More classes for the dialog box.
    #[prop(optional)]
    class: &'static str,
    /// Escape, the close button (or a tap on the dimmed page, with `close_on_backdrop`).
    #[prop(into)]
    on_close: Callback<()>,
    /// A tap beside the dialog closes it too: for a sheet of choices, not a question.
    #[prop(optional)]
    close_on_backdrop: bool,
    /// Gets focus when the dialog opens, unless the caller focuses something else.
    #[prop(optional)]
    close_ref: Option<NodeRef<leptos::html::Button>>,
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    let close_ref = close_ref.unwrap_or_default();
    view! {
        <div class="dialog-backdrop" on:click=move |ev| {
            if close_on_backdrop && ev.target() == ev.current_target() {
                on_close.run(());
            }
        }>
            <div
                class=format!("dialog {class}")
                role=role
                aria-modal="true"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                node_ref=dialog_ref
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_close.run(());
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
                    on:click=move |_| on_close.run(())
                >
                    <Icon kind=IconKind::Close />
                </button>
                {children()}
            </div>
        </div>
    }
}

/// A modal dialog keeps Tab and Shift+Tab among its own links and buttons, so keyboard
/// and screen-reader users cannot wander into the page behind it.
fn keep_focus_inside(dialog: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
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
