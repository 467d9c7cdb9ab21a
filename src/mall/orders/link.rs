//! 我的订单: the way into the orders list, for the mall page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_texts;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn OrdersLink() -> impl IntoView {
    let t = use_texts();
    view! {
        <A href="/mall/orders" attr:class="list-link">
            <Icon kind=IconKind::Parcel />
            <span>{move || t.get().orders_link}</span>
        </A>
    }
}
