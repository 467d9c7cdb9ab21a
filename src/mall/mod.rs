//! 积分商城: the points mall. This part: the points card (balance, tier, what expires
//! when), the daily check-in, and the points ledger. The catalogue and redemption follow.

mod api;
mod check_in;
mod ledger_page;
mod mall_page;
mod points_card;
mod words;

pub use ledger_page::LedgerPage;
pub use mall_page::MallPage;
