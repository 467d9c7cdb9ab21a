//! 会员等级: the subscriber's star level (1-7), value score and band, how far to the next
//! level (a bar with its words, never colour alone) and what each level brings.

use care_contract::me::{TierLevel, TierStatus};
use leptos::prelude::*;

use super::api;
use super::texts::{tr, use_texts};
use super::words::{band_text, benefit_text, progress_percent, progress_text};
use crate::auth::RequireSignIn;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn TierPage() -> impl IntoView {
    set_page_meta(|t| t.tier_title, Some("/me"));
    view! {
        <div class="page tier">
            <RequireSignIn let:_signed_in>
                <TierLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn TierLoader() -> impl IntoView {
    let tier = LocalResource::new(api::fetch_tier);
    view! {
        <Loaded data=tier skeleton=&[3, 3, 5] let:tier>
            <TierView tier />
        </Loaded>
    }
}

#[component]
fn TierView(tier: TierStatus) -> impl IntoView {
    let t = use_texts();
    let stars = tier.star_level;
    let score = tier.value_score;
    let band = tier.band;
    let percent = progress_percent(&tier);
    let benefits = tier.benefits.clone();
    let levels = tier.levels.clone();
    let status = StoredValue::new(tier);
    let progress = move || status.with_value(|s| progress_text(s, t.get()));

    view! {
        <section class="card tier-summary" aria-labelledby="tier-level">
            <p class="tier-summary__stars" aria-hidden="true">
                {(1..=7).map(|n| view! {
                    <span class=if n <= stars { "tier-star tier-star--on" } else { "tier-star" }>{if n <= stars { "★" } else { "☆" }}</span>
                }).collect_view()}
            </p>
            <h2 class="tier-summary__level" id="tier-level">{move || t.get().tier_stars_label(i64::from(stars))}</h2>
            <ul class="tier-facts">
                <li class="tier-facts__score">{move || t.get().tier_score(i64::from(score))}</li>
                <li class="tier-facts__band">{move || band_text(band, t.get())}</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="tier-progress-title">
            <h2 class="card__title" id="tier-progress-title"><Icon kind=IconKind::Star />{tr(|t| t.tier_progress_title)}</h2>
            <div class="tier-progress" role="progressbar"
                aria-label=tr(|t| t.tier_progress_label)
                aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()
                aria-valuetext=progress>
                <div class="tier-progress__fill" style=format!("width: {percent}%")></div>
            </div>
            <p class="tier-progress__percent">{move || t.get().tier_progress_percent(i64::from(percent))}</p>
            <p class="tier-progress__text">{progress}</p>
            <p class="tier-note">{tr(|t| t.tier_recompute_note)}</p>
        </section>

        <section class="card" aria-labelledby="tier-mine-title">
            <h2 class="card__title" id="tier-mine-title"><Icon kind=IconKind::Gift />{tr(|t| t.tier_my_benefits)}</h2>
            <ul class="tier-benefits">
                {benefits.into_iter().map(|b| view! {
                    <li><Icon kind=IconKind::Check /><span>{move || benefit_text(b, t.get())}</span></li>
                }).collect_view()}
            </ul>
        </section>

        <section class="card" aria-labelledby="tier-ladder-title">
            <h2 class="card__title" id="tier-ladder-title"><Icon kind=IconKind::Star />{tr(|t| t.tier_ladder_title)}</h2>
            <ol class="tier-ladder">
                {levels.into_iter().rev().map(|level| view! { <LevelRow level current=stars /> }).collect_view()}
            </ol>
        </section>
    }
}

/// One level of the ladder, the subscriber's own marked in words.
#[component]
fn LevelRow(level: TierLevel, current: u8) -> impl IntoView {
    let t = use_texts();
    let here = level.star_level == current;
    let n = i64::from(level.star_level);
    let min = i64::from(level.min_score);
    let band = level.band;
    view! {
        <li class=if here { "tier-level tier-level--here" } else { "tier-level" }
            aria-current=here.then_some("true")>
            <h3 class="tier-level__name">
                {move || t.get().tier_level_name(n)}
                {here.then(|| view! { <span class="badge tier-level__here">{tr(|t| t.tier_you_are_here)}</span> })}
            </h3>
            <p class="tier-level__from">{move || t.get().tier_level_from(min)}" · "{move || band_text(band, t.get())}</p>
            <ul class="tier-level__benefits">
                {level.benefits.into_iter().map(|b| view! {
                    <li>{move || benefit_text(b, t.get())}</li>
                }).collect_view()}
            </ul>
        </li>
    }
}
