use care_contract::profile::Profile;
use leptos::prelude::*;
use leptos_router::components::A;

use super::FamilyCallButtons;
use crate::api;
use crate::auth::{use_session, RequireSignIn};
use crate::i18n::dates::format_date;
use crate::me::texts::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::toast::use_toasts;

#[component]
pub fn MePage() -> impl IntoView {
    set_page_meta(|t| t.me_title, None);
    view! {
        <div class="page me">
            <RequireSignIn let:_signed_in>
                <ProfileLoader />
            </RequireSignIn>
        </div>
    }
}

/// Loads the full profile from `/api/me`.
#[component]
fn ProfileLoader() -> impl IntoView {
    let profile = LocalResource::new(api::profile::fetch_profile);
    view! { <Loaded data=profile let:profile><ProfileView profile /></Loaded> }
}

#[component]
fn ProfileView(profile: Profile) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let session = use_session();
    let toasts = use_toasts();
    // On success the session turns signed-out and RequireSignIn takes the user home.
    let sign_out = Action::new_local(move |_: &()| async move {
        let result = session.sign_out().await;
        if result.is_ok() {
            toasts.show(|t| t.signed_out);
        }
        result
    });
    let stars = i64::from(profile.star_level);
    let joined = profile.joined_on;
    let contacts = profile.family_contacts.clone();
    let has_contacts = !contacts.is_empty();

    view! {
        <section class="card profile" aria-labelledby="profile-name">
            <div class="profile__avatar" aria-hidden="true"><Icon kind=IconKind::User /></div>
            <div class="profile__text">
                <h2 class="profile__name" id="profile-name">
                    {profile.nickname.clone()}
                    {profile.is_staff.then(|| view! { <span class="badge">{tr(|t| t.staff_badge)}</span> })}
                </h2>
                <ul class="profile__facts">
                    <li class="profile__phone">
                        <span class="visually-hidden">{tr(|t| t.phone_number)}</span>
                        {profile.phone_masked.clone()}
                    </li>
                    <li class="profile__meta">
                        <Icon kind=IconKind::Star />
                        <A href="/me/tier" attr:class="profile__tier-link" attr:aria-describedby="profile-tier-more">
                            {move || t.get().star_level(stars)}
                        </A>
                        <span class="visually-hidden" id="profile-tier-more">{tr(|t| t.tier_link)}</span>
                    </li>
                    <li class="profile__meta">
                        <Icon kind=IconKind::Clock />
                        {move || t.get().joined_on(&format_date(joined, prefs.with(|p| p.locale)))}
                    </li>
                </ul>
            </div>
        </section>

        <section class="card" aria-labelledby="family-title">
            <h2 class="card__title" id="family-title"><Icon kind=IconKind::Heart />{tr(|t| t.family_contacts_title)}</h2>
            {if has_contacts {
                view! { <div class="stack"><FamilyCallButtons contacts /></div> }.into_any()
            } else {
                view! { <p>{tr(|t| t.family_contacts_empty)}</p> }.into_any()
            }}
            <A href="/me/family" attr:class="button button--secondary button--block">
                <Icon kind=IconKind::Heart />{tr(|t| t.family_manage)}
            </A>
        </section>

        <nav class="card list-card" aria-label=tr(|t| t.settings)>
            <A href="/care" attr:class="list-link">
                <Icon kind=IconKind::Heart />
                <span>{tr(|t| t.care_title)}</span>
            </A>
            <A href="/care/preferences" attr:class="list-link">
                <Icon kind=IconKind::Clock />
                <span>{tr(|t| t.care_preferences_title)}</span>
            </A>
            <A href="/care/report" attr:class="list-link">
                <Icon kind=IconKind::Star />
                <span>{tr(|t| t.care_report_title)}</span>
            </A>
            <A href="/me/settings" attr:class="list-link">
                <Icon kind=IconKind::Settings />
                <span>{tr(|t| t.settings)}</span>
            </A>
            <A href="/me/callback" attr:class="list-link">
                <Icon kind=IconKind::Phone />
                <span>{tr(|t| t.callback_link)}</span>
            </A>
            <A href="/me/privacy" attr:class="list-link">
                <Icon kind=IconKind::User />
                <span>{tr(|t| t.privacy_link)}</span>
            </A>
            <A href="/search" attr:class="list-link">
                <Icon kind=IconKind::Search />
                <span>{tr(|t| t.search)}</span>
            </A>
        </nav>

        {move || sign_out.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorNotice error /> })}
        <button
            type="button"
            class="button button--secondary button--block"
            disabled=move || sign_out.pending().get()
            on:click=move |_| { sign_out.dispatch(()); }
        >
            {move || if sign_out.pending().get() { t.get().signing_out } else { t.get().sign_out }}
        </button>
    }
}
