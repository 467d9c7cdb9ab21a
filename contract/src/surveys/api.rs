//! The surveys' requests and responses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Answers, CsatResult, LocalizedText, NpsResult, QuestionResults, Survey};
use crate::names::named_enum;

named_enum! {
    /// A saved response's state.
    pub enum ResponseState {
        /// Answers saved, not submitted; they may still change.
        InProgress,
        /// Submitted: final.
        Submitted,
    }
}

named_enum! {
    /// Where the signed-in subscriber is with a survey.
    pub enum SurveyStatus {
        NotStarted,
        InProgress,
        Submitted,
    }
}

/// How far along: questions on the path with an answer, and questions on the path (the
/// path depends on the answers, see `visible_questions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    pub answered: u32,
    pub total: u32,
}

impl Progress {
    pub fn of(survey: &Survey, answers: &Answers) -> Self {
        let (answered, total) = super::progress(survey, answers);
        Self { answered, total }
    }
}

/// One survey in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySummary {
    pub id: i64,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub estimated_minutes: u32,
    /// Questions in the survey (all of them; the path may be shorter).
    pub question_count: u32,
    pub status: SurveyStatus,
    pub progress: Progress,
    /// When the subscriber last saved or submitted (absent when not started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// `GET /api/surveys`: the open surveys, with the signed-in subscriber's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyList {
    pub surveys: Vec<SurveySummary>,
}

/// A subscriber's answers to a survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponse {
    /// Keyed by question id. Once submitted, only the answers on the path.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, crate::surveys::Answer>))]
    pub answers: Answers,
    pub state: ResponseState,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<Utc>>,
}

/// `GET /api/surveys/{id}`: the survey and the subscriber's saved answers (none when not
/// started).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyView {
    pub survey: Survey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<SurveyResponse>,
    pub status: SurveyStatus,
    pub progress: Progress,
}

/// `PUT /api/surveys/{id}/response`: the answers as they stand now (they replace the saved
/// ones; leave a question out to clear its answer). Each is checked on its own; answers to
/// questions the path skips are kept. 422 `answer_invalid` lists every problem; 409
/// `survey_already_submitted` once submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
pub struct SaveAnswersRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, crate::surveys::Answer>))]
    pub answers: Answers,
}

super::object::object_only!(SaveAnswersRequest);

/// `POST /api/surveys/{id}/submit`: the final answers. Answers to questions the path skips
/// are dropped, then the whole is checked (422 `answer_invalid` with every problem).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
pub struct SubmitSurveyRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, crate::surveys::Answer>))]
    pub answers: Answers,
}

super::object::object_only!(SubmitSurveyRequest);

/// A submission: `replayed: true` when the same answers had been submitted before (a
/// retry); different answers after a submission are 409 `survey_already_submitted`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmitReceipt {
    pub response: SurveyResponse,
    pub replayed: bool,
}

/// `GET /api/staff/surveys/{id}/results` (staff only): from submitted responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    pub survey_id: i64,
    pub title: LocalizedText,
    /// Submitted responses.
    pub respondents: u64,
    /// Responses saved and not yet submitted (not counted below).
    pub in_progress: u64,
    /// Over every rating question's answers; absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat: Option<CsatResult>,
    /// Over every NPS question's answers; absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<NpsResult>,
    /// Every question, in survey order.
    pub questions: Vec<QuestionResults>,
}
