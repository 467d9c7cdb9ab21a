//! An order's status as a small labelled badge: the words carry the meaning, the colour
//! only repeats it.

use care_contract::mall::OrderStatus;
use leptos::prelude::*;

use super::status::status_label;
use crate::mall::texts::use_texts;

#[component]
pub fn StatusBadge(status: OrderStatus) -> impl IntoView {
    let t = use_texts();
    view! {
        <span class=format!("order-status order-status--{}", status.as_str())>
            {move || status_label(status, t.get())}
        </span>
    }
}
