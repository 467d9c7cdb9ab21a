//! What a redemption will cost, worked out the way the backend does (the confirmation
//! must state exactly what will be deducted), and how many units may be chosen.

use care_contract::mall::{MallItem, MAX_QUANTITY};
use care_contract::points::discount_points;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cost {
    /// Points before any discount.
    pub list: i64,
    /// The first-exchange discount, 0 when none.
    pub discount: i64,
    /// Points that will be deducted.
    pub points: i64,
    /// Cash to the phone bill, in fen.
    pub cash_fen: i64,
}

/// The cost of `quantity` units. `first_exchange_percent_off` is set when this would be
/// the customer's first exchange; the discount is on the whole order, rounded down.
pub fn cost(item: &MallItem, quantity: u32, first_exchange_percent_off: Option<u32>) -> Cost {
    let list = item.points * i64::from(quantity);
    let discount = first_exchange_percent_off.map_or(0, |p| discount_points(list, p));
    Cost {
        list,
        discount,
        points: list - discount,
        cash_fen: item.cash_fen * i64::from(quantity),
    }
}

/// The most units the customer may choose now: what their limit leaves, what is in stock,
/// and the contract's cap. Never below 1, so the stepper always has a value.
pub fn max_quantity(item: &MallItem) -> u32 {
    let left_of_limit = item.per_customer_limit.saturating_sub(item.redeemed_by_me);
    let in_stock = item
        .stock
        .map_or(u32::MAX, |s| u32::try_from(s.max(0)).unwrap_or(u32::MAX));
    left_of_limit.min(in_stock).clamp(1, MAX_QUANTITY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mall::catalogue::words::tests::item;

    #[test]
    fn the_first_exchange_discount_is_on_the_whole_order_rounded_down() {
        let mut it = item();
        it.points = 999;
        it.cash_fen = 990;
        assert_eq!(
            cost(&it, 2, Some(20)),
            Cost {
                list: 1998,
                discount: 399,
                points: 1599,
                cash_fen: 1980
            }
        );
        assert_eq!(cost(&it, 1, None).discount, 0);
        assert_eq!(cost(&it, 1, None).points, 999);
    }

    #[test]
    fn quantity_is_bounded_by_limit_stock_and_the_cap() {
        let mut it = item();
        it.per_customer_limit = 5;
        it.redeemed_by_me = 2;
        it.stock = Some(10);
        assert_eq!(max_quantity(&it), 3);
        it.stock = Some(1);
        assert_eq!(max_quantity(&it), 1);
        it.stock = None;
        it.per_customer_limit = 500;
        it.redeemed_by_me = 0;
        assert_eq!(max_quantity(&it), MAX_QUANTITY);
        it.redeemed_by_me = 500;
        assert_eq!(max_quantity(&it), 1, "the stepper never shows 0");
    }
}
