//! The catalogue: categories, search, order, and item cards that say what each costs and
//! whether it can be taken.

mod browse;
pub(crate) mod facts;
mod item_card;
pub(crate) mod query;
pub(crate) mod words;

pub use browse::Catalogue;
