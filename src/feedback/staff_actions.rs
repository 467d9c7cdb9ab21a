//! Staff's actions on a ticket, on the ticket's own page: accept it, reply or ask the
//! customer something, resolve it with a note. Resolving hands back the quick-rating link
//! to send the customer (`RateLinkNotice` shows it, once).

use care_contract::feedback::{
    TicketActions, TicketDetail, MESSAGE_MAX_CHARS, MESSAGE_MIN_CHARS, RESOLVE_NOTE_MAX_CHARS,
    RESOLVE_NOTE_MIN_CHARS,
};
use leptos::prelude::*;

use super::api::{self, StaffAction};
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;

#[component]
pub fn StaffActions(
    ticket_id: i64,
    can: TicketActions,
    #[prop(into)] on_changed: Callback<TicketDetail>,
    /// After resolving: the quick-rating link to send the customer.
    #[prop(into)]
    on_rate_link: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let act =
        Action::new_local(move |action: &StaffAction| api::staff_act(ticket_id, action.clone()));
    let pending = act.pending();
    let text = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let text_tried = RwSignal::new(false);
    let note_tried = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(result)) = act.value().get() {
            if let Some(link) = result.rate_link.clone() {
                on_rate_link.run(link);
            }
            text.set(String::new());
            note.set(String::new());
            text_tried.set(false);
            note_tried.set(false);
            on_changed.run(result.ticket);
        }
    });
    let text_problem =
        move || text.with(|v| check_length(v, MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS).err());
    let note_problem = move || {
        note.with(|v| check_length(v, RESOLVE_NOTE_MIN_CHARS, RESOLVE_NOTE_MAX_CHARS).err())
    };
    let send_text = move |ask: bool| {
        text_tried.set(true);
        if text_problem().is_none() {
            let words = text.get_untracked().trim().to_owned();
            act.dispatch(if ask {
                StaffAction::Ask(words)
            } else {
                StaffAction::Reply(words)
            });
        }
    };
    let resolve = move |_| {
        note_tried.set(true);
        if note_problem().is_none() {
            act.dispatch(StaffAction::Resolve(note.get_untracked().trim().to_owned()));
        }
    };
    view! {
        <section class="card ticket-staff" aria-labelledby="staff-actions-title">
            <h2 class="card__title" id="staff-actions-title"><Icon kind=IconKind::Settings />{tr(|t| t.staff_heading)}</h2>
            {can.can_accept.then(|| view! {
                <button type="button" class="button button--primary button--block" disabled=pending
                    on:click=move |_| { act.dispatch(StaffAction::Accept); }>
                    {tr(|t| t.staff_accept)}
                </button>
            })}
            {can.can_reply.then(|| view! {
                <LengthField id="staff-text" label=tr(|t| t.staff_text_field) max=MESSAGE_MAX_CHARS rows=3
                    value=text.into() problem=Signal::derive(move || if text_tried.get() { text_problem() } else { None })
                    readonly=pending on_input=move |v: String| text.set(v) />
                <div class="button-row">
                    <button type="button" class="button button--primary" disabled=pending on:click=move |_| send_text(false)>
                        {tr(|t| t.staff_reply)}
                    </button>
                    <button type="button" class="button button--secondary" disabled=pending on:click=move |_| send_text(true)>
                        {tr(|t| t.staff_ask)}
                    </button>
                </div>
            })}
            {can.can_resolve.then(|| view! {
                <LengthField id="staff-note" label=tr(|t| t.staff_note_field) max=RESOLVE_NOTE_MAX_CHARS rows=3
                    value=note.into() problem=Signal::derive(move || if note_tried.get() { note_problem() } else { None })
                    readonly=pending on_input=move |v: String| note.set(v) />
                <button type="button" class="button button--primary button--block" disabled=pending on:click=resolve>
                    {tr(|t| t.staff_resolve)}
                </button>
            })}
            {move || match act.value().get() {
                Some(Err(error)) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
        </section>
    }
}

/// The quick-rating link staff send the customer, shown once after resolving.
#[component]
pub fn RateLinkNotice(link: String) -> impl IntoView {
    view! {
        <div class="card notice notice--care rate-link-notice" role="status">
            <Icon kind=IconKind::Star />
            <span>{tr(|t| t.staff_rate_link)}</span>
            <a href=link.clone() class="rate-link">{link.clone()}</a>
        </div>
    }
}
