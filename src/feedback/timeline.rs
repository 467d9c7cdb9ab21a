//! A ticket's timeline, oldest first: each change with when, who and any note.

use care_contract::feedback::{ActorRole, TicketEvent};
use leptos::prelude::*;

use super::texts::{tr, use_texts};
use super::words::event_name;
use crate::i18n::dates::format_moment;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn Timeline(events: Vec<TicketEvent>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    view! {
        <section class="card" aria-labelledby="ticket-timeline-title">
            <h2 class="card__title" id="ticket-timeline-title"><Icon kind=IconKind::Clock />{tr(|t| t.timeline_heading)}</h2>
            <ol class="timeline">
                {events.into_iter().map(|event| {
                    let TicketEvent { kind, at, actor, staff_name, note } = event;
                    view! {
                        <li class="timeline__item" class:timeline__item--staff=actor == ActorRole::Staff>
                            <div class="timeline__what">{move || event_name(kind, t.get())}</div>
                            <div class="timeline__when">
                                <time datetime=at.to_rfc3339()>{move || format_moment(at, locale.get())}</time>
                                {staff_name.map(|name| view! { <span>{move || t.get().by_staff(&name)}</span> })}
                            </div>
                            {note.map(|note| view! { <div class="timeline__note">{note}</div> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
