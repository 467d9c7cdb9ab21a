//! A ticket's status badge and the deadline it works towards ("答复期限 11月28日 14:00",
//! "已超时" when passed): the words carry the meaning, colour only repeats it.

use care_contract::feedback::{DeadlineKind, NextDeadline, TicketStatus};
use leptos::prelude::*;

use super::texts::{tr, use_texts};
use super::words::status_name;
use crate::i18n::dates::format_moment;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn TicketStatusBadge(status: TicketStatus) -> impl IntoView {
    let t = use_texts();
    view! {
        <span class=format!("ticket-status ticket-status--{}", status.as_str())>
            {move || status_name(status, t.get())}
        </span>
    }
}

/// The next deadline, or nothing when the ticket waits for the customer or is finished.
#[component]
pub fn DeadlineLine(next: Option<NextDeadline>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    next.map(|next| {
        let when = move || format_moment(next.due_at, locale.get());
        view! {
            <div class="ticket-deadline" class:is-overdue=next.overdue>
                <Icon kind=IconKind::Clock />
                <span>
                    {move || match next.kind {
                        DeadlineKind::Respond => t.get().deadline_respond(&when()),
                        DeadlineKind::Resolve => t.get().deadline_resolve(&when()),
                    }}
                </span>
                {next.overdue.then(|| view! { <span class="badge badge--alert">{tr(|t| t.overdue)}</span> })}
            </div>
        }
    })
}
