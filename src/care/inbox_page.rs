//! 关怀消息: the care inbox, newest first. Messages shown are marked read as they are seen
//! (the "new" mark stays for this visit, so the user still sees which they were); a gift
//! is claimed here, exactly once; a notice leads to its thread or ticket.

use care_contract::care::InboxPage as Inbox;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::api;
use super::message_card::MessageCard;
use super::texts::{tr, use_texts};
use crate::auth::RequireSignIn;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

#[component]
pub fn InboxPage() -> impl IntoView {
    set_page_meta(|t| t.care_title, Some("/"));
    view! {
        <div class="page care">
            <RequireSignIn let:_signed_in>
                <InboxLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn InboxLoader() -> impl IntoView {
    let page = use_page_in_address();
    let inbox = LocalResource::new(move || api::fetch_inbox(page.get()));
    view! {
        <Loaded data=inbox skeleton=&[2, 3, 3] let:inbox>
            <InboxView inbox />
        </Loaded>
    }
}

#[component]
fn InboxView(inbox: Inbox) -> impl IntoView {
    let t = use_texts();
    let unread_here: Vec<i64> = inbox
        .messages
        .iter()
        .filter(|m| m.read_at.is_none())
        .map(|m| m.id)
        .collect();
    // Seen now: read on the server (the home page's count follows). Best effort: one that
    // fails stays unread and is marked on the next visit.
    for id in unread_here.iter().copied() {
        spawn_local(async move {
            let _ = api::mark_read(id).await;
        });
    }
    let unread_elsewhere = inbox.unread.saturating_sub(unread_here.len() as u64);
    let mark_all = Action::new_local(|_: &()| api::mark_all_read());
    let all_read = move || mark_all.value().with(|r| matches!(r, Some(Ok(_))));
    let pages = page_count(inbox.total, inbox.per_page);
    let empty = inbox.messages.is_empty();

    view! {
        <section class="card care-intro" aria-labelledby="care-intro-title">
            <h2 class="card__title" id="care-intro-title"><Icon kind=IconKind::Heart />{tr(|t| t.care_title)}</h2>
            <p>{tr(|t| t.care_intro)}</p>
            <p class="care-intro__count" role="status">
                {move || match (inbox.unread, all_read()) {
                    (0, _) | (_, true) => t.get().care_all_read.to_owned(),
                    (n, false) => t.get().care_unread_count(n as i64),
                }}
            </p>
            {(unread_elsewhere > 0).then(|| view! {
                <Show when=move || !all_read()>
                    <button type="button" class="button button--secondary"
                        disabled=move || mark_all.pending().get()
                        on:click=move |_| { mark_all.dispatch(()); }>
                        <Icon kind=IconKind::Check />{tr(|t| t.care_mark_all_read)}
                    </button>
                </Show>
                {move || mark_all.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
            })}
            <div class="button-row">
                <A href="/care/preferences" attr:class="button button--secondary">
                    <Icon kind=IconKind::Settings />{tr(|t| t.care_settings_link)}
                </A>
                <A href="/care/report" attr:class="button button--secondary">
                    <Icon kind=IconKind::Star />{tr(|t| t.care_report_link)}
                </A>
            </div>
        </section>
        {if empty {
            view! { <p class="card empty-state">{tr(|t| t.care_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="care-list">
                    {inbox.messages.into_iter().map(|message| view! { <li><MessageCard message /></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <LinkPager page=inbox.page pages href=|p: u32| format!("/care?page={p}") label=tr(|t| t.care_inbox_pages) />
        })}
    }
}
