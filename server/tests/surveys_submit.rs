//! Submitting a survey over real HTTP: skip logic (another operator skips the operator
//! block; answers to it are dropped), required questions on the path, once only (the same
//! answers again are a replay, others 409), nothing saved after.

mod common;
mod community_support;

use care_contract::surveys::*;
use common::*;
use community_support::*;
use serde_json::{json, Map, Value};

const CARE: i64 = 1;
const PULSE: i64 = 2;

fn submit_path(id: i64) -> String {
    format!("/api/surveys/{id}/submit")
}

fn choice(id: &str) -> Value {
    json!({ "type": "choice", "value": id })
}

fn step(i: u8) -> Value {
    json!({ "type": "step", "value": i })
}

/// Answers to the care survey for our operator: every block item, step `i % 4`.
fn ours() -> Map<String, Value> {
    let mut answers = Map::new();
    answers.insert("q1".into(), choice("ours"));
    for i in 2..=11u8 {
        answers.insert(format!("q{i}"), step(i % 4));
    }
    answers
}

async fn submit(member: &Member, id: i64, answers: Value) -> reqwest::Response {
    member
        .post(&submit_path(id), json!({ "answers": answers }))
        .await
}

async fn problems(response: reqwest::Response) -> Vec<(String, AnswerProblem)> {
    let error = expect_error(response, 422, "answer_invalid").await;
    error
        .details
        .and_then(|d| d.problems)
        .expect("details.problems")
        .into_iter()
        .map(|p| (p.question_id, p.problem))
        .collect()
}

#[tokio::test]
async fn another_operator_submits_without_the_operator_block() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let done: SubmitReceipt = decode(
        submit(
            &me,
            CARE,
            json!({ "q1": choice("other"), "q13": { "type": "text", "value": " 想要更便宜的套餐 " } }),
        )
        .await,
        200,
    )
    .await;
    assert!(!done.replayed);
    assert_eq!(done.response.state, ResponseState::Submitted);
    assert_eq!(done.response.submitted_at, Some(t0()));
    assert_eq!(done.response.answers.len(), 2);
    assert_eq!(
        done.response.answers["q13"],
        Answer::Text("想要更便宜的套餐".into())
    );
    let view: SurveyView = me.fetch(&format!("/api/surveys/{CARE}")).await;
    assert_eq!(view.status, SurveyStatus::Submitted);
    assert_eq!(
        view.progress,
        Progress {
            answered: 2,
            total: 3
        }
    );
    assert_eq!(view.response, Some(done.response));
}

#[tokio::test]
async fn answers_to_the_skipped_block_may_be_saved_but_are_dropped_at_submission() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    // Started as our customer, then went back and chose another operator.
    let mut answers = ours();
    answers.insert("q1".into(), choice("other"));
    let saved: SurveyResponse = decode(
        me.put(
            &format!("/api/surveys/{CARE}/response"),
            json!({ "answers": answers }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(
        saved.answers.len(),
        11,
        "skipped answers are kept while in progress"
    );
    let view: SurveyView = me.fetch(&format!("/api/surveys/{CARE}")).await;
    assert_eq!(
        view.progress,
        Progress {
            answered: 1,
            total: 3
        }
    );
    let done: SubmitReceipt = decode(submit(&me, CARE, Value::Object(answers)).await, 200).await;
    let kept: Vec<&str> = done.response.answers.keys().map(String::as_str).collect();
    assert_eq!(kept, ["q1"]);
}

#[tokio::test]
async fn our_customers_must_answer_the_operator_block() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let mut answers = ours();
    answers.remove("q5");
    answers.remove("q11");
    assert_eq!(
        problems(submit(&me, CARE, Value::Object(answers.clone())).await).await,
        [
            ("q5".to_owned(), AnswerProblem::Missing),
            ("q11".to_owned(), AnswerProblem::Missing)
        ]
    );
    // "Not sure" skips the block as "another operator" does.
    let mut unsure = answers.clone();
    unsure.insert("q1".into(), choice("not_sure"));
    decode::<SubmitReceipt>(submit(&me, CARE, Value::Object(unsure)).await, 200).await;
    // Nothing answered at all: the opening question is missing, and the block (on the
    // path until the opening question is answered).
    let other = Member::fresh(&server).await;
    let missing = problems(submit(&other, CARE, json!({})).await).await;
    let ids: Vec<&str> = missing.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(
        ids,
        ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"]
    );
    assert!(missing.iter().all(|(_, p)| *p == AnswerProblem::Missing));
    let complete: SubmitReceipt =
        decode(submit(&other, CARE, Value::Object(ours())).await, 200).await;
    assert_eq!(complete.response.answers.len(), 11);
}

#[tokio::test]
async fn required_pulse_questions_and_invalid_answers_refuse_the_submission() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    assert_eq!(
        problems(
            submit(
                &me,
                PULSE,
                json!({ "p4": { "type": "text", "value": "好" } })
            )
            .await
        )
        .await,
        [
            ("p1".to_owned(), AnswerProblem::Missing),
            ("p2".to_owned(), AnswerProblem::Missing)
        ]
    );
    assert_eq!(
        problems(
            submit(
                &me,
                PULSE,
                json!({ "p1": { "type": "nps", "value": 11 }, "p2": { "type": "rating", "value": 0 } })
            )
            .await
        )
        .await,
        [
            ("p1".to_owned(), AnswerProblem::OutOfRange),
            ("p2".to_owned(), AnswerProblem::OutOfRange)
        ]
    );
    let view: SurveyView = me.fetch(&format!("/api/surveys/{PULSE}")).await;
    assert_eq!(
        view.status,
        SurveyStatus::NotStarted,
        "a refusal saves nothing"
    );
}

#[tokio::test]
async fn a_survey_is_submitted_once_and_the_same_answers_again_are_a_replay() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let answers = json!({
        "p1": { "type": "nps", "value": 9 },
        "p2": { "type": "rating", "value": 4 },
        "p3": { "type": "choices", "value": ["broadband"] },
        "p4": { "type": "text", "value": "很好" },
    });
    let first: SubmitReceipt = decode(submit(&me, PULSE, answers.clone()).await, 200).await;
    assert!(!first.replayed);
    later(&server, 60);
    // A retry (the answer was lost): the stored submission, unchanged.
    let mut retry = answers.clone();
    retry["p4"]["value"] = json!("  很好 ");
    let again: SubmitReceipt = decode(submit(&me, PULSE, retry).await, 200).await;
    assert!(again.replayed);
    assert_eq!(again.response, first.response);
    // Other answers: 409, and the submission stands.
    let mut changed = answers.clone();
    changed["p1"]["value"] = json!(3);
    expect_error(
        submit(&me, PULSE, changed).await,
        409,
        "survey_already_submitted",
    )
    .await;
    expect_error(
        submit(&me, PULSE, json!({})).await,
        409,
        "survey_already_submitted",
    )
    .await;
    // No more saving either.
    let save = me
        .put(
            &format!("/api/surveys/{PULSE}/response"),
            json!({ "answers": { "p1": { "type": "nps", "value": 0 } } }),
        )
        .await;
    expect_error(save, 409, "survey_already_submitted").await;
    let view: SurveyView = me.fetch(&format!("/api/surveys/{PULSE}")).await;
    assert_eq!(view.response, Some(first.response));
}
