//! 问卷: one question per screen with the way back and forward, progress along the path
//! the answers make (a skip shortens it at once), then a last screen that sends the
//! answers. Every answer is kept on the device as it is given and on the server at every
//! step forward, so a reload, a closed tab or another device resumes where it was.

use care_contract::surveys::{without_skipped, Answer, Answers, SurveyStatus, SurveyView};
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::api;
use super::flow::{
    may_go_on, next_step, position, previous_step, resume_step, starting_answers, Step, SurveyDraft,
};
use super::question::{localized, QuestionInput};
use super::words::problem_text;
use crate::auth::RequireSignIn;
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::feedback::texts::{tr, use_texts};
use crate::feedback::words::refusal_text;
use crate::lazy_pages::route_param;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

fn draft(id: i64) -> Draft {
    Draft::on_the_device(format!("care.survey.v1:{id}"))
}

/// Whether the answers so far are on the server too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saved {
    Nothing,
    Saving,
    OnServer,
    /// Only on this device for now (the server could not be reached); the next step tries
    /// again.
    OnDevice,
}

#[component]
pub fn SurveyPage() -> impl IntoView {
    set_page_meta(|t| t.survey_title, Some("/feedback"));
    let id = route_param("id")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    let survey = LocalResource::new(move || api::fetch_survey(id));
    view! {
        <div class="page survey-page">
            <RequireSignIn let:_signed_in>
                <Loaded data=survey skeleton=&[2, 5] not_found=SurveyNotFound let:view>
                    <SurveyFlow view />
                </Loaded>
            </RequireSignIn>
        </div>
    }
}

#[component]
fn SurveyNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Feedback /></div>
            <h2>{tr(|t| t.survey_not_found_title)}</h2>
            <p>{tr(|t| t.survey_not_found_body)}</p>
            <A href="/feedback" attr:class="button button--primary">{tr(|t| t.ticket_not_found_action)}</A>
        </section>
    }
}

