//! The elder home (长辈版首页): not the standard home made bigger, but a simpler one. Six
//! large tiles, each an icon and a two-to-four-character label, for what elderly
//! subscribers come for: their points, a gift, a person on the phone, their family, telling
//! us a problem, and the community. Nothing else competes for a tap.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::auth::use_session;
use crate::i18n::{tr, use_texts, TextKey};
use crate::server_info::use_hotline;
use crate::widgets::icons::{Icon, IconKind};

/// The tiles that lead to a page of the app (the two calling tiles are drawn apart, as
/// their target depends on the hotline and the family contacts).
struct PageTile {
    href: &'static str,
    icon: IconKind,
    label: TextKey,
}

const POINTS: PageTile = PageTile {
    href: "/mall/points",
    icon: IconKind::Star,
    label: |t| t.elder_tile_points,
};
const GIFTS: PageTile = PageTile {
    href: "/mall",
    icon: IconKind::Gift,
    label: |t| t.elder_tile_gifts,
};
const FEEDBACK: PageTile = PageTile {
    href: "/feedback",
    icon: IconKind::Feedback,
    label: |t| t.elder_tile_feedback,
};
const COMMUNITY: PageTile = PageTile {
    href: "/community",
    icon: IconKind::Chat,
    label: |t| t.elder_tile_community,
};

#[component]
fn PageTileLink(tile: PageTile) -> impl IntoView {
    let label = tile.label;
    view! {
        <li>
            <A href=tile.href attr:class="elder-tile">
                <span class="elder-tile__icon"><Icon kind=tile.icon /></span>
                <span class="elder-tile__label">{tr(label)}</span>
            </A>
        </li>
    }
}

/// 人工客服: a call to the operator's hotline, whose number shows under the label.
#[component]
fn HotlineTile() -> impl IntoView {
    let hotline = use_hotline();
    view! {
        <li>
            <a class="elder-tile elder-tile--call" href=move || format!("tel:{}", hotline())>
                <span class="elder-tile__icon"><Icon kind=IconKind::Phone /></span>
                <span class="elder-tile__label">{tr(|t| t.elder_tile_hotline)}</span>
                <span class="elder-tile__aside">{hotline}</span>
            </a>
        </li>
    }
}

/// 打给家人: with one family contact, a call to them (their name under the label); with
/// several, or none yet, the family page, where each has a button or one can be added.
#[component]
fn FamilyTile() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let contacts = move || {
        session
            .profile()
            .map(|p| p.family_contacts)
            .unwrap_or_default()
    };
    move || {
        let contacts = contacts();
        let (href, aside) = match contacts.as_slice() {
            [only] => (format!("tel:{}", only.phone), only.name.clone()),
            [] => (
                "/me/family".to_owned(),
                t.get().elder_tile_family_add.to_owned(),
            ),
            many => (
                "/me/family".to_owned(),
                t.get().elder_tile_family_many(&many.len().to_string()),
            ),
        };
        view! {
            <li>
                <a class="elder-tile elder-tile--call" href=href>
                    <span class="elder-tile__icon"><Icon kind=IconKind::Heart /></span>
                    <span class="elder-tile__label">{tr(|t| t.elder_tile_family)}</span>
                    <span class="elder-tile__aside">{aside}</span>
                </a>
            </li>
        }
    }
}

#[component]
pub fn ElderTiles() -> impl IntoView {
    view! {
        <section aria-labelledby="elder-tiles-title">
            <h2 class="visually-hidden" id="elder-tiles-title">{tr(|t| t.shortcuts_title)}</h2>
            <ul class="elder-tiles">
                <PageTileLink tile=POINTS />
                <PageTileLink tile=GIFTS />
                <HotlineTile />
                <FamilyTile />
                <PageTileLink tile=FEEDBACK />
                <PageTileLink tile=COMMUNITY />
            </ul>
        </section>
    }
}
