//! 公益捐赠: charity projects that take points, and donating to one exactly once (it shows in
//! the ledger as a donation).

mod amount;
mod amount_form;
pub(super) mod api;
mod confirm;
mod donate_page;
mod drafts;
mod list;

pub use donate_page::DonatePage;
pub use list::CharityList;