#[component]
fn SurveyFlow(view: SurveyView) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let SurveyView {
        survey,
        response,
        status,
        ..
    } = view;
    let id = survey.id;
    let done = RwSignal::new(status == SurveyStatus::Submitted);
    let kept = draft(id).load_json::<SurveyDraft>();
    let answers = RwSignal::new(starting_answers(
        kept.as_ref(),
        response.as_ref().map(|r| &r.answers),
    ));
    let step = RwSignal::new(resume_step(
        &survey,
        &answers.get_untracked(),
        kept.as_ref().and_then(|k| k.step.as_ref()),
    ));
    let survey = StoredValue::new(survey);
    // Every answer and step is kept on the device at once.
    Effect::new(move |_| {
        if done.get() {
            return;
        }
        let kept = SurveyDraft {
            answers: answers.get(),
            step: Some(step.get()),
        };
        draft(id).save_json(&kept);
    });
    let saved = RwSignal::new(Saved::Nothing);
    let save_to_server = move || {
        saved.set(Saved::Saving);
        let now = answers.get_untracked();
        spawn_local(async move {
            let outcome = api::save_answers(id, now).await;
            let _ = saved.try_set(if outcome.is_ok() {
                Saved::OnServer
            } else {
                Saved::OnDevice
            });
        });
    };
    let problem = RwSignal::new(None::<&'static str>);
    let focus_heading = move || {
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(h) = document()
                .query_selector(".survey-question__text")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.set_attribute("tabindex", "-1");
                let _ = h.focus();
            }
        });
    };
    let go_on = move |_| {
        let Step::Question(qid) = step.get_untracked() else {
            return;
        };
        let verdict = survey.with_value(|s| {
            let question = s.question(&qid)?;
            Some(answers.with_untracked(|a| may_go_on(question, a.get(&qid))))
        });
        match verdict {
            Some(Err(found)) => problem.set(Some(problem_text(found, t.get_untracked()))),
            _ => {
                problem.set(None);
                save_to_server();
                step.set(survey.with_value(|s| answers.with_untracked(|a| next_step(s, a, &qid))));
                focus_heading();
            }
        }
    };
    let go_back = move |_| {
        problem.set(None);
        let before = survey
            .with_value(|s| answers.with_untracked(|a| previous_step(s, a, &step.get_untracked())));
        if let Some(before) = before {
            step.set(before);
            focus_heading();
        }
    };
    let on_answer = move |qid: String| {
        Callback::new(move |answer: Option<Answer>| {
            problem.set(None);
            answers.update(|a| match answer {
                Some(answer) => {
                    a.insert(qid.clone(), answer);
                }
                None => {
                    a.remove(&qid);
                }
            });
        })
    };
    let submit = Action::new_local(move |answers: &Answers| api::submit(id, answers.clone()));
    let sending = submit.pending();
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(_)) => {
            draft(id).clear();
            done.set(true);
        }
        Some(Err(error)) if error.code() == Some(ErrorCode::AnswerInvalid) => {
            // Back to the first question the server found wrong, saying why.
            let first = error
                .details()
                .and_then(|d| d.problems)
                .and_then(|p| p.into_iter().next());
            if let Some(first) = first {
                step.set(Step::Question(first.question_id));
                problem.set(Some(problem_text(first.problem, t.get_untracked())));
            }
        }
        _ => {}
    });
    let confirm = use_confirm_send();
    let send = move |_| {
        let final_answers =
            survey.with_value(|s| answers.with_untracked(|a| without_skipped(s, a)));
        confirm.ask(tr(|t| t.confirm_survey), move || {
            submit.dispatch(final_answers);
        });
    };
    let title = survey.with_value(|s| s.title.clone());
    let intro = survey.with_value(|s| s.intro.clone());

    view! {
        <Show when=move || !done.get() fallback=|| view! { <Thanks /> }>
            <section class="card survey" aria-labelledby="survey-title">
                <h2 class="card__title" id="survey-title">{
                    let title = title.clone();
                    move || localized(&title, locale.get())
                }</h2>
                {
                    let intro = intro.clone();
                    move || matches!(step.get(), Step::Question(ref q) if survey.with_value(|s| s.questions.first().is_some_and(|f| &f.id == q)))
                        .then(|| {
                            let intro = intro.clone();
                            view! {
                                <p class="survey__intro">{move || localized(&intro, locale.get())}</p>
                            }
                        })
                }
                {move || {
                    let (at, total) = match step.get() {
                        Step::Question(q) => survey.with_value(|s| answers.with(|a| position(s, a, &q))),
                        Step::Review => {
                            let total = survey.with_value(|s| answers.with(|a| position(s, a, "").1));
                            (total, total)
                        }
                    };
                    view! {
                        <div class="survey__progress">
                            <progress max=total.to_string() value=at.to_string()
                                aria-label=move || t.get().survey_position(at as i64, total as i64)></progress>
                            <span aria-hidden="true">{move || t.get().survey_position(at as i64, total as i64)}</span>
                        </div>
                    }
                }}
                {move || match step.get() {
                    Step::Question(qid) => {
                        let question = survey.with_value(|s| s.question(&qid).cloned());
                        question.map(|question| {
                            let answer = {
                                let qid = qid.clone();
                                Signal::derive(move || answers.with(|a| a.get(&qid).cloned()))
                            };
                            view! {
                                {question.block.clone().map(|block| view! {
                                    <p class="survey__block">{move || localized(&block.label, locale.get())}</p>
                                })}
                                <QuestionInput question answer on_answer=on_answer(qid.clone()) problem=problem />
                            }
                        }).into_any()
                    }
                    Step::Review => view! {
                        <div class="survey__review">
                            <h3 class="survey-question__text">{tr(|t| t.survey_review_heading)}</h3>
                            <p>{move || {
                                let answered = survey.with_value(|s| answers.with(|a| without_skipped(s, a).len()));
                                t.get().survey_review_body(answered as i64)
                            }}</p>
                            {move || match submit.value().get() {
                                Some(Err(error)) if error.code() != Some(ErrorCode::AnswerInvalid) => Some(view! {
                                    <p class="notice notice--error" role="alert">
                                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                                    </p>
                                }),
                                _ => None,
                            }}
                            <button type="button" class="button button--primary button--block" disabled=sending on:click=send>
                                {move || if sending.get() { t.get().survey_sending } else { t.get().survey_send }}
                            </button>
                        </div>
                    }.into_any(),
                }}
                <div class="button-row survey__nav">
                    <Show when=move || survey.with_value(|s| answers.with(|a| previous_step(s, a, &step.get()).is_some()))>
                        <button type="button" class="button button--secondary" on:click=go_back>{tr(|t| t.survey_back)}</button>
                    </Show>
                    <Show when=move || matches!(step.get(), Step::Question(_))>
                        <button type="button" class="button button--primary" on:click=go_on>{tr(|t| t.survey_next)}</button>
                    </Show>
                </div>
                <p class="survey__saved" role="status">
                    {move || match saved.get() {
                        Saved::Nothing => "",
                        Saved::Saving => t.get().survey_saving,
                        Saved::OnServer => t.get().survey_saved,
                        Saved::OnDevice => t.get().survey_saved_on_device,
                    }}
                </p>
            </section>
        </Show>
    }
}

#[component]
fn Thanks() -> impl IntoView {
    view! {
        <section class="card empty-state" role="status">
            <div class="empty-state__icon"><Icon kind=IconKind::Heart /></div>
            <h2>{tr(|t| t.survey_thanks_title)}</h2>
            <p>{tr(|t| t.survey_thanks_body)}</p>
            <A href="/feedback" attr:class="button button--primary">{tr(|t| t.ticket_not_found_action)}</A>
        </section>
    }
}
