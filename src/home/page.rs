use leptos::prelude::*;
use leptos_router::components::A;

use super::greeting::greeting;
use crate::auth::{probably_signed_in, use_session, SessionState, SignInPrompt};
use crate::i18n::{tr, use_texts, TextKey};
use crate::layout::ElderSwitch;
use crate::me::FamilyCallButtons;
use crate::prefs::use_prefs;
use crate::server_info::HotlineButton;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_title::set_page_meta;

struct Shortcut {
    href: &'static str,
    icon: IconKind,
    title: TextKey,
    description: TextKey,
}

const SHORTCUTS: [Shortcut; 4] = [
    Shortcut {
        href: "/mall",
        icon: IconKind::Gift,
        title: |t| t.tab_mall,
        description: |t| t.shortcut_mall_desc,
    },
    Shortcut {
        href: "/community",
        icon: IconKind::Chat,
        title: |t| t.tab_community,
        description: |t| t.shortcut_community_desc,
    },
    Shortcut {
        href: "/feedback",
        icon: IconKind::Feedback,
        title: |t| t.tab_feedback,
        description: |t| t.shortcut_feedback_desc,
    },
    Shortcut {
        href: "/me",
        icon: IconKind::User,
        title: |t| t.tab_me,
        description: |t| t.shortcut_me_desc,
    },
];

#[component]
pub fn HomePage() -> impl IntoView {
    set_page_meta(|t| t.home_title, None);
    let t = use_texts();
    let session = use_session();
    let prefs = use_prefs();
    let hour = js_sys::Date::new_0().get_hours();
    let greeting = move || match session.state.get() {
        SessionState::SignedIn(profile) => greeting(hour)(t.get(), &profile.nickname),
        _ => t.get().greeting_guest.to_owned(),
    };
    // While the session check runs, the sign-in prompt keeps its room (invisible), so
    // the page does not jump when the answer comes.
    let show_prompt = move || !matches!(session.state.get(), SessionState::SignedIn(_));
    let prompt_pending = move || matches!(session.state.get(), SessionState::Checking);
    // Who is signed in: the summary is made anew for another subscriber, not for a change
    // to the same one's profile.
    let signed_in_as = Memo::new(move |_| session.profile().map(|p| p.id));
    let reserve_summary = move || match session.state.get() {
        SessionState::SignedIn(_) => true,
        SessionState::Checking => probably_signed_in(),
        _ => false,
    };

    let elder = move || prefs.with(|p| p.elder_mode);

    view! {
        <div class="page home" class:home--elder=elder>
            // Looks like a search field and opens the search page: typing there finds any
            // feature or setting (长辈版, 积分, 投诉), and its code loads only then.
            <Show when=move || !elder()>
                <A href="/search" attr:class="search-link">
                    <Icon kind=IconKind::Search />
                    <span>{tr(|t| t.search)}</span>
                </A>
            </Show>
            <section class="card card--hero">
                <h2 class="card__title"><Icon kind=IconKind::Heart />{greeting}</h2>
                <p>{tr(|t| t.home_intro)}</p>
                <Show when=show_prompt>
                    <div class="sign-in-prompt" class:is-pending=prompt_pending aria-hidden=move || prompt_pending().then_some("true")>
                        <SignInPrompt text=tr(|t| t.home_sign_in_prompt) back="/" />
                    </div>
                </Show>
            </section>

            // Elder mode: six large tiles instead of the cards below (src/home/elder_home.rs).
            // Their code comes with elder mode's group (lazy_pages::elder_tiles); their room
            // is kept meanwhile.
            <Show when=elder>
                <div class="elder-tiles-slot">{Suspend::new(crate::lazy_pages::elder_tiles())}</div>
            </Show>

            // Today's moments, points, tickets and messages: their code comes with the
            // "me" group (lazy_pages::home_summary), not the first load.
            // Its room (home.css: about one summary card) is kept while it comes, so the cards
            // below do not jump down; index.html preloads the group when this browser was
            // signed in (the hint in localStorage).

            <div class="home-day" class:home-day--reserved=reserve_summary>
                {move || signed_in_as.get().map(|_| Suspend::new(crate::lazy_pages::home_summary()))}
            </div>

            <Show when=move || !elder()>
                <StandardCards />
            </Show>
        </div>
    }
}

/// The standard home's cards: the elder-mode offer, one tap to a person, and the way to
/// every service.
#[component]
fn StandardCards() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let prefs = use_prefs();
    view! {
            <section class="card card--care" aria-labelledby="home-elder-title">
                <h2 class="card__title" id="home-elder-title">
                    <Icon kind=IconKind::TextSize />
                    {move || if prefs.with(|p| p.elder_mode) { t.get().elder_card_on } else { t.get().elder_card_title }}
                </h2>
                <p>{tr(|t| t.elder_card_body)}</p>
                <ElderSwitch large=true />
            </section>

            <section class="card" aria-labelledby="home-help-title">
                <h2 class="card__title" id="home-help-title"><Icon kind=IconKind::Phone />{tr(|t| t.help_title)}</h2>
                <div class="stack">
                    <HotlineButton />
                    {move || session.profile().map(|p| view! { <FamilyCallButtons contacts=p.family_contacts /> })}
                </div>
            </section>

            <section aria-labelledby="home-shortcuts-title">
                <h2 class="section-title" id="home-shortcuts-title">{tr(|t| t.shortcuts_title)}</h2>
                <ul class="shortcuts">
                    {SHORTCUTS.iter().map(|s| {
                        let (title, description) = (s.title, s.description);
                        view! {
                            <li>
                                <A href=s.href attr:class="shortcut">
                                    <span class="shortcut__icon"><Icon kind=s.icon /></span>
                                    <span class="shortcut__text">
                                        <span class="shortcut__title">{move || title(t.get())}</span>
                                        <span class="shortcut__desc">{move || description(t.get())}</span>
                                    </span>
                                </A>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
    }
}
