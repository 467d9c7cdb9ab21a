//! 我的订单: every order, newest first, a page at a time; each row opens its detail.

use care_contract::mall::Order;
use leptos::prelude::*;
use leptos_router::components::A;

use super::api::{self, ORDERS_PAGE_SIZE};
use super::badge::StatusBadge;
use crate::auth::RequireSignIn;
use crate::i18n::dates::format_date;
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, Pager};
use care_contract::time::china_date;

#[component]
pub fn OrdersPage() -> impl IntoView {
    set_page_meta(|t| t.orders_title, Some("/mall"));
    view! {
        <div class="page orders-page">
            <RequireSignIn let:_signed_in>
                <Orders />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn Orders() -> impl IntoView {
    let t = use_texts();
    let page = RwSignal::new(1_u32);
    let orders = LocalResource::new(move || api::fetch_orders(page.get()));
    view! {
        <Loaded data=orders skeleton=&[5] let:result>
            {if result.orders.is_empty() && page.get_untracked() == 1 {
                view! {
                    <section class="card empty-state">
                        <div class="empty-state__icon"><Icon kind=IconKind::Gift /></div>
                        <h2>{tr(|t| t.orders_empty_title)}</h2>
                        <p>{tr(|t| t.orders_empty_body)}</p>
                        <A href="/mall" attr:class="button button--primary">{tr(|t| t.orders_empty_action)}</A>
                    </section>
                }
                .into_any()
            } else {
                let pages = page_count(result.total, ORDERS_PAGE_SIZE);
                let total = i64::try_from(result.total).unwrap_or(i64::MAX);
                view! {
                    <h2 class="section-title">{move || t.get().orders_count(total)}</h2>
                    <ol class="card order-list" aria-label=tr(|t| t.orders_title)>
                        {result.orders.into_iter().map(|order| view! { <OrderRow order /> }).collect_view()}
                    </ol>
                    {(pages > 1).then(|| view! {
                        <Pager page pages label=tr(|t| t.orders_pages) />
                    })}
                }
                .into_any()
            }}
        </Loaded>
    }
}

#[component]
fn OrderRow(order: Order) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let Order {
        id,
        item_name_zh,
        item_name_en,
        quantity,
        points_paid,
        status,
        created_at,
        ..
    } = order;
    let ordered_on = china_date(created_at);
    view! {
        <li class="order-list__item">
            <A href=format!("/mall/orders/{id}") attr:class="order-row">
                <span class="order-row__text">
                    <span class="order-row__name">{move || localized(locale.get(), &item_name_zh, &item_name_en).to_owned()}</span>
                    <span class="order-row__meta">
                        {move || t.get().orders_row_meta(&format_date(ordered_on, locale.get()), i64::from(quantity))}
                    </span>
                    <span class="order-row__points">{move || t.get().order_points_amount(points_paid)}</span>
                </span>
                <StatusBadge status />
            </A>
        </li>
    }
}
