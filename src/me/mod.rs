//! 我的: the subscriber's account, family contacts and settings.

mod family;
mod page;
mod settings_page;

pub use family::FamilyCallButtons;
pub use page::MePage;
pub use settings_page::SettingsPage;
