//! 问卷结果 (staff): how many answered, CSAT and NPS, then every question with its answers
//! as bars (SVG) and, for screen readers, the same numbers in a table; free text shows the
//! latest answers.

use care_contract::surveys::{QuestionKind, QuestionResults, QuestionTally, Survey, SurveyResults};
use leptos::prelude::*;

use super::api;
use super::bar_chart::{Bar, BarChart};
use super::question::localized;
use crate::auth::RequireSignIn;
use crate::feedback::rating_form::satisfaction_word;
use crate::feedback::texts::{tr, use_texts, Texts};
use crate::i18n::Locale;
use crate::lazy_pages::route_param;
use crate::prefs::use_prefs;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    set_page_meta(|t| t.survey_results_title, Some("/feedback"));
    let id = route_param("id")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    // The questions' words come with the survey; the numbers with the results.
    let data = LocalResource::new(move || async move {
        let (survey, results) = futures::join!(api::fetch_survey(id), api::fetch_results(id));
        Ok::<_, crate::api::ApiError>((survey?.survey, results?))
    });
    view! {
        <div class="page survey-results-page">
            <RequireSignIn let:_signed_in>
                <Loaded data skeleton=&[3, 5, 5] let:loaded>
                    <Results survey=loaded.0 results=loaded.1 />
                </Loaded>
            </RequireSignIn>
        </div>
    }
}

/// The bars of one question's answers, labelled in the user's language.
fn bars(kind: &QuestionKind, tally: &QuestionTally, locale: Locale, t: &'static Texts) -> Vec<Bar> {
    match (kind, tally) {
        (
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. },
            QuestionTally::Options { counts },
        ) => counts
            .iter()
            .map(|c| Bar {
                label: options
                    .iter()
                    .find(|o| o.id == c.option_id)
                    .map_or_else(|| c.option_id.clone(), |o| localized(&o.label, locale)),
                count: c.count,
            })
            .collect(),
        (QuestionKind::Ordinal { steps }, QuestionTally::Steps { counts }) => steps
            .iter()
            .zip(counts)
            .map(|(label, &count)| Bar {
                label: localized(label, locale),
                count,
            })
            .collect(),
        (QuestionKind::Rating, QuestionTally::Scores { counts }) => counts
            .iter()
            .map(|c| Bar {
                label: format!("{} · {}", c.score, satisfaction_word(c.score, t)),
                count: c.count,
            })
            .collect(),
        (_, QuestionTally::Scores { counts }) => counts
            .iter()
            .map(|c| Bar {
                label: c.score.to_string(),
                count: c.count,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[component]
fn Results(survey: Survey, results: SurveyResults) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let SurveyResults {
        respondents,
        in_progress,
        csat,
        nps,
        questions,
        ..
    } = results;
    let title = survey.title.clone();
    view! {
        <section class="card" aria-labelledby="results-title">
            <h2 class="card__title" id="results-title">{move || localized(&title, locale.get())}</h2>
            <dl class="results-headline">
                <div><dt>{tr(|t| t.results_respondents)}</dt><dd>{respondents}</dd></div>
                <div><dt>{tr(|t| t.results_in_progress)}</dt><dd>{in_progress}</dd></div>
                {csat.map(|c| view! {
                    <div><dt>{tr(|t| t.results_csat)}</dt><dd>{format!("{:.2}", c.average)}</dd>
                        <dd class="results-headline__note">{move || t.get().results_csat_note(c.count as i64, c.satisfied as i64)}</dd></div>
                })}
                {nps.map(|n| view! {
                    <div><dt>{tr(|t| t.results_nps)}</dt><dd>{n.score}</dd>
                        <dd class="results-headline__note">{move || t.get().results_nps_note(n.detractors as i64, n.passives as i64, n.promoters as i64)}</dd></div>
                })}
            </dl>
        </section>
        {questions.into_iter().filter_map(|q| {
            let question = survey.question(&q.question_id)?.clone();
            Some(view! { <QuestionResult question=question.kind.clone() text=question.text.clone() result=q /> })
        }).collect_view()}
    }
}

#[component]
fn QuestionResult(
    question: QuestionKind,
    text: care_contract::surveys::LocalizedText,
    result: QuestionResults,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let heading = text.clone();
    view! {
        <section class="card question-result">
            <h3 class="question-result__text">{move || localized(&heading, locale.get())}</h3>
            <p class="field__hint">{move || t.get().results_answered(result.answered as i64)}</p>
            {move || match &result.tally {
                QuestionTally::Texts { latest } => view! {
                    <ul class="results-texts">
                        {latest.iter().map(|text| view! { <li>{text.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                tally => view! {
                    <BarChart bars=bars(&question, tally, locale.get(), t.get())
                        caption=localized(&text, locale.get())
                        answer_header=t.get().results_answer_column count_header=t.get().results_count_column />
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::texts::of;
    use care_contract::surveys::{ChoiceOption, LocalizedText, OptionCount, ScoreCount};

    #[test]
    fn bars_are_labelled_in_the_users_language_in_the_questions_order() {
        let kind = QuestionKind::SingleChoice {
            options: vec![
                ChoiceOption {
                    id: "ours".into(),
                    label: LocalizedText::new("本网", "Ours"),
                    skip_to: None,
                },
                ChoiceOption {
                    id: "other".into(),
                    label: LocalizedText::new("其他", "Another"),
                    skip_to: None,
                },
            ],
        };
        let tally = QuestionTally::Options {
            counts: vec![
                OptionCount {
                    option_id: "ours".into(),
                    count: 7,
                },
                OptionCount {
                    option_id: "other".into(),
                    count: 2,
                },
            ],
        };
        let en = bars(&kind, &tally, Locale::En, of(Locale::En));
        assert_eq!(
            en.iter()
                .map(|b| (b.label.as_str(), b.count))
                .collect::<Vec<_>>(),
            [("Ours", 7), ("Another", 2)]
        );
        let rating = QuestionTally::Scores {
            counts: vec![ScoreCount { score: 5, count: 3 }],
        };
        let zh = bars(
            &QuestionKind::Rating,
            &rating,
            Locale::ZhCn,
            of(Locale::ZhCn),
        );
        assert_eq!(zh[0].label, "5 · 很满意");
    }
}
