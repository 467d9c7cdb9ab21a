//! Staff results: NPS, CSAT and each question's counts over the submitted responses.

use care_contract::surveys::{
    tally, Answer, Answers, CsatResult, NpsResult, QuestionKind, SurveyResults,
};
use care_contract::ErrorCode;
use rusqlite::{params, Connection};

use super::survey;
use crate::store::StoreError;

/// Only staff see results (`forbidden` otherwise).
pub fn require_staff(conn: &Connection, subscriber: i64) -> Result<(), StoreError> {
    let account = crate::mall::store::account::signed_in_account(conn, subscriber)?;
    if !account.is_staff {
        return Err(StoreError::refused(ErrorCode::Forbidden, "staff only"));
    }
    Ok(())
}

/// `GET /api/staff/surveys/{id}/results` (any survey, open or not).
pub fn results(
    conn: &Connection,
    viewer: i64,
    survey_id: i64,
) -> Result<SurveyResults, StoreError> {
    require_staff(conn, viewer)?;
    let survey = survey(conn, survey_id, true)?;
    let mut stmt = conn.prepare_cached(
        "SELECT answers FROM survey_responses WHERE survey_id = ?1 AND state = 'submitted'
         ORDER BY submitted_at DESC, id DESC",
    )?;
    let submitted: Vec<Answers> = stmt
        .query_map([survey_id], |r| r.get::<_, String>(0))?
        .map(|json| {
            let json = json?;
            serde_json::from_str(&json).map_err(|_| StoreError::Broken("stored answers parse"))
        })
        .collect::<Result<_, StoreError>>()?;
    let in_progress: i64 = conn.query_row(
        "SELECT count(*) FROM survey_responses WHERE survey_id = ?1 AND state = 'in_progress'",
        params![survey_id],
        |r| r.get(0),
    )?;
    let mut ratings = Vec::new();
    let mut scores = Vec::new();
    let mut questions = Vec::new();
    for q in &survey.questions {
        let answers: Vec<&Answer> = submitted.iter().filter_map(|a| a.get(&q.id)).collect();
        let counted = tally(q, &answers);
        for a in &answers {
            match (&q.kind, a) {
                (QuestionKind::Rating, Answer::Rating(r)) => ratings.push(*r),
                (QuestionKind::Nps, Answer::Nps(s)) => scores.push(*s),
                _ => {}
            }
        }
        questions.push(counted);
    }
    Ok(SurveyResults {
        survey_id,
        title: survey.title,
        respondents: submitted.len() as u64,
        in_progress: in_progress as u64,
        csat: CsatResult::from_ratings(&ratings),
        nps: NpsResult::from_scores(&scores),
        questions,
    })
}
