//! A subscriber's response: the list with their status, one survey with their answers,
//! saving partial answers, submitting once.

use care_contract::surveys::{
    checked_answers, validate_submission, without_skipped, Answers, Progress, ResponseState,
    SubmitReceipt, Survey, SurveyList, SurveyResponse, SurveyStatus, SurveySummary, SurveyView,
};
use rusqlite::{params, Connection, OptionalExtension};

use super::{active_surveys, already_submitted, answer_invalid, response, survey};
use crate::store::StoreError;

/// The subscriber's response to a survey, if any.
pub fn my_response(
    conn: &Connection,
    survey_id: i64,
    subscriber: i64,
) -> Result<Option<SurveyResponse>, StoreError> {
    let row = conn
        .query_row(
            "SELECT answers, state, updated_at, submitted_at FROM survey_responses
             WHERE survey_id = ?1 AND subscriber_id = ?2",
            params![survey_id, subscriber],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            },
        )
        .optional()?;
    row.map(|(a, s, u, sub)| response(&a, &s, u, sub))
        .transpose()
}

/// Where a subscriber is with a survey, from their response.
pub fn status(response: Option<&SurveyResponse>) -> SurveyStatus {
    match response.map(|r| r.state) {
        None => SurveyStatus::NotStarted,
        Some(ResponseState::InProgress) => SurveyStatus::InProgress,
        Some(ResponseState::Submitted) => SurveyStatus::Submitted,
    }
}

fn progress(survey: &Survey, response: Option<&SurveyResponse>) -> Progress {
    let none = Answers::new();
    Progress::of(survey, response.map_or(&none, |r| &r.answers))
}

/// `GET /api/surveys`.
pub fn list(conn: &Connection, subscriber: i64) -> Result<SurveyList, StoreError> {
    let mut surveys = Vec::new();
    for s in active_surveys(conn)? {
        let mine = my_response(conn, s.id, subscriber)?;
        surveys.push(SurveySummary {
            id: s.id,
            question_count: s.questions.len() as u32,
            status: status(mine.as_ref()),
            progress: progress(&s, mine.as_ref()),
            updated_at: mine.as_ref().map(|r| r.updated_at),
            title: s.title,
            intro: s.intro,
            estimated_minutes: s.estimated_minutes,
        });
    }
    Ok(SurveyList { surveys })
}

/// `GET /api/surveys/{id}`.
pub fn view(conn: &Connection, survey_id: i64, subscriber: i64) -> Result<SurveyView, StoreError> {
    let survey = survey(conn, survey_id, false)?;
    let response = my_response(conn, survey_id, subscriber)?;
    Ok(SurveyView {
        status: status(response.as_ref()),
        progress: progress(&survey, response.as_ref()),
        survey,
        response,
    })
}

fn store(
    conn: &Connection,
    survey_id: i64,
    subscriber: i64,
    answers: &Answers,
    state: ResponseState,
    now_ms: i64,
) -> Result<SurveyResponse, StoreError> {
    let json =
        serde_json::to_string(answers).map_err(|_| StoreError::Broken("answers serialize"))?;
    let submitted_at = (state == ResponseState::Submitted).then_some(now_ms);
    conn.execute(
        "INSERT INTO survey_responses
             (survey_id, subscriber_id, answers, state, updated_at, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (survey_id, subscriber_id) DO UPDATE SET answers = excluded.answers,
             state = excluded.state, updated_at = excluded.updated_at,
             submitted_at = excluded.submitted_at",
        params![
            survey_id,
            subscriber,
            json,
            state.as_str(),
            now_ms,
            submitted_at
        ],
    )?;
    my_response(conn, survey_id, subscriber)?.ok_or(StoreError::Broken("the response just saved"))
}

/// `PUT /api/surveys/{id}/response`: the answers replace the saved ones, each checked on
/// its own (text kept trimmed); answers to questions the path skips are kept. Refused once
/// submitted.
pub fn save(
    conn: &Connection,
    survey_id: i64,
    subscriber: i64,
    answers: &Answers,
    now_ms: i64,
) -> Result<SurveyResponse, StoreError> {
    let survey = survey(conn, survey_id, false)?;
    let mine = my_response(conn, survey_id, subscriber)?;
    if status(mine.as_ref()) == SurveyStatus::Submitted {
        return Err(already_submitted());
    }
    let kept = checked_answers(&survey, answers).map_err(answer_invalid)?;
    store(
        conn,
        survey_id,
        subscriber,
        &kept,
        ResponseState::InProgress,
        now_ms,
    )
}

/// The answers a submission keeps: those to skipped questions dropped, the rest checked
/// as a whole, text trimmed.
pub fn final_answers(survey: &Survey, answers: &Answers) -> Result<Answers, StoreError> {
    let on_path = without_skipped(survey, answers);
    validate_submission(survey, &on_path).map_err(answer_invalid)?;
    checked_answers(survey, &on_path).map_err(answer_invalid)
}

/// `POST /api/surveys/{id}/submit`: once. The same final answers again answer the stored
/// submission (`replayed`); other answers are `survey_already_submitted`.
pub fn submit(
    conn: &Connection,
    survey_id: i64,
    subscriber: i64,
    answers: &Answers,
    now_ms: i64,
) -> Result<SubmitReceipt, StoreError> {
    let survey = survey(conn, survey_id, false)?;
    let mine = my_response(conn, survey_id, subscriber)?;
    if let Some(done) = mine.filter(|r| r.state == ResponseState::Submitted) {
        return match final_answers(&survey, answers) {
            Ok(same) if same == done.answers => Ok(SubmitReceipt {
                response: done,
                replayed: true,
            }),
            _ => Err(already_submitted()),
        };
    }
    let kept = final_answers(&survey, answers)?;
    let response = store(
        conn,
        survey_id,
        subscriber,
        &kept,
        ResponseState::Submitted,
        now_ms,
    )?;
    Ok(SubmitReceipt {
        response,
        replayed: false,
    })
}
