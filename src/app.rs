//! The root component: shared state, then the router inside the page frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::auth::{provide_session, SignInPage};
use crate::community::CommunityPage;
use crate::feedback::FeedbackPage;
use crate::home::HomePage;
use crate::layout::Shell;
use crate::mall::{DonatePage, ItemPage, LedgerPage, MallPage, OrderPage, OrdersPage};
use crate::me::{MePage, SettingsPage};
use crate::not_found::NotFoundPage;
use crate::prefs::provide_prefs;
use crate::server_info::provide_server_info;
use crate::widgets::page_title::provide_page_meta;
use crate::widgets::toast::provide_toasts;

#[component]
pub fn App() -> impl IntoView {
    provide_prefs();
    provide_toasts();
    provide_page_meta();
    provide_server_info();
    provide_session();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/mall") view=MallPage />
                    <Route path=path!("/mall/points") view=LedgerPage />
                    <Route path=path!("/mall/orders") view=OrdersPage />
                    <Route path=path!("/mall/orders/:id") view=OrderPage />
                    <Route path=path!("/mall/charity/:id") view=DonatePage />
                    <Route path=path!("/mall/items/:id") view=ItemPage />
                    <Route path=path!("/community") view=CommunityPage />
                    <Route path=path!("/feedback") view=FeedbackPage />
                    <Route path=path!("/me") view=MePage />
                    <Route path=path!("/me/settings") view=SettingsPage />
                    <Route path=path!("/sign-in") view=SignInPage />
                </Routes>
            </Shell>
        </Router>
    }
}
