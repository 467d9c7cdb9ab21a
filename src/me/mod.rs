//! 我的: the subscriber's account, family contacts and settings.

mod dates;
mod family;
mod page;
mod settings_page;

pub use dates::format_date;
pub use family::FamilyCallButtons;
pub use page::MePage;
pub use settings_page::SettingsPage;
