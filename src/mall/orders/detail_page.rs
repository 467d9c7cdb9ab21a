//! 订单详情: one order's status and steps, tracking, address, points and dates, and the
//! cancel while it still waits for shipment.

use care_contract::mall::Order;
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::api;
use super::badge::StatusBadge;
use super::cancel::CancelOrder;
use super::facts::{AddressCard, OrderFacts};
use super::progress::OrderProgress;
use crate::auth::RequireSignIn;
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn OrderPage() -> impl IntoView {
    set_page_meta(|t| t.order_title, Some("/mall/orders"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    view! {
        <div class="page order-page">
            <RequireSignIn let:_signed_in>
                {move || match id.get() {
                    Some(id) => view! { <OrderLoader id /> }.into_any(),
                    None => view! { <OrderNotFound /> }.into_any(),
                }}
            </RequireSignIn>
        </div>
    }
}

#[component]
fn OrderLoader(id: i64) -> impl IntoView {
    let order = LocalResource::new(move || api::fetch_order(id));
    view! {
        <Loaded data=order skeleton=&[4, 6] not_found=OrderNotFound let:order>
            <OrderDetail order />
        </Loaded>
    }
}

/// The order lives in a signal so a cancel shows at once without reloading the page (and
/// without losing the refund message).
#[component]
fn OrderDetail(order: Order) -> impl IntoView {
    let id = order.id;
    let order = RwSignal::new(order);
    let cancel = Action::new_local(move |_: &()| api::cancel_order(id));
    // A refused cancel means the order moved on (shipped, or cancelled by an earlier tap
    // whose answer was lost): show what it is now.
    let refresh = Action::new_local(move |_: &()| api::fetch_order(id));
    Effect::new(move |_| match cancel.value().get() {
        Some(Ok(result)) => order.set(result.order),
        Some(Err(error)) if error.code() == Some(ErrorCode::InvalidStatus) => {
            refresh.dispatch(());
        }
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(fresh)) = refresh.value().get() {
            order.set(fresh);
        }
    });
    let address = Memo::new(move |_| order.with(|o| o.address.clone()));
    view! {
        {move || view! { <OrderSummary order=order.get() /> }}
        <CancelOrder order action=cancel />
        {move || address.get().map(|address| view! { <AddressCard address /> })}
        {move || view! { <OrderFacts order=order.get() /> }}
    }
}

#[component]
fn OrderSummary(order: Order) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let name_zh = order.item_name_zh.clone();
    let name_en = order.item_name_en.clone();
    let status = order.status;
    let quantity = i64::from(order.quantity);
    view! {
        <section class="card order-summary" aria-labelledby="order-title">
            <h2 class="card__title" id="order-title">
                <Icon kind=IconKind::Gift />
                <span>{move || localized(locale.get(), &name_zh, &name_en).to_owned()}</span>
            </h2>
            <p class="order-summary__status">
                <span>{tr(|t| t.order_status)}</span>
                <StatusBadge status />
                <span class="order-summary__quantity">{move || t.get().order_quantity_short(quantity)}</span>
            </p>
            <OrderProgress order />
        </section>
    }
}

#[component]
fn OrderNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Compass /></div>
            <h2>{tr(|t| t.order_not_found)}</h2>
            <A href="/mall/orders" attr:class="button button--primary">{tr(|t| t.order_back_to_list)}</A>
        </section>
    }
}
