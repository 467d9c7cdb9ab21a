//! The elder-mode switch. One component everywhere it appears (top bar, home, settings), so
//! it looks and is announced the same: a switch named 长辈版 with its on/off state.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

/// `large`: full width with a drawn track, for cards. Otherwise compact for the top bar,
/// where the filled pill alone shows the state.
#[component]
pub fn ElderSwitch(#[prop(optional)] large: bool) -> impl IntoView {
    let prefs = use_prefs();
    let on = move || prefs.with(|p| p.elder_mode);
    view! {
        <button
            type="button"
            role="switch"
            class="switch"
            class:switch--large=large
            class:switch--compact=!large
            aria-checked=move || on().to_string()
            on:click=move |_| prefs.update(|p| {
                p.elder_mode = !p.elder_mode;
                p.elder_prompt_answered = true;
            })
        >
            <Icon kind=IconKind::TextSize />
            <span class="switch__label">{tr(|t| t.elder_mode)}</span>
            <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
        </button>
    }
}
