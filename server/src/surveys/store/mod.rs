//! The surveys' database work: plain functions over a connection the caller holds (writes
//! inside the caller's `BEGIN IMMEDIATE` transaction), returning `Result<_, StoreError>`
//! with the contract's refusal codes, never HTTP. The rules themselves (the path, answer
//! checks, NPS, CSAT, tallies) are the contract's, shared with the app.

pub mod responses;
pub mod results;

use care_contract::error::ErrorDetails;
use care_contract::surveys::{Answers, QuestionProblem, ResponseState, Survey, SurveyResponse};
use care_contract::ErrorCode;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::store::StoreError;

/// A survey by id: an active one (`survey_not_found` otherwise), or with `any` an
/// inactive one too (staff results).
pub fn survey(conn: &Connection, id: i64, any: bool) -> Result<Survey, StoreError> {
    let definition: Option<String> = conn
        .query_row(
            "SELECT definition FROM surveys WHERE id = ?1 AND (active = 1 OR ?2)",
            rusqlite::params![id, any],
            |r| r.get(0),
        )
        .optional()?;
    let definition = definition.ok_or_else(|| {
        StoreError::refused(ErrorCode::SurveyNotFound, format!("no open survey {id}"))
    })?;
    serde_json::from_str(&definition).map_err(|_| StoreError::Broken("a stored survey parses"))
}

/// The active surveys, in the operator's order.
pub fn active_surveys(conn: &Connection) -> Result<Vec<Survey>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT definition FROM surveys WHERE active = 1 ORDER BY position, id")?;
    let definitions = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    definitions
        .iter()
        .map(|d| serde_json::from_str(d).map_err(|_| StoreError::Broken("a stored survey parses")))
        .collect()
}

/// 422 `answer_invalid` with each question's problem.
pub fn answer_invalid(problems: Vec<QuestionProblem>) -> StoreError {
    let ids: Vec<&str> = problems.iter().map(|p| p.question_id.as_str()).collect();
    let message = format!("answers do not fit the survey: {}", ids.join(", "));
    StoreError::refused(ErrorCode::AnswerInvalid, message).with_details(ErrorDetails {
        problems: Some(problems),
        ..Default::default()
    })
}

pub fn already_submitted() -> StoreError {
    StoreError::refused(
        ErrorCode::SurveyAlreadySubmitted,
        "this survey was submitted already, with other answers",
    )
}

pub(crate) fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// A stored response row as the contract's type.
pub(crate) fn response(
    answers: &str,
    state: &str,
    updated_at: i64,
    submitted_at: Option<i64>,
) -> Result<SurveyResponse, StoreError> {
    let answers: Answers =
        serde_json::from_str(answers).map_err(|_| StoreError::Broken("stored answers parse"))?;
    let state: ResponseState = state
        .parse()
        .map_err(|_| StoreError::Broken("a stored response state parses"))?;
    Ok(SurveyResponse {
        answers,
        state,
        updated_at: time(updated_at),
        submitted_at: submitted_at.map(time),
    })
}
