//! 工单队列 (staff): open tickets by their next deadline, overdue first, a page at a time;
//! each opens the ticket, where staff accept, reply, ask and resolve. The backend refuses
//! anyone else, and the page says so.

use care_contract::feedback::TicketPage;
use leptos::prelude::*;

use super::api::{self, TICKETS_PER_PAGE};
use super::texts::{tr, use_texts};
use super::ticket_row::TicketRow;
use crate::auth::RequireSignIn;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

#[component]
pub fn QueuePage() -> impl IntoView {
    set_page_meta(|t| t.feedback_queue_title, Some("/feedback"));
    let page = use_page_in_address();
    view! {
        <div class="page queue-page">
            <RequireSignIn let:_signed_in>
                {
                    let queue = LocalResource::new(move || api::fetch_queue(page.get()));
                    view! {
                        <Loaded data=queue skeleton=&[3, 3, 3] let:list>
                            <Queue list page=page.get_untracked() />
                        </Loaded>
                    }
                }
            </RequireSignIn>
        </div>
    }
}

#[component]
fn Queue(list: TicketPage, page: u32) -> impl IntoView {
    let t = use_texts();
    if list.tickets.is_empty() && page == 1 {
        return view! {
            <section class="card empty-state">
                <div class="empty-state__icon"><Icon kind=IconKind::Check /></div>
                <h2>{tr(|t| t.ticket_queue_empty)}</h2>
            </section>
        }
        .into_any();
    }
    let pages = page_count(list.total, TICKETS_PER_PAGE);
    let total = i64::try_from(list.total).unwrap_or(i64::MAX);
    let overdue = list
        .tickets
        .iter()
        .filter(|ticket| ticket.next_deadline.is_some_and(|d| d.overdue))
        .count() as i64;
    let now = list.now;
    view! {
        <h2 class="section-title" id="queue-title">{move || t.get().queue_count(overdue, total)}</h2>
        <ol class="card ticket-list" aria-labelledby="queue-title">
            {list.tickets.into_iter().map(|ticket| view! { <TicketRow ticket now /> }).collect_view()}
        </ol>
        {(pages > 1).then(|| view! {
            <LinkPager page pages href=|p: u32| format!("/feedback/queue?page={p}") label=tr(|t| t.queue_pages) />
        })}
    }
    .into_any()
}
