//! 我的: the subscriber's account, family contacts and settings.

mod api;
mod contact_check;
mod family;
mod family_page;
mod page;
mod settings_page;
mod texts;

pub use family::FamilyCallButtons;
pub use family_page::FamilyPage;
pub use page::MePage;
pub use settings_page::SettingsPage;

/// Starts loading the profile while the page's code downloads (`lazy_pages`), when this
/// browser was signed in.
#[inline(never)]
pub fn prefetch_profile() {
    if crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(crate::api::profile::PROFILE_PATH.to_owned());
    }
}
