//! 反馈: what kind of feedback to give (four large choices, each opening the form), the
//! draft left unsent, and "my tickets", newest first, a page at a time in the address bar.
//! Staff also get the way to their queue.

use care_contract::feedback::{TicketKind, TicketPage};
use leptos::prelude::*;
use leptos_router::components::A;

use super::api::{self, TICKETS_PER_PAGE};
use super::surveys::list::SurveyCards;
use super::texts::{tr, use_texts};
use super::ticket_draft::TicketDraft;
use super::ticket_row::TicketRow;
use super::words::{kind_hint, kind_name};
use crate::auth::{use_session, SignInPrompt};
use crate::drafts::Draft;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

fn kind_icon(kind: TicketKind) -> IconKind {
    match kind {
        TicketKind::Enquiry => IconKind::Question,
        TicketKind::Complaint => IconKind::Alert,
        TicketKind::Suggestion => IconKind::Bulb,
        TicketKind::FaultReport => IconKind::Signal,
    }
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    set_page_meta(|t| t.tab_feedback, None);
    let session = use_session();
    let signed_in = move || session.profile().is_some();
    let is_staff = move || session.profile().is_some_and(|p| p.is_staff);
    view! {
        <div class="page feedback-page">
            <Show when=is_staff>
                <A href="/feedback/queue" attr:class="button button--secondary button--block queue-link">
                    <Icon kind=IconKind::Clock /><span>{tr(|t| t.ticket_queue_link)}</span>
                </A>
            </Show>
            <Kinds />
            <Show when=signed_in fallback=|| view! {
                <section class="card">
                    <h2 class="card__title">{tr(|t| t.my_tickets_heading)}</h2>
                    <SignInPrompt text=tr(|t| t.my_tickets_sign_in) back="/feedback" />
                </section>
            }>
                <MyTickets />
                <SurveyCards is_staff=is_staff() />
            </Show>
        </div>
    }
}

#[component]
fn Kinds() -> impl IntoView {
    let t = use_texts();
    // A form left half-filled: offer to go on with it.
    let unsent = Draft::on_the_device("care.feedback.ticket.v1")
        .load_json::<TicketDraft>()
        .and_then(|d| d.kind.map(|kind| (kind, d)))
        .filter(|(_, d)| !d.description.trim().is_empty() || !d.photos.is_empty());
    view! {
        <section class="card" aria-labelledby="feedback-kinds-title">
            <h2 class="card__title" id="feedback-kinds-title">{tr(|t| t.kinds_heading)}</h2>
            {unsent.map(|(kind, _)| view! {
                <A href="/feedback/new" attr:class="notice notice--care draft-link">
                    <Icon kind=IconKind::Feedback />
                    <span>{move || t.get().draft_continue(kind_name(kind, t.get()))}</span>
                </A>
            })}
            <ul class="kind-tiles">
                {TicketKind::ALL.iter().map(|&kind| view! {
                    <li>
                        <A href=format!("/feedback/new?kind={}", kind.as_str()) attr:class="kind-tile">
                            <Icon kind=kind_icon(kind) />
                            <span class="kind-tile__name">{move || kind_name(kind, t.get())}</span>
                            <span class="kind-tile__hint">{move || kind_hint(kind, t.get())}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MyTickets() -> impl IntoView {
    let page = use_page_in_address();
    let tickets = LocalResource::new(move || api::fetch_tickets(page.get()));
    view! {
        <section class="my-tickets" aria-labelledby="my-tickets-title">
            <h2 class="section-title" id="my-tickets-title">{tr(|t| t.my_tickets_heading)}</h2>
            <Loaded data=tickets skeleton=&[3, 3] let:list>
                <TicketList list page=page.get_untracked() />
            </Loaded>
        </section>
    }
}

#[component]
fn TicketList(list: TicketPage, page: u32) -> impl IntoView {
    let t = use_texts();
    if list.tickets.is_empty() && page == 1 {
        return view! {
            <div class="card empty-state">
                <div class="empty-state__icon"><Icon kind=IconKind::Feedback /></div>
                <p class="empty-state__title">{tr(|t| t.tickets_empty_title)}</p>
                <p>{tr(|t| t.tickets_empty_body)}</p>
            </div>
        }
        .into_any();
    }
    let pages = page_count(list.total, TICKETS_PER_PAGE);
    let total = i64::try_from(list.total).unwrap_or(i64::MAX);
    let now = list.now;
    view! {
        <p class="tickets-count">{move || t.get().tickets_count(total)}</p>
        <ol class="card ticket-list" aria-labelledby="my-tickets-title">
            {list.tickets.into_iter().map(|ticket| view! { <TicketRow ticket now /> }).collect_view()}
        </ol>
        {(pages > 1).then(|| view! {
            <LinkPager page pages href=|p: u32| format!("/feedback?page={p}") label=tr(|t| t.tickets_pages) />
        })}
    }
    .into_any()
}
