//! The surveys in `demo_surveys.json`: operator content, loaded (inserted or updated) on
//! every start, so a new build's wording reaches an existing database. Demo responses
//! from the demo subscribers are added in demo mode only, once each.

use care_contract::surveys::{
    checked_answers, validate_submission, validate_survey, Answers, Survey,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use crate::db::{Db, DbError};
use crate::mall::Clock;
use crate::BoxError;

#[derive(Debug, Deserialize)]
pub struct SurveyFile {
    pub surveys: Vec<SeedSurvey>,
}

#[derive(Debug, Deserialize)]
pub struct SeedSurvey {
    pub active: bool,
    pub survey: Survey,
    /// Demo mode: answers submitted by demo subscribers.
    #[serde(default)]
    pub demo_responses: Vec<SeedResponse>,
}

#[derive(Debug, Deserialize)]
pub struct SeedResponse {
    pub phone: String,
    pub hours_ago: i64,
    pub answers: Answers,
}

const DEMO_SURVEYS_JSON: &str = include_str!("demo_surveys.json");

/// The built-in surveys, each checked ([`validate_survey`]) with its demo responses
/// ([`validate_submission`]): a broken file stops the server at start.
pub fn built_in_surveys() -> Result<SurveyFile, BoxError> {
    let file: SurveyFile = serde_json::from_str(DEMO_SURVEYS_JSON)?;
    for s in &file.surveys {
        validate_survey(&s.survey)?;
        for r in &s.demo_responses {
            validate_submission(&s.survey, &r.answers)
                .map_err(|p| format!("survey {} demo response {}: {p:?}", s.survey.id, r.phone))?;
        }
    }
    Ok(file)
}

/// Inserts or updates the built-in surveys (every start).
pub async fn load_surveys(db: &Db, clock: &Clock) -> Result<(), BoxError> {
    let file = built_in_surveys()?;
    let now = clock.now_ms();
    db.write(move |tx| load_in(tx, &file, now)).await?;
    Ok(())
}

fn load_in(tx: &Transaction<'_>, file: &SurveyFile, now_ms: i64) -> Result<(), DbError> {
    for (position, s) in file.surveys.iter().enumerate() {
        let definition = serde_json::to_string(&s.survey).expect("a survey serializes");
        tx.execute(
            "INSERT INTO surveys (id, definition, active, position, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET definition = excluded.definition,
                 active = excluded.active, position = excluded.position,
                 updated_at = excluded.updated_at
             WHERE definition <> excluded.definition OR active <> excluded.active
                 OR position <> excluded.position",
            params![s.survey.id, definition, s.active, position as i64, now_ms],
        )?;
    }
    tracing::info!(surveys = file.surveys.len(), "surveys loaded");
    Ok(())
}

/// Demo mode: the demo subscribers' submitted responses, for those who have none yet.
pub async fn seed_demo(db: &Db, clock: &Clock) -> Result<(), BoxError> {
    let file = built_in_surveys()?;
    let now = clock.now();
    db.write(move |tx| seed_in(tx, &file, now)).await?;
    Ok(())
}

fn seed_in(tx: &Transaction<'_>, file: &SurveyFile, now: DateTime<Utc>) -> Result<(), DbError> {
    for s in &file.surveys {
        for r in &s.demo_responses {
            let id: Option<i64> = tx
                .query_row(
                    "SELECT id FROM subscribers WHERE phone = ?1",
                    [&r.phone],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(subscriber) = id else { continue };
            let answers = checked_answers(&s.survey, &r.answers).expect("checked at load");
            let at = (now - Duration::hours(r.hours_ago)).timestamp_millis();
            tx.execute(
                "INSERT INTO survey_responses
                     (survey_id, subscriber_id, answers, state, updated_at, submitted_at)
                 VALUES (?1, ?2, ?3, 'submitted', ?4, ?4)
                 ON CONFLICT (survey_id, subscriber_id) DO NOTHING",
                params![
                    s.survey.id,
                    subscriber,
                    serde_json::to_string(&answers).expect("answers serialize"),
                    at
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::surveys::{visible_questions, Answer, QuestionKind};

    #[test]
    fn the_built_in_surveys_are_well_made_and_so_are_their_demo_responses() {
        let file = built_in_surveys().unwrap();
        assert_eq!(file.surveys.len(), 2);
        let ids: Vec<i64> = file.surveys.iter().map(|s| s.survey.id).collect();
        assert_eq!(ids, [1, 2]);
        // Every kind of question is in them, so the app's screens meet each.
        let kinds: Vec<&str> = file
            .surveys
            .iter()
            .flat_map(|s| &s.survey.questions)
            .map(|q| match q.kind {
                QuestionKind::SingleChoice { .. } => "single_choice",
                QuestionKind::MultipleChoice { .. } => "multiple_choice",
                QuestionKind::Ordinal { .. } => "ordinal",
                QuestionKind::Rating => "rating",
                QuestionKind::Nps => "nps",
                QuestionKind::FreeText { .. } => "free_text",
            })
            .collect();
        for kind in [
            "single_choice",
            "multiple_choice",
            "ordinal",
            "rating",
            "nps",
            "free_text",
        ] {
            assert!(kinds.contains(&kind), "{kind}");
        }
    }

    #[test]
    fn the_care_survey_skips_its_operator_block_of_ten_four_step_items_in_four_dimensions() {
        let file = built_in_surveys().unwrap();
        let care = &file.surveys[0].survey;
        let block: Vec<_> = care
            .questions
            .iter()
            .filter(|q| q.block.is_some())
            .collect();
        assert_eq!(block.len(), 10);
        for q in &block {
            assert!(matches!(&q.kind, QuestionKind::Ordinal { steps } if steps.len() == 4));
        }
        let mut dimensions: Vec<&str> = block
            .iter()
            .map(|q| q.block.as_ref().unwrap().id.as_str())
            .collect();
        dimensions.dedup();
        assert_eq!(
            dimensions,
            ["convenience", "attitude", "resolution", "elder_care"]
        );
        let other: Answers = [("q1".to_owned(), Answer::Choice("other".into()))].into();
        let path: Vec<&str> = visible_questions(care, &other)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(path, ["q1", "q12", "q13"]);
        assert_eq!(visible_questions(care, &Answers::new()).len(), 13);
    }
}
