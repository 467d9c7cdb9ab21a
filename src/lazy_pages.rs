//! Pages whose code is downloaded when first visited, not with the first load.
//!
//! The release build splits the wasm here (`scripts/split-wasm`, Trunk's post-build hook):
//! the home page and the shell load first, and each group of pages below arrives as one
//! extra file the first time one of its pages opens. Grouping by capability keeps that to a
//! few requests per tab instead of one per page plus one per combination of pages sharing
//! code, and keeps the first load inside its budget as screens are added.
//!
//! Name a group after its pages' first path segment plus `_pages` (`/sign-in/...` is
//! `sign_in_pages`), or their first two when a capability's pages are split further
//! (`/community/threads/...` is `community_threads_pages`): index.html uses that name to
//! fetch a group's code beside the main wasm when the app is opened straight on one of its
//! pages, and `warm_group` to fetch it ahead of a likely next tap.
//!
//! A group that cannot be fetched (a phone losing signal between pages) shows the usual
//! error card with a retry instead of stopping the app: the split functions are `fallible`.
//!
//! A route may name a prefetch function (`=> Page, prefetch module::function`): it runs
//! as soon as the route is chosen, before the group's code has arrived, and starts the
//! page's GET requests (`api::prefetch`), so data and code download side by side.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::api::ApiError;
use crate::auth::SignInPage;
use crate::care::{self, HomeSummaryCards, InboxPage, PreferencesPage, ReportPage};
use crate::community::{
    self, CommunityPage, ModerationLogPage, ModerationPage, NewThreadPage, ThreadPage,
};
use crate::elder::{ConfirmSendDialog, ElderTools};
use crate::feedback::{
    self, FeedbackPage, NewTicketPage, QueuePage, QuickRatePage, SurveyPage, SurveyResultsPage,
    TicketPage,
};
use crate::home::ElderTiles;
use crate::mall::{self, DonatePage, ItemPage, LedgerPage, MallPage, OrderPage, OrdersPage};
use crate::me::{self, FamilyPage, MePage, SettingsPage};
use crate::me::{CallbackPage, PrivacyPage, TierPage};
use crate::search::SearchPage;
use crate::widgets::error_view::ErrorView;
use crate::widgets::page_loading::PageLoading;

/// Declares one lazily loaded group: a function compiled into its own wasm chunk that
/// renders any page of the group, and a route type per page for the router.
macro_rules! page_group {
    ($group:ident: $screen:ident $(, style $style:literal)? { $($route:ident => $page:ident $(, prefetch $prefetch:path)?;)* }) => {
        /// The pages of one lazily loaded group.
        #[derive(Clone, Copy)]
        #[repr(u8)]
        #[allow(clippy::enum_variant_names, reason = "each variant is named after its route")]
        enum $screen { $($route,)* }

        #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $group(screen: $screen) -> Result<AnyView, SplitLoaderError> {
            $(add_stylesheet($style, include_str!(concat!("../style/", $style, ".css")));)?
            Ok(match screen {
                $($screen::$route => view! { <$page /> }.into_any(),)*
            })
        }

        $(
            #[doc = concat!("The route of [`", stringify!($page), "`], loaded with its group.")]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $($prefetch();)?
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    let _loading = use_context::<PageLoading>().map(PageLoading::begin);
                    $group($screen::$route).await.unwrap_or_else(|_| load_failed())
                }
            }
        )*
    };
}

page_group!(mall_pages: MallScreen, style "mall" {
    MallRoute => MallPage, prefetch mall::prefetch::mall;
    LedgerRoute => LedgerPage, prefetch mall::prefetch::ledger;
    OrdersRoute => OrdersPage, prefetch mall::prefetch::orders;
    OrderRoute => OrderPage, prefetch mall::prefetch::order;
    DonateRoute => DonatePage, prefetch mall::prefetch::donate;
    ItemRoute => ItemPage, prefetch mall::prefetch::item;
});

// The search and care are in the "me" group, not their own: every group more makes
// wasm-split cut the code groups share into more chunks, and a search group cost every
// other group's deep link 11 more files and 4-6 KB (index.html maps `/search` and `/care`
// to this group).
page_group!(me_pages: MeScreen, style "me-pages" {
    MeRoute => MePage, prefetch me::prefetch_profile;
    SettingsRoute => SettingsPage;
    FamilyRoute => FamilyPage;
    TierRoute => TierPage, prefetch me::prefetch_tier;
    CallbackRoute => CallbackPage, prefetch me::prefetch_callbacks;
    PrivacyRoute => PrivacyPage, prefetch me::prefetch_privacy;
    SearchRoute => SearchPage;
    InboxRoute => InboxPage, prefetch care::prefetch_inbox;
    PreferencesRoute => PreferencesPage;
    ReportRoute => ReportPage;
    HomeSummaryPart => HomeSummaryCards;
});

/// The signed-in subscriber's part of the home page, with the "me" group's code: drawn in
/// the first load it cost 6-10 KB of its budget, and it leads to that group's pages (the
/// inbox, 我的). A group that cannot be fetched shows the error card with a reload.
pub async fn home_summary() -> AnyView {
    me_pages(MeScreen::HomeSummaryPart)
        .await
        .unwrap_or_else(|_| load_failed())
}

