//! Taking an item: choose how many, open the confirmation (which makes the idempotency
//! key), then the result. Says plainly when the item cannot be taken and why. A redemption
//! left unanswered by a reload is picked up again here, with its own key.

use care_contract::mall::{DeliveryKind, MallItem, MallSummary, RedemptionReceipt};
use leptos::prelude::*;
use leptos_router::components::A;

use super::address_form::AddressFields;
use super::confirm::ConfirmPanel;
use super::cost::{cost, max_quantity};
use super::pending;
use super::quantity::QuantityStepper;
use super::result::RedeemResult;
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::auth::sign_in_href;
use crate::i18n::{tr, use_texts};
use crate::mall::api;
use crate::mall::catalogue::words::blocked_text;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

/// The confirmation, once open.
#[derive(Clone, Copy)]
struct Opened {
    submit: SubmitOnce<RedemptionReceipt>,
    quantity: u32,
    address: Option<AddressFields>,
}

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
        let href = sign_in_href(&format!("/mall/items/{}", item.id));
        return view! {
            <section class="card redeem">
                <p>{tr(|t| t.blocked_sign_in)}</p>
                <A href=href attr:class="button button--primary button--block button--large">{tr(|t| t.sign_in_action)}</A>
            </section>
        }
        .into_any();
    };
    let balance = summary.balance;
    let percent_off = summary.first_exchange_percent_off;
    let physical = item.delivery == DeliveryKind::Physical;
    let most = max_quantity(&item);
    let quantity = RwSignal::new(1_u32);
    let opened = RwSignal::new(None::<Opened>);
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

    // The confirmation's signals belong to this panel, not to whatever owner runs the click
    // handler: that owner is the "choose" view, which is disposed as the confirmation opens.
    let owner = Owner::current().expect("RedeemPanel runs inside the app's owner");
    let open = Callback::new(move |(quantity, key): (u32, Option<String>)| {
        owner.with(|| {
            let submit = key.map_or_else(SubmitOnce::new, SubmitOnce::with_key);
            let address =
                physical.then(|| AddressFields::new(kept_address.get_untracked().flatten()));
            opened.set(Some(Opened {
                submit,
                quantity,
                address,
            }));
            submit
        })
    });
    Effect::new(move |_| {
        if let Some(Some(kept)) = kept_address.get() {
            if let Some(fields) = opened.get_untracked().and_then(|o| o.address) {
                fields.fill_if_empty(kept);
            }
        }
    });
    // A reload while a redemption was unanswered: carry on with the same key and request.
    if let Some(request) = pending::pending_for(item.id) {
        quantity.set(request.quantity);
        let submit = open.run((request.quantity, Some(request.idempotency_key.clone())));
        submit.submit(move |key| {
            pending::redeem(care_contract::mall::RedemptionRequest {
                idempotency_key: key,
                ..request.clone()
            })
        });
    }

    let item = StoredValue::new(item);
    let blocked = item.with_value(|i| i.blocked_reason.filter(|_| !i.can_redeem));
    view! {
        {move || match opened.get() {
            Some(Opened { submit, quantity, address }) => {
                let phone = phone_masked.clone();
                // Only the arrival of the receipt swaps the view: the confirmation (and
                // what it says about a refusal) stays while the state moves.
                let receipt = Memo::new(move |_| match submit.state().get() {
                    SubmitState::Done(receipt) => Some(receipt),
                    _ => None,
                });
                move || match receipt.get() {
                    Some(receipt) => view! { <RedeemResult receipt phone_masked=phone.clone() /> }.into_any(),
                    None => view! {
                        <ConfirmPanel item=item.get_value() quantity cost=item.with_value(|i| cost(i, quantity, percent_off))
                            balance phone_masked=phone.clone() submit address on_back=move |_| opened.set(None) />
                    }.into_any(),
                }
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
                            on:click=move |_| { open.run((quantity.get_untracked(), None)); }>
                            {tr(|t| t.redeem_button)}
                        </button>
                    </section>
                }.into_any(),
            },
        }}
    }
    .into_any()
}
