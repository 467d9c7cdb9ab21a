//! How an order reads: its status in words and where it is on the delivery steps. Pure,
//! so it is tested here. (Money is `crate::mall::words::yuan`, times `crate::i18n::dates`.)

use care_contract::mall::{DeliveryKind, OrderStatus};

use crate::mall::texts::Texts;

/// A physical order's journey, in order. Instant and cancelled orders have no steps.
pub const PHYSICAL_STEPS: [OrderStatus; 3] = [
    OrderStatus::AwaitingShipment,
    OrderStatus::Shipped,
    OrderStatus::Delivered,
];

/// The status as a customer says it: 待发货, 已发货, ...
pub fn status_label(status: OrderStatus, t: &'static Texts) -> &'static str {
    match status {
        OrderStatus::Completed => t.order_status_completed,
        OrderStatus::AwaitingShipment => t.order_status_awaiting_shipment,
        OrderStatus::Shipped => t.order_status_shipped,
        OrderStatus::Delivered => t.order_status_delivered,
        OrderStatus::Cancelled => t.order_status_cancelled,
    }
}

/// Where a physical order stands on [`PHYSICAL_STEPS`] (0-based); `None` when the order
/// has no steps to show (instant, or cancelled).
pub fn step_index(delivery: DeliveryKind, status: OrderStatus) -> Option<usize> {
    if delivery != DeliveryKind::Physical {
        return None;
    }
    PHYSICAL_STEPS.iter().position(|s| *s == status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_status_has_words_in_both_languages() {
        for locale in Locale::ALL {
            for status in [
                OrderStatus::Completed,
                OrderStatus::AwaitingShipment,
                OrderStatus::Shipped,
                OrderStatus::Delivered,
                OrderStatus::Cancelled,
            ] {
                assert!(!status_label(status, crate::mall::texts::of(locale)).is_empty());
            }
        }
        assert_eq!(
            status_label(OrderStatus::Shipped, crate::mall::texts::of(Locale::ZhCn)),
            "已发货"
        );
    }

    #[test]
    fn only_live_physical_orders_have_a_step() {
        use DeliveryKind::{Instant, Physical};
        assert_eq!(step_index(Physical, OrderStatus::AwaitingShipment), Some(0));
        assert_eq!(step_index(Physical, OrderStatus::Shipped), Some(1));
        assert_eq!(step_index(Physical, OrderStatus::Delivered), Some(2));
        assert_eq!(step_index(Physical, OrderStatus::Cancelled), None);
        assert_eq!(step_index(Instant, OrderStatus::Completed), None);
    }
}
