//! Daily check-in (签到): the streak, this month's points against the cap, and one button.
//! Checking in twice the same day is harmless: the backend answers the same result.

use care_contract::mall::{CheckInResult, CheckInStatus};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::mall::texts::{tr, use_texts};
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn CheckInCard(
    status: CheckInStatus,
    /// The check-in action, owned by the page so its result outlives a refreshed card.
    action: Action<(), Result<CheckInResult, ApiError>>,
) -> impl IntoView {
    let t = use_texts();
    let CheckInStatus {
        checked_in_today,
        streak,
        month_total,
        month_cap,
        next_reward,
    } = status;
    let cap_reached = !checked_in_today && next_reward == 0;
    let pending = action.pending();
    let label = move || {
        let t = t.get();
        if pending.get() {
            t.checking_in.to_owned()
        } else if checked_in_today {
            t.check_in_done.to_owned()
        } else {
            t.check_in_button(next_reward)
        }
    };
    view! {
        <section class="card" aria-labelledby="check-in-title">
            <h2 class="card__title" id="check-in-title"><Icon kind=IconKind::Check />{tr(|t| t.check_in_title)}</h2>
            {(streak > 0).then(|| view! {
                <p class="check-in__streak">{move || t.get().check_in_streak(i64::from(streak))}</p>
            })}
            <p>{move || t.get().check_in_month(month_cap, month_total)}</p>
            {cap_reached.then(|| view! { <p>{tr(|t| t.check_in_cap_reached)}</p> })}
            <p class="check-in__result" role="status">
                {move || match action.value().get() {
                    Some(Ok(result)) if !result.already_checked_in => Some(view! {
                        <Icon kind=IconKind::Check />
                        <span>{move || t.get().check_in_success(result.reward)}</span>
                    }),
                    _ => None,
                }}
            </p>
            {move || action.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorNotice error /> })}
            <button
                type="button"
                class="button button--primary button--block"
                disabled=move || checked_in_today || cap_reached || pending.get()
                on:click=move |_| { action.dispatch(()); }
            >
                {label}
            </button>
            <p class="field__hint">{tr(|t| t.check_in_rule)}</p>
        </section>
    }
}
