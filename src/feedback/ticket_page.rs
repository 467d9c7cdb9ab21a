//! 工单详情: where a ticket stands (status, who holds it, the deadline and whether it is
//! overdue, the regulator's appeal after 15 days), what was reported, the timeline and the
//! messages; the subscriber writes, withdraws or rates here, staff act here. A text
//! message's link ("your ticket was answered") opens this page straight away.

use care_contract::feedback::{TicketDetail, TicketStatus};
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use super::deadline::{DeadlineLine, TicketStatusBadge};
use super::messages::{MessageComposer, Messages, PhotoStrip};
use super::rating_form::{RatingForm, RatingSummary};
use super::staff_actions::{RateLinkNotice, StaffActions};
use super::texts::{tr, use_texts};
use super::timeline::Timeline;
use super::undo_withdrawal::UndoWithdrawal;
use super::words::{
    category_name, contact_method_name, contact_window_name, kind_name, refusal_text,
};
use crate::auth::{use_session, RequireSignIn};
use crate::i18n::dates::format_date_time;
use crate::lazy_pages::route_param;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn TicketPage() -> impl IntoView {
    set_page_meta(|t| t.ticket_title, Some("/feedback"));
    let id = route_param("id").and_then(|s| s.parse::<i64>().ok());
    view! {
        <div class="page ticket-page">
            <RequireSignIn let:_signed_in>
                {match id {
                    Some(id) => view! { <TicketLoader id /> }.into_any(),
                    None => view! { <TicketNotFound /> }.into_any(),
                }}
            </RequireSignIn>
        </div>
    }
}

#[component]
fn TicketLoader(id: i64) -> impl IntoView {
    let ticket = LocalResource::new(move || api::fetch_ticket(id));
    view! {
        <Loaded data=ticket skeleton=&[4, 3, 5] not_found=TicketNotFound let:detail>
            <TicketView detail />
        </Loaded>
    }
}

#[component]
fn TicketNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Feedback /></div>
            <h2>{tr(|t| t.ticket_not_found_title)}</h2>
            <p>{tr(|t| t.ticket_not_found_body)}</p>
            <A href="/feedback" attr:class="button button--primary">{tr(|t| t.ticket_not_found_action)}</A>
        </section>
    }
}

/// The ticket as last answered by the backend: each action's answer replaces it.
#[component]
fn TicketView(detail: TicketDetail) -> impl IntoView {
    let current = RwSignal::new(detail);
    let replace = Callback::new(move |detail: TicketDetail| current.set(detail));
    // Kept beside the ticket: it is shown once, after the answer that made it.
    let rate_link = RwSignal::new(None::<String>);
    let show_rate_link = Callback::new(move |link: String| rate_link.set(Some(link)));
    let is_staff = move || use_session().profile().is_some_and(|p| p.is_staff);
    // Rebuilt after each answer, so a sent message leaves an empty composer.
    move || {
        let detail = current.get();
        let id = detail.id;
        let can = detail.can;
        view! {
            {rate_link.get_untracked().map(|link| view! { <RateLinkNotice link /> })}
            <Summary detail=detail.clone() />
            {(detail.appeal_notice).then(|| view! { <AppealNotice /> })}
            <Reported detail=detail.clone() />
            {detail.rating.clone().map(|rating| view! { <RatingSummary rating /> })}
            {can.can_rate.then(|| view! { <RatingForm ticket_id=id on_rated=replace /> })}
            <Messages messages=detail.messages.clone() now=detail.now />
            {can.can_message.then(|| view! { <MessageComposer ticket_id=id on_posted=replace /> })}
            {(is_staff() && (can.can_accept || can.can_reply || can.can_resolve))
                .then(|| view! { <StaffActions ticket_id=id can on_changed=replace on_rate_link=show_rate_link /> })}
            <Timeline events=detail.timeline.clone() />
            {can.can_withdraw.then(|| view! { <Withdraw ticket_id=id on_withdrawn=replace /> })}
            {detail.undo_until.filter(|_| can.can_undo_withdrawal)
                .map(|until| view! { <UndoWithdrawal ticket_id=id until on_restored=replace /> })}
        }
    }
}

