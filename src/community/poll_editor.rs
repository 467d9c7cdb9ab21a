//! The poll part of the new-thread form: two to six options and the day it closes.

use care_contract::community::{
    POLL_MAX_OPEN_DAYS, POLL_MAX_OPTIONS, POLL_MIN_OPTIONS, POLL_OPTION_MAX_CHARS,
};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use super::texts::{tr, use_texts};
use super::thread_draft::{FormProblems, ThreadDraft};
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length_field::length_text;

/// `today` is China's date: the first day the poll may close on.
#[component]
pub fn PollEditor(
    form: RwSignal<ThreadDraft>,
    shown: Signal<FormProblems>,
    today: NaiveDate,
) -> impl IntoView {
    let t = use_texts();
    let max_day = today
        .checked_add_days(Days::new(u64::from(POLL_MAX_OPEN_DAYS)))
        .unwrap_or(today);
    view! {
                <fieldset class="poll-editor">
                    <legend>{tr(|t| t.poll_options_legend)}</legend>
                    {move || (0..form.with(|f| f.options.len())).map(|i| {
                        let id = format!("poll-option-{i}");
                        let error_id = format!("poll-option-{i}-error");
                        view! {
                            <div class="field poll-editor__option">
                                <label for=id.clone()>{move || t.get().poll_option_label(i as i64 + 1)}</label>
                                <div class="search__row">
                                    <input id=id type="text" maxlength=POLL_OPTION_MAX_CHARS.to_string()
                                        aria-describedby=error_id.clone()
                                        aria-invalid=move || shown.get().options.get(i).is_some_and(Option::is_some).to_string()
                                        prop:value=move || form.with(|f| f.options.get(i).cloned().unwrap_or_default())
                                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| if let Some(o) = f.options.get_mut(i) { *o = v }) } />
                                    <Show when=move || form.with(|f| f.options.len() > POLL_MIN_OPTIONS)>
                                        <button type="button" class="button button--secondary"
                                            aria-label=move || t.get().poll_option_remove(i as i64 + 1)
                                            on:click=move |_| form.update(|f| { if f.options.len() > POLL_MIN_OPTIONS { f.options.remove(i); } })>
                                            <Icon kind=IconKind::Minus />
                                        </button>
                                    </Show>
                                </div>
                                <p class="field__error" id=error_id aria-live="polite">
                                    {move || shown.get().options.get(i).copied().flatten().map(|p| view! {
                                        <Icon kind=IconKind::Alert /><span>{move || length_text(p, t.get())}</span>
                                    })}
                                </p>
                            </div>
                        }
                    }).collect_view()}
                    <Show when=move || form.with(|f| f.options.len() < POLL_MAX_OPTIONS)>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| form.update(|f| f.options.push(String::new()))>
                            <Icon kind=IconKind::Plus />{tr(|t| t.poll_option_add)}
                        </button>
                    </Show>
                    {move || shown.get().duplicate_option.then(|| view! {
                        <p class="field__error" role="alert"><Icon kind=IconKind::Alert /><span>{tr(|t| t.poll_option_duplicate)}</span></p>
                    })}
                    <div class="field">
                        <label for="poll-closes">{tr(|t| t.poll_closes_field)}</label>
                        <input id="poll-closes" type="date" min=today.to_string() max=max_day.to_string()
                            aria-describedby="poll-closes-error"
                            aria-invalid=move || shown.get().closes_on.to_string()
                            prop:value=move || form.with(|f| f.closes_on.map(|d| d.to_string()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.closes_on = v.parse().ok()) } />
                        <p class="field__error" id="poll-closes-error" aria-live="polite">
                            {move || shown.get().closes_on.then(|| view! {
                                <Icon kind=IconKind::Alert /><span>{move || t.get().poll_closes_invalid(i64::from(POLL_MAX_OPEN_DAYS))}</span>
                            })}
                        </p>
                    </div>
                </fieldset>
    }
}
