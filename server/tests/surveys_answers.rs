//! Saving and resuming survey answers over real HTTP: partial answers are kept and come
//! back, each answer is checked against its question (422 `answer_invalid` naming every
//! question's problem), a subscriber sees only their own answers, the list says where
//! each subscriber is.

mod common;
mod community_support;

use care_contract::surveys::*;
use care_contract::ErrorCode;
use common::*;
use community_support::*;
use serde_json::{json, Value};

const CARE: i64 = 1;
const PULSE: i64 = 2;

fn save_path(id: i64) -> String {
    format!("/api/surveys/{id}/response")
}

async fn save(member: &Member, id: i64, answers: Value) -> SurveyResponse {
    decode(
        member
            .put(&save_path(id), json!({ "answers": answers }))
            .await,
        200,
    )
    .await
}

/// The problems of a 422 `answer_invalid`, as (question, problem).
async fn problems(response: reqwest::Response) -> Vec<(String, AnswerProblem)> {
    let error = expect_error(response, 422, "answer_invalid").await;
    assert_eq!(error.code, ErrorCode::AnswerInvalid);
    error
        .details
        .and_then(|d| d.problems)
        .expect("details.problems")
        .into_iter()
        .map(|p| (p.question_id, p.problem))
        .collect()
}

fn p(q: &str, problem: AnswerProblem) -> (String, AnswerProblem) {
    (q.to_owned(), problem)
}

#[tokio::test]
async fn partial_answers_are_saved_and_come_back_to_resume() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let fresh: SurveyView = me.fetch(&format!("/api/surveys/{CARE}")).await;
    assert_eq!(fresh.status, SurveyStatus::NotStarted);
    assert_eq!(fresh.response, None);
    assert_eq!(
        fresh.progress,
        Progress {
            answered: 0,
            total: 13
        }
    );
    assert_eq!(fresh.survey.questions.len(), 13);
    assert_eq!(fresh.survey.title.en, "Customer care experience survey");

    let saved = save(
        &me,
        CARE,
        json!({
            "q1": { "type": "choice", "value": "ours" },
            "q2": { "type": "step", "value": 3 },
            "q12": { "type": "text", "value": "  师傅很准时\n " },
        }),
    )
    .await;
    assert_eq!(saved.state, ResponseState::InProgress);
    assert_eq!(saved.submitted_at, None);
    assert_eq!(saved.updated_at, t0());
    // Text is kept trimmed.
    assert_eq!(saved.answers["q12"], Answer::Text("师傅很准时".into()));

    later(&server, 3600);
    let resumed: SurveyView = me.fetch(&format!("/api/surveys/{CARE}")).await;
    assert_eq!(resumed.status, SurveyStatus::InProgress);
    assert_eq!(resumed.response.as_ref(), Some(&saved));
    assert_eq!(
        resumed.progress,
        Progress {
            answered: 3,
            total: 13
        }
    );

    // Saving again replaces the answers: one left out is cleared.
    let again = save(
        &me,
        CARE,
        json!({
            "q1": { "type": "choice", "value": "ours" },
            "q2": { "type": "step", "value": 2 },
            "q3": { "type": "step", "value": 0 },
        }),
    )
    .await;
    assert_eq!(again.answers.len(), 3);
    assert!(!again.answers.contains_key("q12"));
    assert_eq!(again.answers["q2"], Answer::Step(2));
    assert_eq!(again.updated_at, t0() + chrono::Duration::hours(1));
}

#[tokio::test]
async fn the_list_says_where_the_subscriber_is_with_each_survey() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let list: SurveyList = me.fetch("/api/surveys").await;
    let ids: Vec<i64> = list.surveys.iter().map(|s| s.id).collect();
    assert_eq!(ids, [CARE, PULSE]);
    for s in &list.surveys {
        assert_eq!(s.status, SurveyStatus::NotStarted);
        assert_eq!(s.updated_at, None);
    }
    assert_eq!(list.surveys[0].question_count, 13);
    assert_eq!(
        list.surveys[1].progress,
        Progress {
            answered: 0,
            total: 4
        }
    );
    assert_eq!(list.surveys[1].estimated_minutes, 1);

    // Another operator: the path is 3 questions long.
    save(
        &me,
        CARE,
        json!({ "q1": { "type": "choice", "value": "other" } }),
    )
    .await;
    decode::<SubmitReceipt>(
        me.post(
            &format!("/api/surveys/{PULSE}/submit"),
            json!({ "answers": {
                "p1": { "type": "nps", "value": 9 },
                "p2": { "type": "rating", "value": 5 },
            } }),
        )
        .await,
        200,
    )
    .await;
    let list: SurveyList = me.fetch("/api/surveys").await;
    assert_eq!(list.surveys[0].status, SurveyStatus::InProgress);
    assert_eq!(
        list.surveys[0].progress,
        Progress {
            answered: 1,
            total: 3
        }
    );
    assert_eq!(list.surveys[0].updated_at, Some(t0()));
    assert_eq!(list.surveys[1].status, SurveyStatus::Submitted);
    assert_eq!(
        list.surveys[1].progress,
        Progress {
            answered: 2,
            total: 4
        }
    );
}

