//! 兑换成功: what was deducted, the balance now, and where the item went, with the way to
//! the order and back to the catalogue. The heading takes focus so a screen reader
//! announces the outcome.

use care_contract::mall::{DeliveryKind, RedemptionReceipt};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn RedeemResult(receipt: RedemptionReceipt, phone_masked: String) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let RedemptionReceipt { order, balance, .. } = receipt;
    let order_href = format!("/mall/orders/{}", order.id);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let name = {
        let (zh, en) = (order.item_name_zh.clone(), order.item_name_en.clone());
        move || localized(locale.get(), &zh, &en).to_owned()
    };
    let delivery = match (order.delivery, order.address.clone()) {
        (DeliveryKind::Physical, Some(address)) => view! {
            <p>{tr(|t| t.result_physical)}</p>
            <p class="result__address">{format!("{} {}", address.name, care_contract::phone::mask_phone(&address.phone))}<br />{format!("{} {}", address.region, address.detail)}</p>
        }.into_any(),
        _ => view! { <p>{move || t.get().result_instant(&phone_masked)}</p> }.into_any(),
    };
    let quantity = order.quantity;
    let paid = order.points_paid;
    view! {
        <section class="card result" aria-labelledby="result-title">
            <div class="result__icon"><Icon kind=IconKind::Check /></div>
            <h2 id="result-title" tabindex="-1" node_ref=heading>{tr(|t| t.result_title)}</h2>
            <p class="result__what">{name}" × "{quantity}</p>
            <p>{move || t.get().result_points(balance, paid)}</p>
            {delivery}
            <div class="result__actions">
                <A href=order_href attr:class="button button--primary button--block">{tr(|t| t.result_view_order)}</A>
                <A href="/mall" attr:class="button button--secondary button--block">{tr(|t| t.result_back_to_mall)}</A>
            </div>
        </section>
    }
}