// Elder mode's own parts (the read-aloud and help row every screen shows, the elder
// home's tiles and the question before sending) come with the sign-in page's code: in the
// first load they cost every subscriber 14 KB, though most never switch elder mode on, and
// a group of their own made wasm-split cut the code groups share into more chunks: every
// other group 4-6 KB and 14 files more. Sign-in is small and shares little beyond the
// first load. index.html preloads the group when the stored preferences say elder mode.
// Their parts keep their room while it comes (style/frame.css, home.css).
/// One of elder mode's parts, with the group's code; a group that cannot be fetched shows
/// the error card with a reload, as a page would.
async fn elder_part(part: SignInScreen) -> AnyView {
    sign_in_pages(part).await.unwrap_or_else(|_| load_failed())
}

/// The read-aloud and help row under the top bar (`elder::ElderTools`).
pub async fn elder_tools() -> AnyView {
    elder_part(SignInScreen::ElderToolsPart).await
}

/// The elder home's six tiles (`home::ElderTiles`).
pub async fn elder_tiles() -> AnyView {
    elder_part(SignInScreen::ElderTilesPart).await
}

/// The question before a form is sent (`elder::ConfirmSendDialog`).
pub async fn confirm_send_dialog() -> AnyView {
    elder_part(SignInScreen::ConfirmSendPart).await
}

page_group!(sign_in_pages: SignInScreen, style "elder" {
    SignInRoute => SignInPage;
    ElderToolsPart => ElderTools;
    ElderTilesPart => ElderTiles;
    ConfirmSendPart => ConfirmSendDialog;
});

// The community is two groups: a link in a text message opens a thread, and should not
// wait for the list, the new-thread form (with its poll editor) and the staff's screens.
// More groups would cost more requests than they save bytes: every set of groups sharing
// code gets its own chunk. The list warms the thread group while it is read.
page_group!(community_pages: CommunityScreen, style "community" {
    CommunityRoute => CommunityPage, prefetch community::prefetch::list;
    NewThreadRoute => NewThreadPage;
    ModerationRoute => ModerationPage;
    ModerationLogRoute => ModerationLogPage;
});

page_group!(community_threads_pages: ThreadScreen, style "community" {
    ThreadRoute => ThreadPage, prefetch community::prefetch::thread;
});

// Feedback is one group, quick rating and surveys included: every group more multiplies
// the chunks wasm-split makes (one per set of groups sharing code), and four feedback
// groups cost the first load 7 KB and every group four times the files. index.html maps
// `/rate/<token>` to this group for its preload.
page_group!(feedback_pages: FeedbackScreen, style "feedback" {
    FeedbackRoute => FeedbackPage, prefetch feedback::prefetch::list;
    NewTicketRoute => NewTicketPage;
    QueueRoute => QueuePage;
    TicketRoute => TicketPage, prefetch feedback::prefetch::ticket;
    SurveyRoute => SurveyPage, prefetch feedback::prefetch::survey;
    SurveyResultsRoute => SurveyResultsPage;
    QuickRateRoute => QuickRatePage, prefetch feedback::prefetch::quick_rating;
});

/// A capability's stylesheet (`style/<name>.css`), added to the page the first time one
/// of its pages opens: it is compiled into the group's code, so the first load carries only
/// the frame's and the shared widgets' styles (index.html inlines those), and the page never
/// draws before its styles are there.
#[inline(never)]
fn add_stylesheet(name: &str, css: &str) {
    let id = format!("style-{name}");
    let document = document();
    if document.get_element_by_id(&id).is_some() {
        return;
    }
    if let (Ok(style), Some(head)) = (document.create_element("style"), document.head()) {
        style.set_id(&id);
        style.set_text_content(Some(css));
        let _ = head.append_child(&style);
    }
}

/// A parameter of the route being opened (`id` of `/mall/items/:id`), for a prefetch.
/// Not inlined: every route's `data` shares this one copy in the first load.
#[inline(never)]
pub fn route_param(name: &str) -> Option<String> {
    leptos_router::hooks::use_params_map().with_untracked(|p| p.get(name))
}

/// Starts downloading a group's code (its files as index.html lists them) without running
/// it, when its page is the likely next tap; opening the page then finds it in the cache.
/// Best effort: a browser without prefetch, or a debug build, just loads it on the tap.
pub fn warm_group(group: &str) {
    use wasm_bindgen::JsCast;
    let warm = js_sys::Reflect::get(&window(), &"careWarmGroup".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(warm) = warm {
        let _ = warm.call1(&wasm_bindgen::JsValue::NULL, &group.into());
    }
}

/// The page's code could not be fetched: the network error card; retrying reloads the page,
/// which fetches the group afresh (drafts live in session storage, so nothing typed is lost).
fn load_failed() -> AnyView {
    let reload = move |()| {
        let _ = window().location().reload();
    };
    view! { <ErrorView error=ApiError::Network on_retry=reload /> }.into_any()
}
