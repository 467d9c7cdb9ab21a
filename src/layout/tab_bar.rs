use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{tr, use_texts, TextKey};
use crate::widgets::icons::{Icon, IconKind};

struct Tab {
    href: &'static str,
    icon: IconKind,
    label: TextKey,
    /// Home matches only "/"; the others also light up on their sub-pages.
    exact: bool,
}

const TABS: [Tab; 5] = [
    Tab {
        href: "/",
        icon: IconKind::Home,
        label: |t| t.tab_home,
        exact: true,
    },
    Tab {
        href: "/mall",
        icon: IconKind::Gift,
        label: |t| t.tab_mall,
        exact: false,
    },
    Tab {
        href: "/community",
        icon: IconKind::Chat,
        label: |t| t.tab_community,
        exact: false,
    },
    Tab {
        href: "/feedback",
        icon: IconKind::Feedback,
        label: |t| t.tab_feedback,
        exact: false,
    },
    Tab {
        href: "/me",
        icon: IconKind::User,
        label: |t| t.tab_me,
        exact: false,
    },
];

/// The bottom tab bar: icon and label on every tab; the current one is marked
/// `aria-current="page"` by the router's link.
#[component]
pub fn TabBar() -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="tab-bar" aria-label=tr(|t| t.nav_main)>
            {TABS.iter().map(|tab| {
                let label = tab.label;
                view! {
                    <A href=tab.href exact=tab.exact attr:class="tab-bar__tab">
                        <Icon kind=tab.icon />
                        <span class="tab-bar__label">{move || label(t.get())}</span>
                    </A>
                }
            }).collect_view()}
        </nav>
    }
}
