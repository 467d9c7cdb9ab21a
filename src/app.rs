//! The root component: shared state, then the router inside the page frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

use crate::auth::provide_session;
use crate::home::HomePage;
use crate::layout::Shell;
use crate::lazy_pages::{CallbackRoute, PrivacyRoute, TierRoute};
use crate::lazy_pages::{
    CommunityRoute, DonateRoute, FamilyRoute, FeedbackRoute, InboxRoute, ItemRoute, LedgerRoute,
    MallRoute, MeRoute, ModerationLogRoute, ModerationRoute, NewThreadRoute, NewTicketRoute,
    OrderRoute, OrdersRoute, PreferencesRoute, QueueRoute, QuickRateRoute, ReportRoute,
    SearchRoute, SettingsRoute, SignInRoute, SurveyResultsRoute, SurveyRoute, ThreadRoute,
    TicketRoute,
};
use crate::not_found::NotFoundPage;
use crate::prefs::provide_prefs;
use crate::server_info::provide_server_info;
use crate::widgets::page_loading::provide_page_loading;
use crate::widgets::page_title::provide_page_meta;
use crate::widgets::toast::provide_toasts;

#[component]
pub fn App() -> impl IntoView {
    provide_prefs();
    provide_toasts();
    crate::elder::provide_confirm_send();
    provide_page_meta();
    provide_page_loading();
    provide_server_info();
    provide_session();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/mall") view={Lazy::<MallRoute>::new()} />
                    <Route path=path!("/mall/points") view={Lazy::<LedgerRoute>::new()} />
                    <Route path=path!("/mall/orders") view={Lazy::<OrdersRoute>::new()} />
                    <Route path=path!("/mall/orders/:id") view={Lazy::<OrderRoute>::new()} />
                    <Route path=path!("/mall/charity/:id") view={Lazy::<DonateRoute>::new()} />
                    <Route path=path!("/mall/items/:id") view={Lazy::<ItemRoute>::new()} />
                    <Route path=path!("/community") view={Lazy::<CommunityRoute>::new()} />
                    <Route path=path!("/community/threads/:id") view={Lazy::<ThreadRoute>::new()} />
                    <Route path=path!("/community/new") view={Lazy::<NewThreadRoute>::new()} />
                    <Route path=path!("/community/moderation") view={Lazy::<ModerationRoute>::new()} />
                    <Route path=path!("/community/moderation/log") view={Lazy::<ModerationLogRoute>::new()} />
                    <Route path=path!("/feedback") view={Lazy::<FeedbackRoute>::new()} />
                    <Route path=path!("/feedback/new") view={Lazy::<NewTicketRoute>::new()} />
                    <Route path=path!("/feedback/queue") view={Lazy::<QueueRoute>::new()} />
                    <Route path=path!("/feedback/tickets/:id") view={Lazy::<TicketRoute>::new()} />
                    <Route path=path!("/feedback/surveys/:id") view={Lazy::<SurveyRoute>::new()} />
                    <Route path=path!("/feedback/surveys/:id/results") view={Lazy::<SurveyResultsRoute>::new()} />
                    <Route path=path!("/rate/:token") view={Lazy::<QuickRateRoute>::new()} />
                    <Route path=path!("/me") view={Lazy::<MeRoute>::new()} />
                    <Route path=path!("/me/family") view={Lazy::<FamilyRoute>::new()} />
                    <Route path=path!("/me/tier") view={Lazy::<TierRoute>::new()} />
                    <Route path=path!("/me/callback") view={Lazy::<CallbackRoute>::new()} />
                    <Route path=path!("/me/privacy") view={Lazy::<PrivacyRoute>::new()} />
                    <Route path=path!("/me/settings") view={Lazy::<SettingsRoute>::new()} />
                    <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} />
                    <Route path=path!("/care") view={Lazy::<InboxRoute>::new()} />
                    <Route path=path!("/care/preferences") view={Lazy::<PreferencesRoute>::new()} />
                    <Route path=path!("/care/report") view={Lazy::<ReportRoute>::new()} />
                    <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
    }
}
