//! Where an order is: the delivery steps of a physical order (the current one marked for
//! screen readers), or a sentence for an instant or cancelled one, and the tracking number.

use care_contract::mall::{Order, OrderStatus};
use leptos::prelude::*;

use super::status::{status_label, step_index, PHYSICAL_STEPS};
use crate::mall::texts::{tr, use_texts};
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn OrderProgress(order: Order) -> impl IntoView {
    let t = use_texts();
    let points = order.points_paid;
    let steps =
        step_index(order.delivery, order.status).map(|current| view! { <OrderSteps current /> });
    let sentence = match order.status {
        OrderStatus::Completed => Some(
            view! {
                <p class="order-progress__note"><Icon kind=IconKind::Check />
                    <span>{tr(|t| t.order_credited)}</span></p>
            }
            .into_any(),
        ),
        OrderStatus::Cancelled => Some(
            view! {
                <p class="order-progress__note"><Icon kind=IconKind::Check />
                    <span>{move || t.get().order_cancelled_note(points)}</span></p>
            }
            .into_any(),
        ),
        _ => None,
    };
    let tracking = order.tracking_number.map(|number| {
        view! {
            <p class="order-tracking">
                <span class="order-tracking__label">{tr(|t| t.order_tracking)}</span>
                <span class="order-tracking__number">{number}</span>
            </p>
        }
    });
    view! { {steps} {sentence} {tracking} }
}

/// 待发货 → 已发货 → 已签收: steps before the current one are done (a tick), the current
/// one is `aria-current="step"`, later ones wait (their number).
#[component]
fn OrderSteps(current: usize) -> impl IntoView {
    let t = use_texts();
    view! {
        <ol class="order-steps" aria-label=tr(|t| t.order_steps_label)>
            {PHYSICAL_STEPS.into_iter().enumerate().map(|(i, status)| {
                let reached = i <= current;
                view! {
                    <li
                        class="order-steps__step"
                        class:order-steps__step--reached=reached
                        class:order-steps__step--current=i == current
                        aria-current=(i == current).then_some("step")
                    >
                        <span class="order-steps__marker" aria-hidden="true">
                            {if reached { view! { <Icon kind=IconKind::Check /> }.into_any() } else { (i + 1).to_string().into_any() }}
                        </span>
                        <span class="order-steps__label">{move || status_label(status, t.get())}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
