//! The open surveys on the feedback page: each with how long it takes and how far the
//! subscriber got, to start, carry on or see that it is done.

use care_contract::surveys::{SurveyStatus, SurveySummary};
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use super::question::localized;
use crate::feedback::texts::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;

#[component]
pub fn SurveyCards(is_staff: bool) -> impl IntoView {
    let surveys = LocalResource::new(api::fetch_surveys);
    view! {
        <Loaded data=surveys skeleton=&[2] let:list>
            {(!list.surveys.is_empty()).then(|| view! {
                <section aria-labelledby="surveys-title">
                    <h2 class="section-title" id="surveys-title">{tr(|t| t.surveys_heading)}</h2>
                    <ul class="survey-cards">
                        {list.surveys.into_iter().map(|survey| view! { <SurveyCard survey is_staff /> }).collect_view()}
                    </ul>
                </section>
            })}
        </Loaded>
    }
}

#[component]
fn SurveyCard(survey: SurveySummary, is_staff: bool) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let SurveySummary {
        id,
        title,
        estimated_minutes,
        status,
        progress,
        ..
    } = survey;
    let href = format!("/feedback/surveys/{id}");
    view! {
        <li class="card survey-card">
            <h3 class="survey-card__title">{move || localized(&title, locale.get())}</h3>
            <div class="survey-card__meta">
                {move || match status {
                    SurveyStatus::NotStarted => t.get().survey_minutes(i64::from(estimated_minutes)),
                    SurveyStatus::InProgress => t.get().survey_progress(i64::from(progress.answered), i64::from(progress.total)),
                    SurveyStatus::Submitted => t.get().survey_done.to_owned(),
                }}
            </div>
            {match status {
                SurveyStatus::Submitted => view! {
                    <div class="survey-card__done"><Icon kind=IconKind::Check /><span>{tr(|t| t.survey_done_thanks)}</span></div>
                }.into_any(),
                _ => view! {
                    <A href=href attr:class="button button--primary button--block">
                        {move || if status == SurveyStatus::InProgress { t.get().survey_continue } else { t.get().survey_start }}
                    </A>
                }.into_any(),
            }}
            {is_staff.then(|| view! {
                <A href=format!("/feedback/surveys/{id}/results") attr:class="button button--secondary button--block">
                    {tr(|t| t.survey_results_link)}
                </A>
            })}
        </li>
    }
}
