//! The orders screens' backend calls.

use care_contract::mall::{CancelResult, Order, OrderPage};

use crate::api::client;
use crate::api::ApiError;

/// Orders per page: each row is two lines and a badge, so ten fill a phone screen or two.
pub const ORDERS_PAGE_SIZE: u32 = 10;

pub async fn fetch_orders(page: u32) -> Result<OrderPage, ApiError> {
    client::get(&orders_path(page)).await
}

pub fn order_path(id: i64) -> String {
    format!("/mall/orders/{id}")
}

pub async fn fetch_order(id: i64) -> Result<Order, ApiError> {
    client::get(&order_path(id)).await
}

/// Cancelling twice is refused by the backend (`invalid_status`), never refunded twice.
pub async fn cancel_order(id: i64) -> Result<CancelResult, ApiError> {
    client::post(&format!("/mall/orders/{id}/cancel"), &()).await
}

pub fn orders_path(page: u32) -> String {
    format!("/mall/orders?page={page}&per_page={ORDERS_PAGE_SIZE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_queries_carry_the_page() {
        assert_eq!(orders_path(2), "/mall/orders?page=2&per_page=10");
    }
}
