//! 确认兑换: states exactly what will happen (points deducted, the balance after, the cash
//! part, instant credit or delivery and where) before anything is sent. Its idempotency
//! key was made when it opened; a second tap, a lost answer or a reload never deducts twice.

use care_contract::mall::{DeliveryAddress, DeliveryKind, MallItem, RedemptionRequest};
use leptos::prelude::*;

use crate::i18n::group_thousands;

use super::address_form::{AddressFields, AddressForm};
use super::cost::Cost;
use super::drafts::{self, PENDING_REDEMPTION};
use super::refusal::{refusal, Refusal};
use super::result::RedeemResult;
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::{localized, yuan};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::submit_status::SubmitStatus;

#[component]
pub fn ConfirmPanel(
    item: MallItem,
    quantity: u32,
    cost: Cost,
    /// Spendable points now.
    balance: i64,
    /// The subscriber's masked number, where instant items are credited.
    phone_masked: String,
    /// The address kept from last time, for a physical item's form.
    kept_address: LocalResource<Option<DeliveryAddress>>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let item_id = item.id;
    let submit = SubmitOnce::open(PENDING_REDEMPTION, drafts::redeem, move |r| {
        r.item_id == item_id
    });
    let state = submit.state();
    let refused = RwSignal::new(None::<String>);
    let physical = item.delivery == DeliveryKind::Physical;
    let address = physical.then(|| AddressFields::new(kept_address.get_untracked().flatten()));
    Effect::new(move |_| {
        if let (Some(fields), Some(Some(kept))) = (address, kept_address.get()) {
            fields.fill_if_empty(kept);
        }
    });
    let item = StoredValue::new(item);

    // A definite refusal: nothing happened. Say why; the next tap is a new request.
    Effect::new(move |_| {
        if let SubmitState::Failed(error) = state.get() {
            match item.with_value(|i| refusal(&error, i, t.get_untracked(), locale.get_untracked()))
            {
                Refusal::Address(field) => {
                    if let Some(fields) = address {
                        fields.show_error(field);
                    }
                }
                Refusal::Message(text) => refused.set(Some(text)),
            }
        }
    });

    let on_confirm = move |_| {
        refused.set(None);
        let address = match address {
            Some(fields) => match care_contract::mall::validate_address(&fields.value()) {
                Ok(valid) => Some(valid),
                Err(field) => {
                    fields.show_error(field);
                    return;
                }
            },
            None => None,
        };
        submit.submit(RedemptionRequest {
            item_id,
            quantity,
            idempotency_key: String::new(),
            address,
        });
    };

    let busy = move || state.with(SubmitState::may_have_happened);
    let name =
        move || item.with_value(|i| localized(locale.get(), &i.name_zh, &i.name_en).to_owned());
    let after = balance - cost.points;
    let heading = NodeRef::<leptos::html::H2>::new();
    // Keyboard and screen-reader users land on what just opened.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    // Only the arrival of the receipt swaps the view: the confirmation (and what it says
    // about a refusal) stays while the state moves.
    let receipt = Memo::new(move |_| match state.get() {
        SubmitState::Done(receipt) => Some(receipt),
        _ => None,
    });
    move || {
        let phone_masked = phone_masked.clone();
        if let Some(receipt) = receipt.get() {
            return view! { <RedeemResult receipt phone_masked /> }.into_any();
        }
        view! {
                <section class="card confirm" aria-labelledby="confirm-title">
                    <h2 class="card__title" id="confirm-title" tabindex="-1" node_ref=heading>
                        <Icon kind=IconKind::Check />{tr(|t| t.confirm_title)}
                    </h2>
                    <dl class="facts">
                        <div><dt>{tr(|t| t.confirm_item)}</dt><dd>{name}" × "{quantity}</dd></div>
                        {(cost.discount > 0).then(|| view! {
                            <div><dt>{tr(|t| t.confirm_list_price)}</dt><dd>{move || t.get().price_points(cost.list)}</dd></div>
                            <div><dt>{tr(|t| t.confirm_first_discount)}</dt><dd class="facts__good">{move || t.get().confirm_minus_points(cost.discount)}</dd></div>
                        })}
                        <div class="facts__main"><dt>{tr(|t| t.confirm_points)}</dt><dd>{move || t.get().price_points(cost.points)}</dd></div>
                        {(cost.cash_fen > 0).then(|| view! {
                            <div><dt>{tr(|t| t.confirm_cash)}</dt><dd>{move || t.get().confirm_cash_value(&yuan(cost.cash_fen))}</dd></div>
                        })}
                        <div><dt>{tr(|t| t.confirm_balance_now)}</dt><dd>{group_thousands(balance)}</dd></div>
                        <div class="facts__main"><dt>{tr(|t| t.confirm_balance_after)}</dt><dd>{group_thousands(after)}</dd></div>
                        <div><dt>{tr(|t| t.confirm_delivery)}</dt><dd>{move || if physical {
                            t.get().confirm_delivery_physical.to_owned()
                        } else {
                            t.get().confirm_delivery_instant(&phone_masked)
                        }}</dd></div>
                    </dl>
                    {address.map(|fields| view! { <AddressForm fields /> })}
                    <div role="alert" class="confirm__refusal">
                        {move || refused.get().map(|text| view! {
                            <p class="notice notice--error"><Icon kind=IconKind::Alert /><span>{text}</span></p>
                        })}
                    </div>
                    <SubmitStatus submit />
                    <div class="confirm__actions">
                        <button type="button" class="button button--primary button--block button--large"
                            disabled=busy on:click=on_confirm>
                            {move || if state.with(|s| s.is_busy()) { t.get().confirm_sending } else { t.get().confirm_button }}
                        </button>
                        <button type="button" class="button button--secondary button--block" disabled=busy
                            on:click=move |_| on_back.run(())>
                            {tr(|t| t.confirm_back)}
                        </button>
                    </div>
                </section>
            }
        .into_any()
    }
}
