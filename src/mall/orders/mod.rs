//! 我的订单: the orders list, one order's detail with its delivery steps, and cancelling an
//! order that has not shipped yet (its points come back as a refund in the ledger).

pub(super) mod api;
mod badge;
mod cancel;
mod detail_page;
mod facts;
mod link;
mod list_page;
mod progress;
mod status;

pub use detail_page::OrderPage;
pub use link::OrdersLink;
pub use list_page::OrdersPage;
