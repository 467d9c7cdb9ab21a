//! The care micro-app (客户关怀微应用): a Leptos single-page app for a telecom operator's
//! subscribers. One folder per capability (home, mall, community, feedback, me, auth),
//! shared widgets in `widgets`, the backend client in `api`.

pub mod api;
pub mod app;
pub mod auth;
pub mod care;
pub mod community;
pub mod drafts;
pub mod elder;
pub mod feedback;
pub mod home;
pub mod i18n;
pub mod layout;
pub mod lazy_pages;
pub mod mall;
pub mod me;
pub mod not_found;
pub mod prefs;
pub mod query_string;
pub mod search;
pub mod server_info;
pub mod widgets;

use leptos::prelude::*;

/// Starts the app: mounts it in place of the HTML loading shell at once, while the
/// deploy-time configuration loads; API calls wait for the configuration.
pub fn start() {
    widgets::panic_screen::install_panic_hook();
    api::config::begin_loading();
    // Leptos's executor is set up by mounting, just below; this task is queued first, so
    // it runs on wasm-bindgen's executor directly.
    wasm_bindgen_futures::spawn_local(async {
        api::config::set_config(api::config::load_config().await);
    });
    mount_to_body(app::App);
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}
