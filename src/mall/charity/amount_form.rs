//! Choosing how much to give: quick choices as radio buttons, or any whole number up to the
//! balance typed in the field (kept across a reload), with problems said beside the field.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::amount::{amount_error_text, parse_amount, CHIP_AMOUNTS};
use super::drafts;
use crate::mall::texts::TextKey;
use crate::mall::texts::{tr, use_texts};
use crate::widgets::choice_group::ChoiceGroup;
use crate::widgets::icons::{Icon, IconKind};

/// The quick choices' labels, in the order of [`CHIP_AMOUNTS`].
const CHIP_LABELS: [TextKey; 4] = [
    |t| t.donate_chip_10,
    |t| t.donate_chip_50,
    |t| t.donate_chip_100,
    |t| t.donate_chip_500,
];

#[component]
pub fn AmountForm(
    project_id: i64,
    balance: i64,
    /// A valid amount, chosen: open the confirmation.
    #[prop(into)]
    on_next: Callback<i64>,
) -> impl IntoView {
    let t = use_texts();
    let text = RwSignal::new(drafts::amount_for(project_id));
    // Problems show once the user has tried to go on, then follow the typing.
    let tried = RwSignal::new(false);
    let error = Memo::new(move |_| {
        tried
            .get()
            .then(|| text.with(|s| parse_amount(s, balance).err()))
            .flatten()
    });
    let set_text = move |value: String| {
        drafts::keep_amount(project_id, &value);
        text.set(value);
    };
    let chosen = Signal::derive(move || {
        text.with(|s| parse_amount(s, i64::MAX).ok())
            .filter(|n| CHIP_AMOUNTS.contains(n))
    });
    let options = CHIP_AMOUNTS
        .into_iter()
        .zip(CHIP_LABELS)
        .map(|(n, label)| (Some(n), tr(label)))
        .collect();
    let on_chip = move |choice: Option<i64>| {
        if let Some(points) = choice {
            set_text(points.to_string());
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match text.with_untracked(|s| parse_amount(s, balance)) {
            Ok(points) => on_next.run(points),
            Err(_) => {
                tried.set(true);
                if let Some(input) = input.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    view! {
        <form class="card form donate-form" novalidate on:submit=on_submit>
            <p class="donate-form__balance">
                {move || t.get().donate_balance(balance)}
            </p>
            <ChoiceGroup
                name="donate-chip"
                legend=tr(|t| t.donate_chips_legend)
                options
                selected=chosen
                on_change=on_chip
            />
            <div class="field">
                <label for="donate-amount">{tr(|t| t.donate_amount_label)}</label>
                <p class="field__hint" id="donate-amount-hint">
                    {move || t.get().donate_amount_hint(balance)}
                </p>
                <input
                    id="donate-amount"
                    name="points"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="12"
                    node_ref=input
                    aria-describedby="donate-amount-hint donate-amount-error"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| set_text(event_target_value(&ev))
                />
                <p class="field__error" id="donate-amount-error" aria-live="polite">
                    {move || error.get().map(|e| view! {
                        <Icon kind=IconKind::Alert />
                        <span>{move || amount_error_text(e, balance, t.get())}</span>
                    })}
                </p>
            </div>
            <button type="submit" class="button button--primary button--block">
                {tr(|t| t.donate_next)}
            </button>
        </form>
    }
}
