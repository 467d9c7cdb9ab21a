//! 搜索: find a setting or a feature by the words a subscriber uses for it (长辈版 finds
//! elder mode, 话费 the phone-credit items), in either language.

mod index;
mod search_page;
mod texts;

pub use search_page::SearchPage;
