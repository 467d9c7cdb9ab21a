//! One survey question as a form control, whatever its kind: native radios and check
//! boxes in a fieldset whose legend is the question (so keyboards and screen readers know
//! them), large tiles to tap, and a text area with its count for free text.

use care_contract::surveys::{
    Answer, ChoiceOption, LocalizedText, Question, QuestionKind, NPS_MAX, RATING_MAX, RATING_MIN,
};
use leptos::prelude::*;

use crate::feedback::rating_form::satisfaction_word;
use crate::feedback::texts::{tr, use_texts};
use crate::i18n::Locale;
use crate::prefs::use_prefs;

/// A survey text in the user's language.
pub fn localized(text: &LocalizedText, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => text.zh_cn.clone(),
        Locale::En => text.en.clone(),
    }
}

/// The options ticked in a multiple choice after ticking or unticking `id`, in the order
/// the question lists them.
pub fn toggled(options: &[ChoiceOption], chosen: &[String], id: &str, on: bool) -> Vec<String> {
    options
        .iter()
        .map(|o| &o.id)
        .filter(|o| if *o == id { on } else { chosen.contains(o) })
        .cloned()
        .collect()
}

#[component]
pub fn QuestionInput(
    question: Question,
    /// The answer so far.
    answer: Signal<Option<Answer>>,
    /// A new answer, or none to clear it (an emptied text, every box unticked).
    #[prop(into)]
    on_answer: Callback<Option<Answer>>,
    /// Why the subscriber cannot go on yet, shown beside the question.
    #[prop(into)]
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let name = format!("survey-{}", question.id);
    let legend_text = question.text.clone();
    let legend = move || localized(&legend_text, locale.get());
    let error_id = format!("{name}-error");
    let error = {
        let error_id = error_id.clone();
        move || {
            view! {
                <p class="field__error" id=error_id.clone() aria-live="polite">
                    {move || problem.get()}
                </p>
            }
        }
    };
    let radio = move |name: String, value: Answer, label: Signal<String>| {
        let chosen = value.clone();
        view! {
            <label class="choice">
                <input type="radio" name=name prop:checked=move || answer.get().as_ref() == Some(&chosen)
                    on:change=move |_| on_answer.run(Some(value.clone())) />
                <span class="choice__label">{label}</span>
            </label>
        }
    };
    let body = match question.kind.clone() {
        QuestionKind::SingleChoice { options } => options
            .into_iter()
            .map(|o| {
                let label = o.label.clone();
                radio(name.clone(), Answer::Choice(o.id), Signal::derive(move || localized(&label, locale.get())))
            })
            .collect_view()
            .into_any(),
        QuestionKind::Ordinal { steps } => steps
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                radio(name.clone(), Answer::Step(i as u8), Signal::derive(move || localized(&label, locale.get())))
            })
            .collect_view()
            .into_any(),
        QuestionKind::Rating => (RATING_MIN..=RATING_MAX)
            .map(|score| {
                radio(
                    name.clone(),
                    Answer::Rating(score),
                    Signal::derive(move || format!("{score} · {}", satisfaction_word(score, t.get()))),
                )
            })
            .collect_view()
            .into_any(),
        QuestionKind::Nps => view! {
            <div class="score-scale__options">
                {(0..=NPS_MAX).map(|score| {
                    let chosen = Answer::Nps(score);
                    view! {
                        <label class="choice choice--score">
                            <input type="radio" name=name.clone() prop:checked=move || answer.get().as_ref() == Some(&chosen)
                                on:change=move |_| on_answer.run(Some(Answer::Nps(score))) />
                            <span class="choice__label">{score}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="score-scale__ends" aria-hidden="true">
                <span>{tr(|t| t.recommend_low)}</span><span>{tr(|t| t.recommend_high)}</span>
            </p>
        }
        .into_any(),
        QuestionKind::MultipleChoice { options, .. } => {
            let all = options.clone();
            options
                .into_iter()
                .map(|o| {
                    let id = o.id.clone();
                    let checked_id = o.id.clone();
                    let all = all.clone();
                    let label = o.label.clone();
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=name.clone()
                                prop:checked=move || matches!(answer.get(), Some(Answer::Choices(c)) if c.contains(&checked_id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let chosen = match answer.get_untracked() { Some(Answer::Choices(c)) => c, _ => Vec::new() };
                                    let next = toggled(&all, &chosen, &id, on);
                                    on_answer.run((!next.is_empty()).then_some(Answer::Choices(next)));
                                } />
                            <span class="choice__label">{move || localized(&label, locale.get())}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::FreeText { max_chars } => {
            let id = name.clone();
            let text = move || match answer.get() {
                Some(Answer::Text(text)) => text,
                _ => String::new(),
            };
            let count = move || text().trim().chars().count();
            return view! {
                <div class="field survey-question">
                    <label for=id.clone() class="survey-question__text">{legend}</label>
                    {(!question.required).then(|| view! { <p class="field__hint">{tr(|t| t.survey_optional)}</p> })}
                    <textarea id=id rows="5" aria-describedby=error_id.clone() aria-invalid=move || problem.get().is_some().to_string()
                        prop:value=text
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            on_answer.run((!value.trim().is_empty()).then_some(Answer::Text(value)));
                        }></textarea>
                    <div class="field__count">{move || format!("{}/{max_chars}", count())}</div>
                    {error()}
                </div>
            }
            .into_any();
        }
    };
    view! {
        <fieldset class="choice-group survey-question" aria-describedby=error_id.clone()
            aria-invalid=move || problem.get().is_some().to_string()>
            <legend class="choice-group__legend survey-question__text">{legend}</legend>
            {(!question.required).then(|| view! { <p class="field__hint">{tr(|t| t.survey_optional)}</p> })}
            <div class="survey-question__options">{body}</div>
            {error()}
        </fieldset>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_keeps_the_questions_order_and_unticking_removes() {
        let options: Vec<ChoiceOption> = ["a", "b", "c"]
            .iter()
            .map(|id| ChoiceOption {
                id: (*id).into(),
                label: LocalizedText::new(*id, *id),
                skip_to: None,
            })
            .collect();
        let chosen = vec!["c".to_owned()];
        assert_eq!(toggled(&options, &chosen, "a", true), ["a", "c"]);
        assert_eq!(toggled(&options, &chosen, "c", false), Vec::<String>::new());
        assert_eq!(
            toggled(&options, &["a".into(), "b".into()], "b", false),
            ["a"]
        );
    }
}
