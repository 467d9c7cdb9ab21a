//! A withdrawn ticket can come back for ten minutes (`undo::UNDO_WINDOW_MINUTES`): the
//! ticket page says until when, with one button. The backend says whether the time is
//! still open (`can_undo_withdrawal`, `undo_until`) and checks again; nothing here runs on
//! a timer, so the card never vanishes while it is being read.

use care_contract::feedback::TicketDetail;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::i18n::dates::format_moment;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn UndoWithdrawal(
    ticket_id: i64,
    until: DateTime<Utc>,
    #[prop(into)] on_restored: Callback<TicketDetail>,
) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let undo = Action::new_local(move |_: &()| api::undo_withdraw(ticket_id));
    let pending = undo.pending();
    Effect::new(move |_| {
        if let Some(Ok(detail)) = undo.value().get() {
            on_restored.run(detail);
        }
    });
    let until_text = move || format_moment(until, prefs.with(|p| p.locale));
    view! {
        <section class="card undo" aria-labelledby="undo-withdrawal-title">
            <h2 class="card__title" id="undo-withdrawal-title"><Icon kind=IconKind::Clock />{tr(|t| t.undo_withdraw_title)}</h2>
            <p>{move || t.get().undo_withdraw_body(&until_text())}</p>
            <button type="button" class="button button--primary button--block" disabled=pending
                on:click=move |_| { undo.dispatch(()); }>
                {tr(|t| t.undo_withdraw_action)}
            </button>
            {move || match undo.value().get() {
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
