//! What the backend says about itself (demo mode, hotline), fetched once and shared.

use care_contract::meta::ServerInfo;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::use_texts;
use crate::widgets::icons::{Icon, IconKind};

/// Shown until the backend has said otherwise: the operator hotline from the research
/// material. The backend's value wins as soon as it arrives.
const FALLBACK_HOTLINE: &str = "10000";

pub type ServerInfoResource = LocalResource<Result<ServerInfo, ApiError>>;

pub fn provide_server_info() {
    provide_context::<ServerInfoResource>(LocalResource::new(api::meta::fetch_server_info));
}

pub fn use_server_info() -> ServerInfoResource {
    expect_context::<ServerInfoResource>()
}

/// The operator's hotline: the backend's number once it has answered.
pub fn use_hotline() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let info = use_server_info();
    move || {
        info.get()
            .and_then(|r| r.ok())
            .map(|i| i.hotline)
            .unwrap_or_else(|| FALLBACK_HOTLINE.to_owned())
    }
}

/// One tap to a person: the operator's hotline.
#[component]
pub fn HotlineButton() -> impl IntoView {
    let t = use_texts();
    let hotline = use_hotline();
    view! {
        <a class="button button--primary button--block" href=move || format!("tel:{}", hotline())>
            <Icon kind=IconKind::Phone />
            <span>{move || t.get().call_hotline(&hotline())}</span>
        </a>
    }
}