#[component]
fn Summary(detail: TicketDetail) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let TicketDetail {
        id,
        kind,
        category,
        status,
        high_risk,
        follow_up,
        created_at,
        holder,
        next_deadline,
        ..
    } = detail;
    view! {
        <section class="card ticket-summary" aria-labelledby="ticket-heading">
            <div class="ticket-summary__head">
                <h2 class="card__title" id="ticket-heading">
                    {move || format!("{} · {}", kind_name(kind, t.get()), category_name(category, t.get()))}
                </h2>
                <TicketStatusBadge status />
            </div>
            <div class="ticket-summary__meta">
                {move || t.get().ticket_number_opened(&id.to_string(), &format_date_time(created_at, locale.get()))}
            </div>
            <div class="ticket-row__badges">
                {high_risk.then(|| view! { <span class="badge badge--alert">{tr(|t| t.high_risk_badge)}</span> })}
                {follow_up.then(|| view! { <span class="badge">{tr(|t| t.follow_up_badge)}</span> })}
            </div>
            <div class="ticket-summary__holder">
                <Icon kind=IconKind::User />
                {move || match &holder {
                    Some(name) => t.get().holder(name),
                    None if status == TicketStatus::Submitted => t.get().holder_none.to_owned(),
                    None => String::new(),
                }}
            </div>
            {(status == TicketStatus::WaitingForCustomer).then(|| view! {
                <p class="notice notice--care"><Icon kind=IconKind::Chat /><span>{tr(|t| t.waiting_for_you_note)}</span></p>
            })}
            <DeadlineLine next=next_deadline />
        </section>
    }
}

/// Open 15 days after it was submitted: how to take it to the regulator.
#[component]
fn AppealNotice() -> impl IntoView {
    view! {
        <section class="card notice notice--care appeal" aria-labelledby="appeal-title">
            <h2 class="card__title" id="appeal-title"><Icon kind=IconKind::Alert />{tr(|t| t.appeal_title)}</h2>
            <p>{tr(|t| t.appeal_body)}</p>
            <a class="button button--secondary" href="tel:12300"><Icon kind=IconKind::Phone /><span>{tr(|t| t.appeal_call)}</span></a>
        </section>
    }
}

#[component]
fn Reported(detail: TicketDetail) -> impl IntoView {
    let t = use_texts();
    let TicketDetail {
        description,
        photos,
        number_concerned,
        contact_method,
        contact_window,
        ..
    } = detail;
    view! {
        <section class="card" aria-labelledby="ticket-reported-title">
            <h2 class="card__title" id="ticket-reported-title">{tr(|t| t.reported_heading)}</h2>
            <p class="ticket-description">{description}</p>
            <PhotoStrip photos />
            <dl class="ticket-facts">
                <dt>{tr(|t| t.number_concerned)}</dt>
                <dd>{number_concerned}</dd>
                <dt>{tr(|t| t.contact_field)}</dt>
                <dd>{move || t.get().contact_summary(contact_method_name(contact_method, t.get()), contact_window_name(contact_window, t.get()))}</dd>
            </dl>
        </section>
    }
}

/// Withdrawing, after a clear yes or no.
#[component]
fn Withdraw(ticket_id: i64, #[prop(into)] on_withdrawn: Callback<TicketDetail>) -> impl IntoView {
    let t = use_texts();
    let asking = RwSignal::new(false);
    let withdraw = Action::new_local(move |_: &()| api::withdraw(ticket_id));
    let pending = withdraw.pending();
    Effect::new(move |_| {
        if let Some(Ok(detail)) = withdraw.value().get() {
            on_withdrawn.run(detail);
        }
    });
    view! {
        <section class="card withdraw">
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" class="button button--secondary button--block" on:click=move |_| asking.set(true)>
                    {tr(|t| t.withdraw)}
                </button>
            }>
                <div role="alertdialog" aria-labelledby="withdraw-title" aria-describedby="withdraw-body">
                    <h2 class="card__title" id="withdraw-title">{tr(|t| t.withdraw_confirm_title)}</h2>
                    <p id="withdraw-body">{tr(|t| t.withdraw_confirm_body)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--danger" disabled=pending
                            on:click=move |_| { withdraw.dispatch(()); }>
                            {tr(|t| t.withdraw_yes)}
                        </button>
                        <button type="button" class="button button--secondary" disabled=pending
                            on:click=move |_| asking.set(false)>
                            {tr(|t| t.withdraw_no)}
                        </button>
                    </div>
                </div>
            </Show>
            {move || match withdraw.value().get() {
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
