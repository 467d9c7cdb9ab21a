//! A set of mutually exclusive options as native radio buttons (so keyboards and screen
//! readers know them), drawn as large tappable tiles.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::i18n::TextKey;

#[component]
pub fn ChoiceGroup<T>(
    /// Form name shared by the radios.
    name: &'static str,
    legend: TextKey,
    options: Vec<(T, TextKey)>,
    #[prop(into)] selected: Signal<T>,
    #[prop(into)] on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let t = use_texts();
    view! {
        <fieldset class="choice-group">
            <legend class="choice-group__legend">{move || legend(t.get())}</legend>
            <div class="choice-group__options">
                {options.into_iter().map(|(value, label)| view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            prop:checked=move || selected.get() == value
                            on:change=move |_| on_change.run(value)
                        />
                        <span class="choice__label">{move || label(t.get())}</span>
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}
