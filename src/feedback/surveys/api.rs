//! The surveys' backend calls (`/api/surveys`, `/api/staff/surveys`; see the contract's
//! `surveys` module).

use care_contract::surveys::{
    Answers, SaveAnswersRequest, SubmitReceipt, SubmitSurveyRequest, SurveyList, SurveyResponse,
    SurveyResults, SurveyView,
};

use crate::api::{client, ApiError};

pub const SURVEYS_PATH: &str = "/surveys";

pub fn survey_path(id: i64) -> String {
    format!("/surveys/{id}")
}

pub async fn fetch_surveys() -> Result<SurveyList, ApiError> {
    client::get(SURVEYS_PATH).await
}

pub async fn fetch_survey(id: i64) -> Result<SurveyView, ApiError> {
    client::get(&survey_path(id)).await
}

/// Keeps the answers so far on the server (they replace what it had).
pub async fn save_answers(id: i64, answers: Answers) -> Result<SurveyResponse, ApiError> {
    client::put(
        &format!("{}/response", survey_path(id)),
        &SaveAnswersRequest { answers },
    )
    .await
}

/// Submits the final answers. The same answers again answer the first submission, so a
/// retry after a lost answer is safe.
pub async fn submit(id: i64, answers: Answers) -> Result<SubmitReceipt, ApiError> {
    client::post(
        &format!("{}/submit", survey_path(id)),
        &SubmitSurveyRequest { answers },
    )
    .await
}

pub async fn fetch_results(id: i64) -> Result<SurveyResults, ApiError> {
    client::get(&format!("/staff/surveys/{id}/results")).await
}
