//! 我的订单: the way into the orders list, for the mall page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::mall::texts::tr;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn OrdersLink() -> impl IntoView {
    view! {
        <A href="/mall/orders" attr:class="list-link">
            <Icon kind=IconKind::Parcel />
            <span>{tr(|t| t.orders_link)}</span>
        </A>
    }
}
