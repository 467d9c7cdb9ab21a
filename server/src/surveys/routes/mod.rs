//! The surveys' handlers: `/api/surveys` for signed-in subscribers, and
//! `/api/staff/surveys/{id}/results` for staff.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use care_contract::surveys::{
    SaveAnswersRequest, SubmitReceipt, SubmitSurveyRequest, SurveyList, SurveyResponse,
    SurveyResults, SurveyView,
};
use care_contract::ApiError;
use rusqlite::Connection;

use super::store;
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::store::StoreError;

/// The surveys' API routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/surveys", get(list))
        .route("/api/surveys/{id}", get(view))
        .route("/api/surveys/{id}/response", axum::routing::put(save))
        .route("/api/surveys/{id}/submit", post(submit))
        .route("/api/staff/surveys/{id}/results", get(results))
}

async fn read<T, F>(state: &AppState, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
{
    Ok(state
        .db
        .read(move |conn| {
            let tx = conn.transaction()?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok::<_, StoreError>(value)
        })
        .await?)
}

/// The open surveys, with where the subscriber is in each (not started, in progress with
/// progress along the path, submitted).
#[utoipa::path(
    get,
    operation_id = "surveys",
    path = "/api/surveys",
    tag = "surveys",
    security(("session" = [])),
    responses((status = 200, description = "The open surveys", body = SurveyList))
)]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SurveyList>, AppError> {
    let me = user.subscriber_id;
    Ok(Json(
        read(&state, move |c| store::responses::list(c, me)).await?,
    ))
}

/// A survey with the subscriber's saved answers, to start or resume it.
#[utoipa::path(
    get,
    operation_id = "survey",
    path = "/api/surveys/{id}",
    tag = "surveys",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Survey id")),
    responses(
        (status = 200, description = "The survey and the subscriber's answers so far", body = SurveyView),
        (status = 404, description = "`survey_not_found`: no open survey with this id", body = ApiError),
    )
)]
pub async fn view(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<SurveyView>, AppError> {
    let me = user.subscriber_id;
    Ok(Json(
        read(&state, move |c| store::responses::view(c, id, me)).await?,
    ))
}

/// Saves answers so far: they replace the saved ones (leave a question out to clear its
/// answer). Each is checked on its own; answers to questions the path skips are kept (the
/// subscriber may go back), and dropped at submission.
#[utoipa::path(
    put,
    operation_id = "save_survey_answers",
    path = "/api/surveys/{id}/response",
    tag = "surveys",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Survey id")),
    request_body = SaveAnswersRequest,
    responses(
        (status = 200, description = "The saved response (`in_progress`)", body = SurveyResponse),
        (status = 404, description = "`survey_not_found`", body = ApiError),
        (status = 409, description = "`survey_already_submitted`: submitted answers are final", body = ApiError),
        (status = 422, description = "`answer_invalid`: `details.problems` lists each question's problem (unknown question, wrong type, unknown or repeated option, too many choices, out of range, blank, too long, control character)", body = ApiError),
    )
)]
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<SaveAnswersRequest>,
) -> Result<Json<SurveyResponse>, AppError> {
    let me = user.subscriber_id;
    let now = state.config.clock.now_ms();
    let saved = state
        .db
        .write(move |tx| store::responses::save(tx, id, me, &req.answers, now))
        .await?;
    Ok(Json(saved))
}

/// Submits the final answers, once. Answers to questions the path skips are dropped; then
/// every required question on the path must be answered and every answer fit. The same
/// answers again answer the stored submission (`replayed: true`).
#[utoipa::path(
    post,
    operation_id = "submit_survey",
    path = "/api/surveys/{id}/submit",
    tag = "surveys",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Survey id")),
    request_body = SubmitSurveyRequest,
    responses(
        (status = 200, description = "Submitted (`replayed: true` when these answers had been submitted before)", body = SubmitReceipt),
        (status = 404, description = "`survey_not_found`", body = ApiError),
        (status = 409, description = "`survey_already_submitted`: submitted before with other answers", body = ApiError),
        (status = 422, description = "`answer_invalid`: `details.problems` lists each question's problem (`missing` for a required question on the path, or a problem of the answer)", body = ApiError),
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<SubmitSurveyRequest>,
) -> Result<Json<SubmitReceipt>, AppError> {
    let me = user.subscriber_id;
    let now = state.config.clock.now_ms();
    let receipt = state
        .db
        .write(move |tx| store::responses::submit(tx, id, me, &req.answers, now))
        .await?;
    Ok(Json(receipt))
}

/// Staff: a survey's results over its submitted responses: respondents, CSAT over its
/// rating questions, NPS over its NPS questions, each question's counts and the newest
/// free-text answers.
#[utoipa::path(
    get,
    operation_id = "survey_results",
    path = "/api/staff/surveys/{id}/results",
    tag = "surveys",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Survey id")),
    responses(
        (status = 200, description = "The results", body = SurveyResults),
        (status = 403, description = "`forbidden`: not staff", body = ApiError),
        (status = 404, description = "`survey_not_found`", body = ApiError),
    )
)]
pub async fn results(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<SurveyResults>, AppError> {
    let me = user.subscriber_id;
    Ok(Json(
        read(&state, move |c| store::results::results(c, me, id)).await?,
    ))
}
