//! The mall tab. Signed in: the points card and the daily check-in; signed out: a way to
//! sign in and come back here. Below, for everyone, the catalogue.

use leptos::prelude::*;

use super::api;
use super::catalogue::Catalogue;
use super::check_in::CheckInCard;
use super::points_card::PointsCard;
use crate::auth::{use_session, SessionState, SignInPrompt};
use crate::mall::texts::tr;
use crate::widgets::error_view::ErrorView;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::skeleton::SkeletonCard;

#[component]
pub fn MallPage() -> impl IntoView {
    set_page_meta(|t| t.tab_mall, None);
    let session = use_session();
    view! {
        <div class="page mall">
            {move || match session.state.get() {
                SessionState::Checking => view! { <SkeletonCard lines=4 /> }.into_any(),
                SessionState::SignedIn(_) => view! { <PointsSection /> }.into_any(),
                SessionState::SignedOut => view! {
                    <section class="card card--hero">
                        <h2 class="card__title"><Icon kind=IconKind::Gift />{tr(|t| t.mall_points_title)}</h2>
                        <SignInPrompt text=tr(|t| t.mall_sign_in_prompt) back="/mall" />
                    </section>
                }.into_any(),
                SessionState::Unknown(error) => view! { <ErrorView error on_retry=move |_| session.refresh() /> }.into_any(),
            }}
            <Catalogue />
        </div>
    }
}

/// Loads the summary; a check-in refreshes it so the balance and streak move at once.
#[component]
fn PointsSection() -> impl IntoView {
    let summary = LocalResource::new(api::fetch_summary);
    let check_in = Action::new_local(|_: &()| api::check_in());
    Effect::new(move |_| {
        if let Some(Ok(_)) = check_in.value().get() {
            summary.refetch();
        }
    });
    view! {
        <Loaded data=summary skeleton=&[4, 2] let:summary>
            <PointsCard summary=summary.clone() />
            <CheckInCard status=summary.check_in action=check_in />
        </Loaded>
    }
}
