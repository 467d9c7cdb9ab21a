//! Rating a resolved ticket: satisfaction 1–5, would-recommend 0–10, solved or not, and a
//! free word. A rating of 2 or less, or "not solved", reopens the ticket as a follow-up
//! (the contract's `rating_outcome`); the form says so before it is sent.

use care_contract::feedback::{
    rating_outcome, RatingOutcome, RatingRequest, TicketDetail, TicketRating, COMMENT_MAX_CHARS,
    RECOMMEND_MAX, SATISFACTION_MAX, SATISFACTION_MIN,
};
use leptos::prelude::*;

use super::api;
use super::texts::{tr, use_texts, Texts};
use super::words::refusal_text;
use crate::elder::use_confirm_send;
use crate::widgets::choice_group::ChoiceGroup;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;

pub fn satisfaction_word(score: u8, t: &'static Texts) -> &'static str {
    match score {
        1 => t.satisfaction_1,
        2 => t.satisfaction_2,
        3 => t.satisfaction_3,
        4 => t.satisfaction_4,
        _ => t.satisfaction_5,
    }
}

#[component]
pub fn RatingForm(ticket_id: i64, #[prop(into)] on_rated: Callback<TicketDetail>) -> impl IntoView {
    let t = use_texts();
    let satisfaction = RwSignal::new(None::<u8>);
    let recommend = RwSignal::new(None::<u8>);
    let solved = RwSignal::new(None::<bool>);
    let comment = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let send =
        Action::new_local(move |request: &RatingRequest| api::rate(ticket_id, request.clone()));
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(detail)) = send.value().get() {
            on_rated.run(detail);
        }
    });
    let comment_problem = move || {
        comment.with(|c| {
            (!c.trim().is_empty())
                .then(|| check_length(c, 1, COMMENT_MAX_CHARS).err())
                .flatten()
        })
    };
    let missing =
        move || satisfaction.get().is_none() || recommend.get().is_none() || solved.get().is_none();
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if missing() || comment_problem().is_some() {
            return;
        }
        let (Some(satisfaction), Some(recommend), Some(solved)) = (
            satisfaction.get_untracked(),
            recommend.get_untracked(),
            solved.get_untracked(),
        ) else {
            return;
        };
        let comment = comment.get_untracked();
        let request = RatingRequest {
            satisfaction,
            recommend,
            solved,
            comment: (!comment.trim().is_empty()).then(|| comment.trim().to_owned()),
        };
        confirm.ask(tr(|t| t.confirm_rating), move || {
            send.dispatch(request);
        });
    };
    let reopens = move || {
        matches!(
            (satisfaction.get(), solved.get()),
            (Some(s), Some(solved)) if rating_outcome(s, solved) == RatingOutcome::FollowUp
        )
    };
    let scores = (SATISFACTION_MIN..=SATISFACTION_MAX)
        .map(|s| {
            (
                Some(s),
                Signal::derive(move || satisfaction_word(s, t.get())),
            )
        })
        .collect::<Vec<_>>();
    view! {
        <form class="card form rating-form" novalidate on:submit=on_submit aria-labelledby="rating-title">
            <h2 class="card__title" id="rating-title"><Icon kind=IconKind::Star />{tr(|t| t.rating_heading)}</h2>
            <ChoiceGroup name="rating-satisfaction" legend=tr(|t| t.satisfaction_legend) options=scores
                selected=satisfaction on_change={move |s: Option<u8>| satisfaction.set(s)} />
            <fieldset class="choice-group score-scale">
                <legend class="choice-group__legend">{tr(|t| t.recommend_legend)}</legend>
                <div class="score-scale__options">
                    {(0..=RECOMMEND_MAX).map(|score| view! {
                        <label class="choice choice--score">
                            <input type="radio" name="rating-recommend" prop:checked=move || recommend.get() == Some(score)
                                on:change=move |_| recommend.set(Some(score)) />
                            <span class="choice__label">{score}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p class="score-scale__ends" aria-hidden="true">
                    <span>{tr(|t| t.recommend_low)}</span><span>{tr(|t| t.recommend_high)}</span>
                </p>
            </fieldset>
            <ChoiceGroup name="rating-solved" legend=tr(|t| t.solved_legend)
                options=vec![(Some(true), tr(|t| t.solved_yes)), (Some(false), tr(|t| t.solved_no))]
                selected=solved on_change={move |s: Option<bool>| solved.set(s)} />
            <LengthField id="rating-comment" label=tr(|t| t.comment_field) max=COMMENT_MAX_CHARS rows=3
                value=comment.into() problem=Signal::derive(move || if tried.get() { comment_problem() } else { None })
                readonly=pending on_input=move |v: String| comment.set(v) />
            <Show when=reopens>
                <p class="notice notice--care"><Icon kind=IconKind::Alert /><span>{tr(|t| t.rating_reopens_note)}</span></p>
            </Show>
            <p class="field__error" aria-live="polite">
                {move || (tried.get() && missing()).then(|| view! { <Icon kind=IconKind::Alert /><span>{tr(|t| t.rating_missing)}</span> })}
            </p>
            {move || match send.value().get() {
                Some(Err(error)) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
            <button type="submit" class="button button--primary button--block" disabled=pending>
                {move || if pending.get() { t.get().rating_sending } else { t.get().rating_send }}
            </button>
        </form>
    }
}

/// A rating already given, in words.
#[component]
pub fn RatingSummary(rating: TicketRating) -> impl IntoView {
    let t = use_texts();
    let TicketRating {
        satisfaction,
        recommend,
        solved,
        comment,
        outcome,
        ..
    } = rating;
    view! {
        <section class="card" aria-labelledby="rating-summary-title">
            <h2 class="card__title" id="rating-summary-title"><Icon kind=IconKind::Star />{tr(|t| t.rating_given_heading)}</h2>
            {satisfaction.map(|s| view! { <p>{move || t.get().rating_satisfaction_given(i64::from(s), satisfaction_word(s, t.get()))}</p> })}
            {recommend.map(|r| view! { <p>{move || t.get().rating_recommend_given(i64::from(r))}</p> })}
            {solved.map(|s| view! { <p>{move || if s { t.get().solved_yes } else { t.get().solved_no }}</p> })}
            {satisfaction.is_none().then(|| view! {
                <p>{move || if outcome == RatingOutcome::Closed { t.get().quick_satisfied } else { t.get().quick_unsatisfied }}</p>
            })}
            {comment.map(|c| view! { <blockquote class="rating-comment">{c}</blockquote> })}
            {(outcome == RatingOutcome::FollowUp).then(|| view! {
                <p class="notice notice--care"><Icon kind=IconKind::Clock /><span>{tr(|t| t.rating_follow_up_note)}</span></p>
            })}
        </section>
    }
}
