//! The order's facts: points (list price, first-exchange discount, paid), the cash part,
//! the dates of each step, and where a physical item goes (the phone masked).

use care_contract::mall::{DeliveryAddress, Order};
use care_contract::phone::mask_phone;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::i18n::dates::format_date_time;
use crate::mall::texts::TextKey;
use crate::mall::texts::{tr, use_texts, Texts};
use crate::mall::words::yuan;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn OrderFacts(order: Order) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let points = move |template: fn(&Texts, i64) -> String, n: i64| {
        Signal::derive(move || template(t.get(), n))
    };
    let when = move |at: DateTime<Utc>| Signal::derive(move || format_date_time(at, locale.get()));
    let Order {
        id,
        quantity,
        points_list,
        discount_points,
        points_paid,
        cash_fen,
        created_at,
        shipped_at,
        delivered_at,
        cancelled_at,
        ..
    } = order;
    let cash = Signal::derive(move || t.get().order_cash_amount(&yuan(cash_fen)));
    view! {
        <section class="card" aria-labelledby="order-facts-title">
            <h2 class="card__title" id="order-facts-title"><Icon kind=IconKind::Feedback />{tr(|t| t.order_facts_title)}</h2>
            <dl class="order-facts">
                <Fact label=|t| t.order_number value=id.to_string() />
                <Fact label=|t| t.order_quantity value=quantity.to_string() />
                <Fact label=|t| t.order_points_list value=points(Texts::order_points_amount, points_list) />
                {(discount_points > 0).then(|| view! {
                    <Fact label=|t| t.order_discount value=points(Texts::order_discount_amount, discount_points) />
                })}
                <Fact label=|t| t.order_points_paid value=points(Texts::order_points_amount, points_paid) strong=true />
                {(cash_fen > 0).then(|| view! { <Fact label=|t| t.order_cash value=cash /> })}
                <Fact label=|t| t.order_created_at value=when(created_at) />
                {shipped_at.map(|at| view! { <Fact label=|t| t.order_shipped_at value=when(at) /> })}
                {delivered_at.map(|at| view! { <Fact label=|t| t.order_delivered_at value=when(at) /> })}
                {cancelled_at.map(|at| view! { <Fact label=|t| t.order_cancelled_at value=when(at) /> })}
            </dl>
        </section>
    }
}

#[component]
fn Fact(
    label: TextKey,
    #[prop(into)] value: Signal<String>,
    #[prop(optional)] strong: bool,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="order-facts__row" class:order-facts__row--strong=strong>
            <dt>{move || label(t.get())}</dt>
            <dd>{value}</dd>
        </div>
    }
}

#[component]
pub fn AddressCard(address: DeliveryAddress) -> impl IntoView {
    let DeliveryAddress {
        name,
        phone,
        region,
        detail,
    } = address;
    view! {
        <section class="card" aria-labelledby="order-address-title">
            <h2 class="card__title" id="order-address-title"><Icon kind=IconKind::Home />{tr(|t| t.order_address_title)}</h2>
            <p class="order-address__who">
                <span class="order-address__name">{name}</span>
                <span class="order-address__phone">{mask_phone(&phone)}</span>
            </p>
            <p class="order-address__where">{region}" "{detail}</p>
        </section>
    }
}
