//! A set of mutually exclusive options as native radio buttons (so keyboards and screen
//! readers know them), drawn as large tappable tiles.

use leptos::prelude::*;

#[component]
pub fn ChoiceGroup<T>(
    /// Form name shared by the radios.
    name: &'static str,
    /// Texts come from the caller's bundle (`tr(|t| t.key)`).
    #[prop(into)]
    legend: Signal<&'static str>,
    options: Vec<(T, Signal<&'static str>)>,
    #[prop(into)] selected: Signal<T>,
    #[prop(into)] on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="choice-group">
            <legend class="choice-group__legend">{legend}</legend>
            <div class="choice-group__options">
                {options.into_iter().map(|(value, label)| view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            prop:checked=move || selected.get() == value
                            on:change=move |_| on_change.run(value)
                        />
                        <span class="choice__label">{label}</span>
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}
