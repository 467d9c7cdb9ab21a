//! How many to take: minus and plus buttons around the number, big enough for any thumb,
//! named for screen readers, and never outside 1..=max.

use leptos::prelude::*;

use crate::mall::texts::{tr, use_texts};
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn QuantityStepper(value: RwSignal<u32>, max: u32) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="stepper" role="group" aria-labelledby="stepper-label">
            <span class="stepper__label" id="stepper-label">{tr(|t| t.quantity_label)}</span>
            <div class="stepper__controls">
                <button type="button" class="button button--secondary stepper__button"
                    aria-label=tr(|t| t.quantity_less) disabled=move || { value.get() <= 1 }
                    on:click=move |_| value.update(|v| *v = v.saturating_sub(1).max(1))>
                    <Icon kind=IconKind::Minus />
                </button>
                <output class="stepper__value" aria-live="polite">{move || value.get()}</output>
                <button type="button" class="button button--secondary stepper__button"
                    aria-label=tr(|t| t.quantity_more) disabled=move || { value.get() >= max }
                    on:click=move |_| value.update(|v| *v = (*v + 1).min(max))>
                    <Icon kind=IconKind::Plus />
                </button>
            </div>
            <span class="stepper__hint">{move || t.get().quantity_max(i64::from(max))}</span>
        </div>
    }
}
