//! 服务评价, the one-tap quick rating a text message links to (`/rate/<token>`): no
//! sign-in, nothing about the ticket or the subscriber, just "light it up if satisfied,
//! leave a word if not". The link rates once.

use care_contract::feedback::{
    QuickRatingRequest, QuickRatingState, QuickRatingStatus, COMMENT_MAX_CHARS,
};
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::lazy_pages::route_param;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn QuickRatePage() -> impl IntoView {
    set_page_meta(|t| t.rate_title, None);
    let token = route_param("token").unwrap_or_default();
    let status = {
        let token = token.clone();
        LocalResource::new(move || {
            let token = token.clone();
            async move {
                // A mistyped link (not a token's shape) is a link that does not work, like
                // an unknown one.
                api::fetch_quick_rating(token).await.map_err(|error| {
                    if error.code() == Some(ErrorCode::BadRequest) {
                        ApiError::not_found()
                    } else {
                        error
                    }
                })
            }
        })
    };
    view! {
        <div class="page quick-rate-page">
            <Loaded data=status skeleton=&[3] not_found=LinkNotFound let:status>
                <QuickRate token=token.clone() status />
            </Loaded>
        </div>
    }
}

#[component]
fn LinkNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Alert /></div>
            <h2>{tr(|t| t.quick_not_found_title)}</h2>
            <p>{tr(|t| t.quick_not_found_body)}</p>
            <A href="/" attr:class="button button--primary">{tr(|t| t.quick_home)}</A>
        </section>
    }
}

#[component]
fn QuickRate(token: String, status: QuickRatingStatus) -> impl IntoView {
    let t = use_texts();
    let state = RwSignal::new(status.status);
    let unhappy = RwSignal::new(false);
    let comment = RwSignal::new(String::new());
    let thanked = RwSignal::new(None::<bool>);
    let send = Action::new_local(move |request: &QuickRatingRequest| {
        api::quick_rate(token.clone(), request.clone())
    });
    let pending = send.pending();
    Effect::new(move |_| match send.value().get() {
        Some(Ok(_)) => state.set(QuickRatingState::AlreadyRated),
        // Rated from another tap or device meanwhile: say so, without thanks for this one.
        Some(Err(error)) if error.code() == Some(ErrorCode::AlreadyRated) => {
            thanked.set(None);
            state.set(QuickRatingState::AlreadyRated);
        }
        _ => {}
    });
    let comment_problem = move || {
        comment.with(|c| {
            (!c.trim().is_empty())
                .then(|| check_length(c, 1, COMMENT_MAX_CHARS).err())
                .flatten()
        })
    };
    let rate = move |satisfied: bool| {
        if comment_problem().is_some() {
            return;
        }
        let words = comment.get_untracked();
        thanked.set(Some(satisfied));
        send.dispatch(QuickRatingRequest {
            satisfied,
            comment: (!words.trim().is_empty()).then(|| words.trim().to_owned()),
        });
    };
    view! {
        <section class="card quick-rate" aria-labelledby="quick-rate-title">
            {move || match (state.get(), thanked.get()) {
                (QuickRatingState::AlreadyRated, Some(satisfied)) => view! {
                    <div class="empty-state" role="status">
                        <div class="empty-state__icon"><Icon kind=IconKind::Heart /></div>
                        <h2 id="quick-rate-title">{tr(|t| t.quick_thanks)}</h2>
                        <p>{move || if satisfied { t.get().quick_thanks_satisfied } else { t.get().quick_thanks_unsatisfied }}</p>
                    </div>
                }.into_any(),
                (QuickRatingState::AlreadyRated, None) => view! {
                    <div class="empty-state">
                        <div class="empty-state__icon"><Icon kind=IconKind::Check /></div>
                        <h2 id="quick-rate-title">{tr(|t| t.quick_used_title)}</h2>
                        <p>{tr(|t| t.quick_used_body)}</p>
                    </div>
                }.into_any(),
                (QuickRatingState::Open, _) => view! {
                    <h2 class="card__title" id="quick-rate-title">{tr(|t| t.quick_question)}</h2>
                    <button type="button" class="button button--primary button--block light-up" disabled=pending
                        on:click=move |_| rate(true)>
                        <Icon kind=IconKind::Star /><span>{tr(|t| t.quick_light_up)}</span>
                    </button>
                    <Show when=move || unhappy.get() fallback=move || view! {
                        <button type="button" class="button button--secondary button--block" disabled=pending
                            on:click=move |_| unhappy.set(true)>
                            {tr(|t| t.quick_not_satisfied)}
                        </button>
                    }>
                        <LengthField id="quick-comment" label=tr(|t| t.quick_comment_field) max=COMMENT_MAX_CHARS rows=3
                            value=comment.into() problem=Signal::derive(comment_problem) readonly=pending
                            on_input=move |v: String| comment.set(v) />
                        <button type="button" class="button button--secondary button--block" disabled=pending
                            on:click=move |_| rate(false)>
                            {tr(|t| t.quick_send_unsatisfied)}
                        </button>
                    </Show>
                    {move || match send.value().get() {
                        Some(Err(error)) => Some(view! {
                            <p class="notice notice--error" role="alert">
                                <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                            </p>
                        }),
                        _ => None,
                    }}
                }.into_any(),
            }}
        </section>
    }
}