#[tokio::test]
async fn each_saved_answer_must_fit_its_question() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let refused = |answers: Value| {
        let me = me.clone();
        async move {
            problems(
                me.put(&save_path(PULSE), json!({ "answers": answers }))
                    .await,
            )
            .await
        }
    };
    use AnswerProblem::*;
    assert_eq!(
        refused(json!({ "p1": { "type": "nps", "value": 11 } })).await,
        [p("p1", OutOfRange)]
    );
    assert_eq!(
        refused(json!({ "p2": { "type": "rating", "value": 0 } })).await,
        [p("p2", OutOfRange)]
    );
    assert_eq!(
        refused(json!({ "p2": { "type": "rating", "value": 6 } })).await,
        [p("p2", OutOfRange)]
    );
    assert_eq!(
        refused(json!({ "p2": { "type": "nps", "value": 3 } })).await,
        [p("p2", WrongType)]
    );
    assert_eq!(
        refused(json!({ "p4": { "type": "text", "value": "字".repeat(301) } })).await,
        [p("p4", TooLong)]
    );
    assert_eq!(
        refused(json!({ "p4": { "type": "text", "value": " \n " } })).await,
        [p("p4", Blank)]
    );
    assert_eq!(
        refused(json!({ "p9": { "type": "nps", "value": 1 } })).await,
        [p("p9", UnknownQuestion)]
    );
    // Every problem at once, in survey order, unknown questions last.
    assert_eq!(
        refused(json!({
            "zz": { "type": "nps", "value": 1 },
            "p2": { "type": "rating", "value": 0 },
            "p1": { "type": "nps", "value": 11 },
        }))
        .await,
        [
            p("p1", OutOfRange),
            p("p2", OutOfRange),
            p("zz", UnknownQuestion)
        ]
    );
    let on_care = |answers: Value| {
        let me = me.clone();
        async move {
            problems(
                me.put(&save_path(CARE), json!({ "answers": answers }))
                    .await,
            )
            .await
        }
    };
    assert_eq!(
        on_care(json!({ "q1": { "type": "choice", "value": "mars" } })).await,
        [p("q1", UnknownOption)]
    );
    assert_eq!(
        on_care(json!({ "q2": { "type": "step", "value": 4 } })).await,
        [p("q2", OutOfRange)]
    );
    // Nothing was saved by any refusal.
    let view: SurveyView = me.fetch(&format!("/api/surveys/{PULSE}")).await;
    assert_eq!(view.response, None);
    // 300 characters is the longest text the pulse's last question takes.
    let longest = save(
        &me,
        PULSE,
        json!({ "p4": { "type": "text", "value": "字".repeat(300) } }),
    )
    .await;
    assert_eq!(longest.answers.len(), 1);
}

#[tokio::test]
async fn an_answer_of_the_wrong_shape_is_a_bad_request() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    for answers in [
        json!({ "p1": { "type": "nps", "value": 256 } }),
        json!({ "p1": { "type": "nps", "value": -1 } }),
        json!({ "p1": { "type": "nps", "value": 9.5 } }),
        json!({ "p1": { "type": "stars", "value": 3 } }),
        json!({ "p1": 9 }),
    ] {
        let response = me
            .put(&save_path(PULSE), json!({ "answers": answers }))
            .await;
        expect_error(response, 400, "bad_request").await;
    }
    // JSON arrays where the document says objects (serde alone would read them).
    for body in [json!([{}]), json!({ "answers": { "p1": ["nps", 9] } })] {
        expect_error(
            me.put(&save_path(PULSE), body.clone()).await,
            400,
            "bad_request",
        )
        .await;
        let submit = me.post(&format!("/api/surveys/{PULSE}/submit"), body).await;
        expect_error(submit, 400, "bad_request").await;
    }
    // A whole number written as a float is a whole number.
    let saved = save(&me, PULSE, json!({ "p1": { "type": "nps", "value": 7.0 } })).await;
    assert_eq!(saved.answers["p1"], Answer::Nps(7));
}

