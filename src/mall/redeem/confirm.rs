//! 确认兑换: states exactly what will happen (points deducted, the balance after, the cash
//! part, instant credit or delivery and where) before anything is sent. Its idempotency
//! key was made when it opened; a second tap, a lost answer or a reload never deducts twice.

use care_contract::mall::{DeliveryKind, MallItem, RedemptionReceipt, RedemptionRequest};
use leptos::prelude::*;

use crate::i18n::group_thousands;

use super::address_form::{AddressFields, AddressForm};
use super::cost::Cost;
use super::pending;
use super::refusal::{refusal, Refusal};
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::i18n::{tr, use_texts};
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
    submit: SubmitOnce<RedemptionReceipt>,
    /// Present for physical items.
    address: Option<AddressFields>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let state = submit.state();
    let refused = RwSignal::new(None::<String>);
    let item = StoredValue::new(item);

    // A definite refusal: nothing happened. Say why, and let the next tap be a new request.
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
            submit.reset();
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
        let request = RedemptionRequest {
            item_id: item.with_value(|i| i.id),
            quantity,
            idempotency_key: submit.key(),
            address,
        };
        submit.submit(move |key| {
            pending::redeem(RedemptionRequest {
                idempotency_key: key,
                ..request.clone()
            })
        });
    };

    let busy = move || state.with(|s| s.is_busy() || matches!(s, SubmitState::Unconfirmed(_)));
    let name =
        move || item.with_value(|i| localized(locale.get(), &i.name_zh, &i.name_en).to_owned());
    let physical = item.with_value(|i| i.delivery == DeliveryKind::Physical);
    let after = balance - cost.points;
    let heading = NodeRef::<leptos::html::H2>::new();
    // Keyboard and screen-reader users land on what just opened.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

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
}
