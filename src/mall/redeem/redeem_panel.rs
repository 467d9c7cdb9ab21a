//! Taking an item: choose how many, then the confirmation (which makes the idempotency key
//! and shows the result). Says plainly when the item cannot be taken and why. A redemption
//! left unanswered by a reload is picked up again here, with its own key.

use care_contract::mall::{DeliveryKind, MallItem, MallSummary};
use leptos::prelude::*;

use super::confirm::ConfirmPanel;
use super::cost::{cost, max_quantity};
use super::drafts;
use super::quantity::QuantityStepper;
use crate::auth::SignInPrompt;
use crate::mall::api;
use crate::mall::catalogue::words::blocked_text;
use crate::mall::texts::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn RedeemPanel(
    item: MallItem,
    /// Signed in: the summary (balance, first-exchange discount); signed out: none.
    summary: Option<MallSummary>,
    phone_masked: String,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let Some(summary) = summary else {
        return view! {
            <section class="card redeem">
                <SignInPrompt text=tr(|t| t.blocked_sign_in) back=format!("/mall/items/{}", item.id) />
            </section>
        }
        .into_any();
    };
    let balance = summary.balance;
    let percent_off = summary.first_exchange_percent_off;
    let physical = item.delivery == DeliveryKind::Physical;
    let most = max_quantity(&item);
    // A reload while a redemption was unanswered: its confirmation opens again, and carries
    // on with the same key.
    let interrupted = drafts::interrupted(item.id).map(|r| r.quantity);
    let quantity = RwSignal::new(interrupted.unwrap_or(1));
    // The quantity the confirmation is open for.
    let confirming = RwSignal::new(interrupted);
    let kept_address = LocalResource::new(move || async move {
        if physical {
            api::fetch_saved_address()
                .await
                .ok()
                .and_then(|s| s.address)
        } else {
            None
        }
    });

    let item = StoredValue::new(item);
    let blocked = item.with_value(|i| i.blocked_reason.filter(|_| !i.can_redeem));
    view! {
        {move || match confirming.get() {
            Some(quantity) => view! {
                <ConfirmPanel item=item.get_value() quantity cost=item.with_value(|i| cost(i, quantity, percent_off))
                    balance phone_masked=phone_masked.clone() kept_address on_back=move |_| confirming.set(None) />
            }.into_any(),
            None => match blocked {
                Some(reason) => view! {
                    <section class="card redeem notice--blocked" role="note">
                        <p class="redeem__blocked"><Icon kind=IconKind::Alert />
                            <span>{move || item.with_value(|i| blocked_text(reason, i, Some(balance), t.get(), locale.get()))}</span>
                        </p>
                        <p class="redeem__balance">{move || t.get().redeem_balance(balance)}</p>
                    </section>
                }.into_any(),
                None => view! {
                    <section class="card redeem">
                        {(most > 1).then(|| view! { <QuantityStepper value=quantity max=most /> })}
                        <p class="redeem__total">
                            {move || {
                                let c = item.with_value(|i| cost(i, quantity.get(), percent_off));
                                t.get().redeem_total(c.points)
                            }}
                        </p>
                        <p class="redeem__balance">{move || t.get().redeem_balance(balance)}</p>
                        <button type="button" class="button button--primary button--block button--large"
                            on:click=move |_| confirming.set(Some(quantity.get_untracked()))>
                            {tr(|t| t.redeem_button)}
                        </button>
                    </section>
                }.into_any(),
            },
        }}
    }
    .into_any()
}
