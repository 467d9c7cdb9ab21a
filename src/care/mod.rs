//! 关怀: the care inbox (moments, gifts to claim, notices about threads and tickets), the
//! subscriber's say over which messages come and how often, and the quarterly service
//! report, and the home page's signed-in part (today's moments, points, tickets waiting,
//! unread messages), which loads with these pages' code.

/// The care calls; the privacy centre's marketing consent uses the preferences.
pub(crate) mod api;
mod home_summary;
mod inbox_page;
mod message_card;
mod moment;
mod preferences_page;
mod quarter;
mod report_chart;
mod report_page;
mod texts;
mod words;

pub use home_summary::HomeSummaryCards;
pub use inbox_page::InboxPage;
pub use preferences_page::PreferencesPage;
pub use report_page::ReportPage;

/// Starts loading the inbox's first page while the page's code downloads (`lazy_pages`),
/// when this browser was signed in and the link names no other page.
#[inline(never)]
pub fn prefetch_inbox() {
    let first_page = leptos::prelude::window()
        .location()
        .search()
        .is_ok_and(|q| q.is_empty());
    if first_page && crate::auth::probably_signed_in() {
        crate::api::prefetch::prefetch(api::inbox_path(1));
    }
}
