//! 积分商城: the points mall: the points card (balance, tier, what expires when), the daily
//! check-in, the points ledger, the catalogue, exactly-once redemption, orders and charity
//! donations.

mod api;
mod catalogue;
mod charity;
mod check_in;
mod ledger_page;
mod mall_page;
mod orders;
mod points_card;
pub mod prefetch;
mod redeem;
mod texts;
mod words;

pub use charity::{CharityList, DonatePage};
pub use ledger_page::LedgerPage;
pub use mall_page::MallPage;
pub use orders::{OrderPage, OrdersLink, OrdersPage};
pub use redeem::ItemPage;