#[tokio::test]
async fn a_multiple_choice_takes_known_options_once_up_to_its_maximum() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let choices = |ids: &[&str]| json!({ "p3": { "type": "choices", "value": ids } });
    let refused = |answers: Value| {
        let me = me.clone();
        async move {
            problems(
                me.put(&save_path(PULSE), json!({ "answers": answers }))
                    .await,
            )
            .await
        }
    };
    use AnswerProblem::*;
    assert_eq!(
        refused(choices(&["bill", "signal", "plan"])).await,
        [p("p3", TooManyChoices)]
    );
    assert_eq!(
        refused(choices(&["bill", "bill"])).await,
        [p("p3", RepeatedOption)]
    );
    assert_eq!(
        refused(choices(&["bill", "roaming"])).await,
        [p("p3", UnknownOption)]
    );
    assert_eq!(refused(choices(&[])).await, [p("p3", NoChoice)]);
    assert_eq!(
        refused(json!({ "p3": { "type": "choice", "value": "bill" } })).await,
        [p("p3", WrongType)]
    );
    assert_eq!(
        refused(json!({ "q1": { "type": "choices", "value": ["ours"] } })).await,
        [p("q1", UnknownQuestion)],
        "another survey's question"
    );
    let saved = save(&me, PULSE, choices(&["signal", "bill"])).await;
    assert_eq!(
        saved.answers["p3"],
        Answer::Choices(vec!["signal".into(), "bill".into()])
    );
}

#[tokio::test]
async fn a_subscriber_sees_only_their_own_answers() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    let other = Member::fresh(&server).await;
    save(
        &me,
        PULSE,
        json!({ "p4": { "type": "text", "value": "我的私事" } }),
    )
    .await;
    let theirs: SurveyView = other.fetch(&format!("/api/surveys/{PULSE}")).await;
    assert_eq!(theirs.response, None);
    assert_eq!(theirs.status, SurveyStatus::NotStarted);
    let list: SurveyList = other.fetch("/api/surveys").await;
    assert!(list
        .surveys
        .iter()
        .all(|s| s.status == SurveyStatus::NotStarted));
    // And only a signed-in subscriber has any.
    expect_error(server.get("/api/surveys").await, 401, "unauthenticated").await;
    expect_error(
        server.get(&format!("/api/surveys/{PULSE}")).await,
        401,
        "unauthenticated",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_survey_is_not_found() {
    let server = community_server().await;
    let me = Member::fresh(&server).await;
    for response in [
        me.get("/api/surveys/99").await,
        me.put(&save_path(99), json!({ "answers": {} })).await,
        me.post("/api/surveys/99/submit", json!({ "answers": {} }))
            .await,
    ] {
        expect_error(response, 404, "survey_not_found").await;
    }
}

#[tokio::test]
async fn surveys_are_operator_content_served_without_demo_mode_and_reloaded_on_start() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("sms-outbox.txt");
    let server = start_in(dir.path(), |c| {
        c.demo = false;
        c.sms_outbox = Some(outbox);
    })
    .await;
    let cookie = signed_in(&server, "13712345678").await;
    let list: SurveyList = decode(server.get_with_cookie("/api/surveys", &cookie).await, 200).await;
    let ids: Vec<i64> = list.surveys.iter().map(|s| s.id).collect();
    assert_eq!(ids, [CARE, PULSE]);
    let conn = db(&server);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM survey_responses"),
        0,
        "no demo answers"
    );
    // A survey changed in the database is what the built-in file says after a restart.
    conn.execute(
        "UPDATE surveys SET active = 0, definition = '{}' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    server.stop().await;
    let again = start_in(dir.path(), |c| c.demo = false).await;
    let conn = db(&again);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM surveys WHERE active = 1"),
        2
    );
    let pulse: String = conn
        .query_row("SELECT definition FROM surveys WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    let pulse: Survey = serde_json::from_str(&pulse).unwrap();
    assert_eq!(pulse.questions.len(), 4);
    drop(conn);
    again.stop().await;
}
