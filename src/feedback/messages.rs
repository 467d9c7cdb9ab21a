//! The messages on a ticket, oldest first (staff's with the official badge and a name),
//! and the composer: a message, photos or both while the ticket is open. The composer keeps
//! what is typed (and the photos' ids) on the device until the backend confirms, and sends
//! it exactly once.

use care_contract::feedback::{
    ActorRole, MessagePosted, NewMessageRequest, Photo, TicketDetail, TicketMessage, MAX_PHOTOS,
    MESSAGE_MAX_CHARS, MESSAGE_MIN_CHARS,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::api;
use super::photo_picker::PhotoPicker;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::submit_once::{Idempotent, SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::i18n::dates::Ago;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::{check_length, LengthProblem};
use crate::widgets::length_field::LengthField;
use crate::widgets::submit_status::SubmitStatus;

/// Where a message on its way is kept over a reload (sessionStorage).
const PENDING_MESSAGE: &str = "care.feedback.pending-message.v1";

/// What the composer holds for one ticket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDraft {
    pub text: String,
    pub photos: Vec<Photo>,
}

/// A message needs words or a photo; words, when there are any, within the limits.
pub fn message_problem(draft: &MessageDraft) -> Option<LengthProblem> {
    if draft.text.trim().is_empty() && !draft.photos.is_empty() {
        return None;
    }
    check_length(&draft.text, MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS).err()
}

fn draft(ticket_id: i64) -> Draft {
    Draft::on_the_device(format!("care.feedback.message.v1:{ticket_id}"))
}

/// A message and its ticket, as `SubmitOnce` keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MessageToTicket {
    pub ticket_id: i64,
    pub request: NewMessageRequest,
}

impl Idempotent for MessageToTicket {
    fn key(&self) -> &str {
        &self.request.idempotency_key
    }

    fn with_key(self, idempotency_key: String) -> Self {
        MessageToTicket {
            request: NewMessageRequest {
                idempotency_key,
                ..self.request
            },
            ..self
        }
    }
}

async fn send(message: MessageToTicket) -> Result<MessagePosted, ApiError> {
    let ticket_id = message.ticket_id;
    let result = api::post_message(ticket_id, message.request).await;
    if result.is_ok() {
        draft(ticket_id).clear();
    }
    result
}

