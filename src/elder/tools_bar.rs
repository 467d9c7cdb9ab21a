//! The elder-mode tools under the top bar on every screen: read the screen aloud, and ask
//! for help. Always in the same place, always visible (the bar is sticky).

use leptos::prelude::*;

use super::help_sheet::HelpButton;
use super::read_aloud::ReadAloudControls;
use crate::i18n::tr;

#[component]
pub fn ElderTools() -> impl IntoView {
    view! {
        <div class="elder-tools" role="group" aria-label=tr(|t| t.elder_tools)>
            <ReadAloudControls />
            <HelpButton />
        </div>
    }
}
