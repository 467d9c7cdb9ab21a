//! 我的: the subscriber's account, tier, family contacts, callback requests, privacy centre
//! and settings.

mod api;
mod callback_page;
mod contact_check;
mod family;
mod family_page;
mod page;
mod privacy_page;
mod settings_page;
mod texts;
mod tier_page;
mod words;

pub use callback_page::CallbackPage;
pub use family::FamilyCallButtons;
pub use family_page::FamilyPage;
pub use page::MePage;
pub use privacy_page::PrivacyPage;
pub use settings_page::SettingsPage;
pub use tier_page::TierPage;

/// Starts loading the profile while the page's code downloads (`lazy_pages`), when this
/// browser was signed in.
#[inline(never)]
pub fn prefetch_profile() {
    if crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(crate::api::profile::PROFILE_PATH.to_owned());
    }
}

/// Starts loading the tier with the page's code, when this browser was signed in.
#[inline(never)]
pub fn prefetch_tier() {
    if crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(api::TIER_PATH.to_owned());
    }
}

/// Starts loading the callback requests with the page's code, when signed in.
#[inline(never)]
pub fn prefetch_callbacks() {
    if crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(api::CALLBACKS_PATH.to_owned());
    }
}

/// Starts loading the privacy overview with the page's code, when signed in.
#[inline(never)]
pub fn prefetch_privacy() {
    if crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(api::PRIVACY_PATH.to_owned());
    }
}
