//! A text field with a length limit: its label, an optional hint, the count as the backend
//! counts it, and what is wrong with the length beside it. Titles, bodies, replies and
//! ticket descriptions all use it, so they look and read the same.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::icons::{Icon, IconKind};
use super::length::{counted, LengthProblem};
use crate::i18n::{use_texts, Texts};

pub fn length_text(problem: LengthProblem, t: &Texts) -> String {
    match problem {
        LengthProblem::Empty => t.field_empty.to_owned(),
        LengthProblem::TooShort { min } => t.field_too_short(min as i64),
        LengthProblem::TooLong { max } => t.field_too_long(max as i64),
    }
}

/// `rows` makes it a textarea (a body), none a one-line input (a title). `problem` is what
/// to show now (none until the user has tried to send).
#[component]
pub fn LengthField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<&'static str>,
    max: usize,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    value: Signal<String>,
    #[prop(into)] problem: Signal<Option<LengthProblem>>,
    #[prop(into)] readonly: Signal<bool>,
    #[prop(into)] on_input: Callback<String>,
    /// To move the focus into a textarea (replying to someone).
    #[prop(optional)]
    node_ref: Option<NodeRef<Textarea>>,
) -> impl IntoView {
    let t = use_texts();
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");
    let described = match hint {
        Some(_) => format!("{hint_id} {count_id} {error_id}"),
        None => format!("{count_id} {error_id}"),
    };
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let invalid = move || problem.get().is_some().to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
            {match rows {
                Some(rows) => view! {
                    <textarea id=id rows=rows.to_string() aria-describedby=described
                        node_ref=node_ref.unwrap_or_default()
                        aria-invalid=invalid readonly=readonly
                        prop:value=move || value.get() on:input=input></textarea>
                }.into_any(),
                None => view! {
                    <input id=id type="text" aria-describedby=described
                        aria-invalid=invalid readonly=readonly
                        prop:value=move || value.get() on:input=input />
                }.into_any(),
            }}
            <div class="field__count" id=count_id>{move || format!("{}/{max}", value.with(|v| counted(v)))}</div>
            <p class="field__error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| view! { <Icon kind=IconKind::Alert /><span>{move || length_text(p, t.get())}</span> })}
            </p>
        </div>
    }
}