#[component]
pub fn Messages(messages: Vec<TicketMessage>, now: DateTime<Utc>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    if messages.is_empty() {
        return None;
    }
    Some(view! {
        <section class="card" aria-labelledby="ticket-messages-title">
            <h2 class="card__title" id="ticket-messages-title"><Icon kind=IconKind::Chat />{tr(|t| t.messages_heading)}</h2>
            <ol class="messages">
                {messages.into_iter().map(|message| {
                    let staff = message.author == ActorRole::Staff;
                    let name = message.staff_name.clone().unwrap_or_default();
                    let ago = Ago::between(message.created_at, now);
                    view! {
                        <li class="message" class:message--staff=staff>
                            <div class="message__from">
                                {if staff {
                                    view! {
                                        <span>{move || t.get().message_from_staff(&name)}</span>
                                        <span class="badge badge--official">{tr(|t| t.official_badge)}</span>
                                    }.into_any()
                                } else {
                                    view! { <span>{tr(|t| t.message_from_you)}</span> }.into_any()
                                }}
                                <span class="message__when">{move || ago.text(t.get(), locale.get())}</span>
                            </div>
                            {message.text.map(|text| view! { <p class="message__text">{text}</p> })}
                            <PhotoStrip photos=message.photos />
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    })
}

/// Photos sent with a ticket or a message, each opening full size.
#[component]
pub fn PhotoStrip(photos: Vec<Photo>) -> impl IntoView {
    let t = use_texts();
    (!photos.is_empty()).then(|| view! {
        <ul class="photo-strip">
            {photos.into_iter().enumerate().map(|(index, photo)| view! {
                <li>
                    <a href=photo.url.clone() target="_blank" rel="noopener">
                        <img src=photo.url.clone() alt=move || t.get().photo_alt(index as i64 + 1)
                            width="96" height="96" loading="lazy" />
                    </a>
                </li>
            }).collect_view()}
        </ul>
    })
}

#[component]
pub fn MessageComposer(
    ticket_id: i64,
    #[prop(into)] on_posted: Callback<TicketDetail>,
) -> impl IntoView {
    let t = use_texts();
    let form = RwSignal::new(
        draft(ticket_id)
            .load_json::<MessageDraft>()
            .unwrap_or_default(),
    );
    Effect::new(move |_| form.with(|f| draft(ticket_id).save_json(f)));
    let tried = RwSignal::new(false);
    let submit = SubmitOnce::open(PENDING_MESSAGE, send, move |m: &MessageToTicket| {
        m.ticket_id == ticket_id
    });
    let state = submit.state();
    let problem = move || form.with(message_problem);
    let shown_problem = move || if tried.get() { problem() } else { None };
    let busy = Signal::derive(move || state.with(SubmitState::may_have_happened));
    Effect::new(move |_| {
        if let SubmitState::Done(posted) = state.get() {
            on_posted.run(posted.ticket);
        }
    });
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if problem().is_some() {
            return;
        }
        let (text, photo_ids) = form.with_untracked(|f| {
            let text = f.text.trim();
            (
                (!text.is_empty()).then(|| text.to_owned()),
                f.photos.iter().map(|p| p.id).collect(),
            )
        });
        let request = MessageToTicket {
            ticket_id,
            request: NewMessageRequest {
                text,
                photo_ids,
                idempotency_key: String::new(),
            },
        };
        confirm.ask(tr(|t| t.confirm_message), move || submit.submit(request));
    };
    view! {
        <form class="card form composer" novalidate on:submit=on_submit aria-labelledby="message-form-title">
            <h2 class="card__title" id="message-form-title"><Icon kind=IconKind::Chat />{tr(|t| t.message_heading)}</h2>
            <LengthField id="message-text" label=tr(|t| t.message_field) max=MESSAGE_MAX_CHARS rows=3
                value=Signal::derive(move || form.with(|f| f.text.clone()))
                problem=Signal::derive(shown_problem) readonly=busy
                on_input=move |v: String| form.update(|f| f.text = v) />
            <PhotoPicker id="message-photos" max=MAX_PHOTOS disabled=busy
                photos=Signal::derive(move || form.with(|f| f.photos.clone()))
                on_added=move |photo| form.update(|f| if f.photos.len() < MAX_PHOTOS { f.photos.push(photo) })
                on_removed=move |id| form.update(|f| f.photos.retain(|p| p.id != id)) />
            <SubmitStatus submit />
            {move || match state.get() {
                SubmitState::Failed(error) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
            <button type="submit" class="button button--primary button--block" disabled=busy>
                {move || if busy.get() { t.get().message_sending } else { t.get().message_send }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_needs_words_or_a_photo() {
        assert_eq!(
            message_problem(&MessageDraft::default()),
            Some(LengthProblem::Empty)
        );
        let photo = Photo {
            id: 1,
            url: "/api/feedback/photos/1".into(),
            width: 10,
            height: 10,
            bytes: 100,
        };
        let photos_only = MessageDraft {
            text: "  ".into(),
            photos: vec![photo],
        };
        assert_eq!(message_problem(&photos_only), None);
        let words = MessageDraft {
            text: "好".into(),
            photos: vec![],
        };
        assert_eq!(message_problem(&words), None);
        let too_long = MessageDraft {
            text: "字".repeat(MESSAGE_MAX_CHARS + 1),
            photos: vec![],
        };
        assert_eq!(
            message_problem(&too_long),
            Some(LengthProblem::TooLong {
                max: MESSAGE_MAX_CHARS
            })
        );
    }
}
