//! Taking an item: the item page, the confirmation with its delivery address, the
//! exactly-once submission and the result.

mod address_form;
mod confirm;
mod cost;
mod drafts;
mod item_page;
mod quantity;
mod redeem_panel;
mod refusal;
mod result;

pub use item_page::ItemPage;
