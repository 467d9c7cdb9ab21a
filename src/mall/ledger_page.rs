//! 积分明细: every earning and spending, newest first, filterable by kind, a page at a time.

use care_contract::mall::{LedgerEntry, LedgerKind};
use leptos::prelude::*;

use super::api::{self, LEDGER_PAGE_SIZE};
use super::words::{kind_label, localized, signed_points};
use crate::auth::RequireSignIn;
use crate::i18n::dates::format_date;
use crate::mall::texts::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, Pager};

#[component]
pub fn LedgerPage() -> impl IntoView {
    set_page_meta(|t| t.ledger_title, Some("/mall"));
    view! {
        <div class="page ledger-page">
            <RequireSignIn let:_signed_in>
                <Ledger />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn Ledger() -> impl IntoView {
    let t = use_texts();
    let kind = RwSignal::new(None::<LedgerKind>);
    let page = RwSignal::new(1_u32);
    let entries = LocalResource::new(move || api::fetch_ledger(kind.get(), page.get()));
    let on_filter = move |ev: leptos::ev::Event| {
        kind.set(event_target_value(&ev).parse::<LedgerKind>().ok());
        page.set(1);
    };
    view! {
        <section class="card">
            <div class="field">
                <label for="ledger-kind">{tr(|t| t.ledger_filter)}</label>
                <select id="ledger-kind" on:change=on_filter>
                    <option value="" selected=move || kind.get().is_none()>{tr(|t| t.ledger_all)}</option>
                    {LedgerKind::ALL.iter().copied().map(|k| view! {
                        <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || kind_label(k, t.get())}</option>
                    }).collect_view()}
                </select>
            </div>
        </section>
        <Loaded data=entries skeleton=&[6] let:result>
            {if result.entries.is_empty() {
                view! {
                    <section class="card empty-state"><p>{tr(|t| t.ledger_empty)}</p></section>
                }.into_any()
            } else {
                let pages = page_count(result.total, LEDGER_PAGE_SIZE);
                let total = i64::try_from(result.total).unwrap_or(i64::MAX);
                view! {
                    <h2 class="section-title">{move || t.get().ledger_count(total)}</h2>
                    <ol class="card ledger" aria-label=tr(|t| t.ledger_title)>
                        {result.entries.into_iter().map(|entry| view! { <LedgerRow entry /> }).collect_view()}
                    </ol>
                    {(pages > 1).then(|| view! { <Pager page pages label=tr(|t| t.ledger_title) /> })}
                }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn LedgerRow(entry: LedgerEntry) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let LedgerEntry {
        kind,
        points,
        date,
        title_zh,
        title_en,
        expires_on,
        ..
    } = entry;
    view! {
        <li class="ledger__row">
            <div class="ledger__text">
                <span class="ledger__title">{move || localized(locale.get(), &title_zh, &title_en).to_owned()}</span>
                <span class="ledger__meta">
                    {move || format!("{} · {}", kind_label(kind, t.get()), format_date(date, locale.get()))}
                    {expires_on.map(|d| view! { " · " {move || t.get().ledger_expires_on(&format_date(d, locale.get()))} })}
                </span>
            </div>
            <span class="ledger__points" class:ledger__points--out=points < 0>{signed_points(points)}</span>
        </li>
    }
}
