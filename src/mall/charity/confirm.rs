//! The confirmation ("将捐出 N 积分，捐后剩余 M 积分") and the exactly-once donation: the
//! key is made when this opens, a double tap sends nothing more, a lost answer is asked
//! again with the same key, and a reload resumes it. Then thanks, with the balance after.

use care_contract::mall::{DonationReceipt, DonationRequest};
use leptos::prelude::*;

use leptos_router::components::A;

use super::amount::donate_error_text;
use super::drafts::{self, PENDING_DONATION};
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::mall::texts::{tr, use_texts};
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::submit_status::SubmitStatus;

#[component]
pub fn DonateConfirm(
    project_id: i64,
    #[prop(into)] project_name: Signal<String>,
    points: i64,
    balance: i64,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    // Opening makes the key; a donation a reload interrupted is sent again at once.
    let submit = SubmitOnce::open(PENDING_DONATION, drafts::donate, move |r| {
        r.project_id == project_id
    });
    let state = submit.state();
    let send = move || {
        submit.submit(DonationRequest {
            project_id,
            points,
            idempotency_key: String::new(),
        });
    };
    // Going back to change the amount is only safe while nothing may have gone through.
    let can_go_back = move || !state.with(SubmitState::may_have_happened);
    let busy = move || state.with(SubmitState::may_have_happened);
    let after = (balance - points).max(0);
    let title = NodeRef::<leptos::html::H2>::new();
    // The form that was tapped is gone: put the reader on what will happen.
    Effect::new(move |_| {
        if let Some(h) = title.get() {
            let _ = h.focus();
        }
    });
    // Only the end changes the screen; the steps before it keep the same buttons.
    let done = Memo::new(move |_| match state.get() {
        SubmitState::Done(receipt) => Some(receipt),
        _ => None,
    });
    move || {
        match done.get() {
        Some(receipt) => view! { <Thanks receipt project_name /> }.into_any(),
        None => view! {
            <section class="card donate-confirm" aria-labelledby="donate-confirm-title">
                <h2 class="card__title" id="donate-confirm-title" tabindex="-1" node_ref=title>
                    <Icon kind=IconKind::Heart />{tr(|t| t.donate_confirm_title)}
                </h2>
                <p class="donate-confirm__what">
                    {move || t.get().donate_confirm_body(after, points)}
                </p>
                <p>{move || t.get().donate_confirm_to(&project_name.get())}</p>
                <p class="field__hint">{tr(|t| t.donate_confirm_final)}</p>
                <SubmitStatus submit />
                {move || match state.get() {
                    SubmitState::Failed(error) => Some(view! {
                        <p class="notice notice--error" role="alert">
                            <Icon kind=IconKind::Alert />
                            <span>{move || donate_error_text(&error, t.get())}</span>
                        </p>
                    }),
                    _ => None,
                }}
                <div class="donate-confirm__actions">
                    <button type="button" class="button button--primary button--block" disabled=busy
                        on:click=move |_| send()>
                        {move || if busy() { t.get().donate_sending } else { t.get().donate_confirm_button }}
                    </button>
                    <Show when=can_go_back>
                        <button type="button" class="button button--secondary button--block"
                            on:click=move |_| on_back.run(())>
                            {tr(|t| t.donate_back)}
                        </button>
                    </Show>
                </div>
            </section>
        }
        .into_any(),
    }
    }
}

#[component]
fn Thanks(receipt: DonationReceipt, project_name: Signal<String>) -> impl IntoView {
    let t = use_texts();
    let heading = NodeRef::<leptos::html::H2>::new();
    // The button that was tapped is gone: put the reader on the thanks.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let DonationReceipt {
        points, balance, ..
    } = receipt;
    view! {
        <section class="card card--care donate-thanks" aria-labelledby="donate-thanks-title">
            <h2 class="card__title" id="donate-thanks-title" tabindex="-1" node_ref=heading>
                <Icon kind=IconKind::Heart />{tr(|t| t.donate_thanks_title)}
            </h2>
            <p class="donate-thanks__what" role="status">
                {move || t.get().donate_thanks_body(balance, &project_name.get(), points)}
            </p>
            <A href="/mall/points" attr:class="button button--primary button--block">{tr(|t| t.donate_see_ledger)}</A>
            <A href="/mall" attr:class="button button--secondary button--block">{tr(|t| t.donate_back_to_mall)}</A>
        </section>
    }
}
