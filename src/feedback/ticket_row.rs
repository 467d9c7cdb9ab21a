//! A ticket in a list (mine, or staff's queue): kind and category, the first words, its
//! status, the deadline it works towards and when it last changed.

use care_contract::feedback::TicketSummary;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use super::deadline::{DeadlineLine, TicketStatusBadge};
use super::texts::{tr, use_texts};
use super::words::{category_name, kind_name};
use crate::i18n::dates::Ago;
use crate::prefs::use_prefs;

#[component]
pub fn TicketRow(ticket: TicketSummary, now: DateTime<Utc>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let TicketSummary {
        id,
        kind,
        category,
        status,
        high_risk,
        follow_up,
        excerpt,
        updated_at,
        next_deadline,
        ..
    } = ticket;
    let ago = Ago::between(updated_at, now);
    view! {
        <li class="ticket-list__item">
            <A href=format!("/feedback/tickets/{id}") attr:class="ticket-row">
                <span class="ticket-row__head">
                    <span class="ticket-row__title">
                        {move || format!("{} · {}", kind_name(kind, t.get()), category_name(category, t.get()))}
                    </span>
                    <TicketStatusBadge status />
                </span>
                <span class="ticket-row__excerpt">{excerpt}</span>
                <span class="ticket-row__badges">
                    {high_risk.then(|| view! { <span class="badge badge--alert">{tr(|t| t.high_risk_badge)}</span> })}
                    {follow_up.then(|| view! { <span class="badge">{tr(|t| t.follow_up_badge)}</span> })}
                    <span class="ticket-row__meta">{move || t.get().ticket_number_updated(&ago.text(t.get(), locale.get()), &id.to_string())}</span>
                </span>
                <DeadlineLine next=next_deadline />
            </A>
        </li>
    }
}
