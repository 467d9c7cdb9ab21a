//! Elder mode asks before anything is sent: "确定要发送吗？" with two big answers. In
//! standard mode the form is sent at once. One question for the whole app, in the shell;
//! a form hands it what to do on yes.
//!
//! ```ignore
//! let confirm = use_confirm_send();
//! // after the form's own checks have passed:
//! confirm.ask(tr(|t| t.confirm_new_ticket), move || submit.submit(request));
//! ```

use leptos::prelude::*;

use crate::i18n::tr;
use crate::prefs::use_prefs;
use crate::widgets::dialog::Dialog;
use crate::widgets::icons::{Icon, IconKind};

type OnYes = Box<dyn FnOnce()>;

#[derive(Clone, Copy)]
pub struct ConfirmSend {
    /// The question being asked (what will be sent), or none.
    question: RwSignal<Option<Signal<&'static str>>>,
    on_yes: StoredValue<Option<OnYes>, LocalStorage>,
    /// Read when asked: an event handler has no reactive owner to look the context up.
    elder_mode: Signal<bool>,
}

impl ConfirmSend {
    /// In elder mode, asks `question` and runs `send` on yes; otherwise sends at once.
    pub fn ask(self, question: Signal<&'static str>, send: impl FnOnce() + 'static) {
        if !self.elder_mode.get_untracked() {
            send();
            return;
        }
        self.on_yes.set_value(Some(Box::new(send)));
        self.question.set(Some(question));
    }

    fn answer(self, yes: bool) {
        self.question.set(None);
        let send = self.on_yes.try_update_value(Option::take).flatten();
        if yes {
            if let Some(send) = send {
                send();
            }
        }
    }
}

pub fn provide_confirm_send() {
    let prefs = use_prefs();
    provide_context(ConfirmSend {
        question: RwSignal::new(None),
        on_yes: StoredValue::new_local(None),
        elder_mode: Signal::derive(move || prefs.with(|p| p.elder_mode)),
    });
}

pub fn use_confirm_send() -> ConfirmSend {
    expect_context::<ConfirmSend>()
}

/// The question, drawn by the shell over whatever page asked it. No is the safe answer:
/// Escape, the close button and 不，再看看 all keep the form as it is.
#[component]
pub fn ConfirmSendDialog() -> impl IntoView {
    let confirm = use_confirm_send();
    let yes_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = yes_ref.get() {
            let _ = button.focus();
        }
    });
    move || {
        confirm.question.get().map(|question| {
            view! {
                <Dialog labelled_by="confirm-send-title" described_by="confirm-send-body" role="alertdialog"
                    on_close=move |()| confirm.answer(false)>
                    <div class="dialog__icon"><Icon kind=IconKind::Question /></div>
                    <h2 id="confirm-send-title" class="dialog__title">{move || question.get()}</h2>
                    <p id="confirm-send-body" class="dialog__body">{tr(|t| t.confirm_send_body)}</p>
                    <div class="dialog__actions">
                        <button type="button" class="button button--primary button--large" node_ref=yes_ref
                            on:click=move |_| confirm.answer(true)>
                            <Icon kind=IconKind::Check />
                            <span>{tr(|t| t.confirm_send_yes)}</span>
                        </button>
                        <button type="button" class="button button--secondary button--large"
                            on:click=move |_| confirm.answer(false)>
                            <span>{tr(|t| t.confirm_send_no)}</span>
                        </button>
                    </div>
                </Dialog>
            }
        })
    }
}
