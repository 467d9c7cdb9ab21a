//! What an exactly-once submission is doing when its answer was lost: "being confirmed"
//! while the app asks again with the same key, then a way to ask once more and the hotline.
//! Announced politely to screen readers; nothing here ever sends a second, new request.

use leptos::prelude::*;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::api::submit_once::{Idempotent, SubmitOnce, SubmitState};
use crate::i18n::tr;
use crate::server_info::HotlineButton;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn SubmitStatus<R, T>(submit: SubmitOnce<R, T>) -> impl IntoView
where
    R: Idempotent + Clone + Serialize + DeserializeOwned + 'static,
    T: Clone + Send + Sync + 'static,
{
    let state = submit.state();
    view! {
        <div class="submit-status" role="status">
            {move || match state.get() {
                SubmitState::Confirming => Some(view! {
                    <p class="notice notice--care">
                        <Icon kind=IconKind::Clock />
                        <span>{tr(|t| t.submit_confirming)}</span>
                    </p>
                }.into_any()),
                SubmitState::Unconfirmed(_) => Some(view! {
                    <div class="notice notice--care">
                        <p class="notice__title"><Icon kind=IconKind::Clock />{tr(|t| t.submit_unconfirmed_title)}</p>
                        <p>{tr(|t| t.submit_unconfirmed_body)}</p>
                        <button type="button" class="button button--primary" on:click=move |_| submit.confirm_again()>
                            {tr(|t| t.submit_confirm_again)}
                        </button>
                        <HotlineButton />
                    </div>
                }.into_any()),
                _ => None,
            }}
        </div>
    }
}
