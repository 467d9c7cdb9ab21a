//! Cancelling an order awaiting shipment: an inline confirmation (no pop-up), one request
//! however often the button is tapped, then the refund and the new balance in words.

use care_contract::mall::{CancelResult, Order, OrderStatus};
use care_contract::ErrorCode;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::mall::texts::{tr, use_texts, Texts};
use crate::widgets::icons::{Icon, IconKind};

/// Why the cancel failed, in words. `invalid_status` depends on what the order turned out
/// to be: shipped in the meantime, or already cancelled (an earlier tap whose answer was lost).
pub fn cancel_error_text(error: &ApiError, now: OrderStatus, t: &'static Texts) -> &'static str {
    match (error.code(), now) {
        (Some(ErrorCode::InvalidStatus), OrderStatus::Cancelled) => t.order_cancel_already,
        (Some(ErrorCode::InvalidStatus), _) => t.order_cancel_too_late,
        _ => error.message(t),
    }
}

#[component]
pub fn CancelOrder(
    order: RwSignal<Order>,
    /// Owned by the page, which shows the cancelled order when it succeeds.
    action: Action<(), Result<CancelResult, ApiError>>,
) -> impl IntoView {
    let t = use_texts();
    let confirming = RwSignal::new(false);
    let pending = action.pending();
    let can_cancel = Memo::new(move |_| order.with(|o| o.can_cancel));
    let failed = Memo::new(move |_| action.value().with(|v| matches!(v, Some(Err(_)))));
    let question = NodeRef::<leptos::html::P>::new();
    let start = NodeRef::<leptos::html::Button>::new();
    // Keyboard and screen-reader users land on what just appeared, not at the page top.
    Effect::new(move |ran: Option<()>| {
        let open = confirming.get();
        if ran.is_some() {
            let _ = if open {
                question.get_untracked().map(|p| p.focus())
            } else {
                start.get_untracked().map(|b| b.focus())
            };
        }
    });
    let confirm = move |_| {
        if !pending.get_untracked() {
            action.dispatch(());
        }
    };
    let controls = move || {
        if confirming.get() {
            view! {
                <div class="order-cancel__confirm">
                    <p class="order-cancel__question" tabindex="-1" node_ref=question>
                        {tr(|t| t.order_cancel_question)}
                    </p>
                    <div class="order-cancel__actions">
                        <button type="button" class="button button--primary" disabled=move || pending.get() on:click=confirm>
                            {move || if pending.get() { t.get().order_cancelling } else { t.get().order_cancel_yes }}
                        </button>
                        <button type="button" class="button button--secondary" disabled=move || pending.get()
                            on:click=move |_| confirming.set(false)>
                            {tr(|t| t.order_cancel_no)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button--secondary button--block" node_ref=start
                    on:click=move |_| confirming.set(true)>
                    {tr(|t| t.order_cancel)}
                </button>
                <p class="field__hint">{tr(|t| t.order_cancel_hint)}</p>
            }
            .into_any()
        }
    };
    view! {
        <p class="order-cancel__done" role="status">
            {move || match action.value().get() {
                Some(Ok(result)) => Some(view! {
                    <Icon kind=IconKind::Check />
                    <span>{move || t.get().order_cancel_done(result.balance, result.refunded_points)}</span>
                }),
                _ => None,
            }}
        </p>
        <Show when=move || can_cancel.get() || failed.get()>
            <section class="card order-cancel" aria-labelledby="order-cancel-title">
                <h2 class="card__title" id="order-cancel-title">{tr(|t| t.order_cancel_title)}</h2>
                <Show when=move || can_cancel.get()>{controls}</Show>
                {move || action.value().get().and_then(Result::err).map(|error| view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert />
                        <span>{move || cancel_error_text(&error, order.with(|o| o.status), t.get())}</span>
                    </p>
                })}
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn invalid_status() -> ApiError {
        ApiError::Http {
            status: 409,
            code: ErrorCode::InvalidStatus,
            retry_after_secs: None,
            details: None,
        }
    }

    #[test]
    fn a_refused_cancel_says_why() {
        let t = crate::mall::texts::of(Locale::ZhCn);
        let e = invalid_status();
        assert_eq!(
            cancel_error_text(&e, OrderStatus::Shipped, t),
            t.order_cancel_too_late
        );
        assert_eq!(
            cancel_error_text(&e, OrderStatus::Cancelled, t),
            t.order_cancel_already
        );
        assert_eq!(
            cancel_error_text(&ApiError::Network, OrderStatus::AwaitingShipment, t),
            t.error_network
        );
    }
}
