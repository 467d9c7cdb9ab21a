//! Writing a reply: kept in localStorage as it is typed (it survives a reload, leaving the
//! page, signing out and a failed send) and cleared only when the backend confirms; sent
//! exactly once (`SubmitOnce`: the key is made when the composer opens).

use care_contract::community::{
    CreateReplyRequest, Reply, ReplyCreated, REPLY_MAX_CHARS, REPLY_MIN_CHARS,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::submit_once::{Idempotent, SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;
use crate::widgets::submit_status::SubmitStatus;

/// Where a reply on its way is kept over a reload (sessionStorage).
const PENDING_REPLY: &str = "care.community.pending-reply.v1";

/// The draft of a reply to this thread.
fn draft(thread_id: i64) -> Draft {
    Draft::on_the_device(format!("care.community.reply.v1:{thread_id}"))
}

/// A reply and the thread it goes to, as `SubmitOnce` keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReplyToThread {
    pub thread_id: i64,
    pub request: CreateReplyRequest,
}

impl Idempotent for ReplyToThread {
    fn key(&self) -> &str {
        &self.request.idempotency_key
    }

    fn with_key(self, idempotency_key: String) -> Self {
        ReplyToThread {
            request: CreateReplyRequest {
                idempotency_key,
                ..self.request
            },
            ..self
        }
    }
}

async fn send(reply: ReplyToThread) -> Result<ReplyCreated, ApiError> {
    let thread_id = reply.thread_id;
    let result = api::create_reply(thread_id, reply.request).await;
    if result.is_ok() {
        draft(thread_id).clear();
    }
    result
}

/// Whom a reply answers: the thread, or a reply (it then joins the replies under the
/// first reply of its branch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTarget {
    pub reply_id: i64,
    pub nickname: String,
}

#[component]
pub fn ReplyComposer(
    thread_id: i64,
    target: RwSignal<Option<ReplyTarget>>,
    #[prop(into)] on_posted: Callback<Reply>,
) -> impl IntoView {
    let t = use_texts();
    let text = RwSignal::new(draft(thread_id).load());
    let tried = RwSignal::new(false);
    let submit = SubmitOnce::open(PENDING_REPLY, send, move |r: &ReplyToThread| {
        r.thread_id == thread_id
    });
    let state = submit.state();
    let problem = move || text.with(|s| check_length(s, REPLY_MIN_CHARS, REPLY_MAX_CHARS).err());
    let shown_problem = move || if tried.get() { problem() } else { None };
    let busy = move || state.with(SubmitState::may_have_happened);
    let on_input = move |value: String| {
        draft(thread_id).save(&value);
        text.set(value);
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    // Tapping "reply" on a reply brings the reader here.
    Effect::new(move |_| {
        if target.get().is_some() {
            if let Some(area) = area.get_untracked() {
                let _ = area.focus();
            }
        }
    });
    Effect::new(move |_| {
        if let SubmitState::Done(created) = state.get() {
            on_posted.run(created.reply);
        }
    });
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if problem().is_some() {
            if let Some(area) = area.get_untracked() {
                let _ = area.focus();
            }
            return;
        }
        let request = ReplyToThread {
            thread_id,
            request: CreateReplyRequest {
                body: text.get_untracked().trim().to_owned(),
                parent_id: target.get_untracked().map(|t| t.reply_id),
                idempotency_key: String::new(),
            },
        };
        confirm.ask(tr(|t| t.confirm_reply), move || submit.submit(request));
    };
    view! {
        <form class="card form composer" novalidate on:submit=on_submit aria-labelledby="composer-title">
            <h2 class="card__title" id="composer-title"><Icon kind=IconKind::Chat />{tr(|t| t.reply_title)}</h2>
            {move || target.get().map(|to| view! {
                <p class="composer__to">
                    <span>{move || t.get().replying_to(&to.nickname)}</span>
                    <button type="button" class="button button--secondary" on:click=move |_| target.set(None)
                        disabled=busy>
                        {tr(|t| t.replying_to_cancel)}
                    </button>
                </p>
            })}
            <LengthField id="reply-body" label=tr(|t| t.reply_label) max=REPLY_MAX_CHARS rows=4
                hint=tr(|t| t.markup_hint) node_ref=area
                value=text.into() problem=Signal::derive(shown_problem) readonly=Signal::derive(busy)
                on_input=on_input />
            <SubmitStatus submit />
            {move || match state.get() {
                SubmitState::Failed(error) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert />
                        <span>{move || refusal_text(&error, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
            <button type="submit" class="button button--primary button--block" disabled=busy>
                {move || if busy() { t.get().reply_sending } else { t.get().reply_send }}
            </button>
        </form>
    }
}
