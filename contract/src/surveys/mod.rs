//! Surveys (问卷), under `/api/surveys`: questionnaires the app renders generically, with
//! partial answers kept until the subscriber submits them once, and their results for
//! staff under `/api/staff/surveys`.
//!
//! A survey is a list of questions in order. Each question has a kind (single or multiple
//! choice, an ordinal scale from worst to best, a 1-5 satisfaction rating, a 0-10 NPS
//! score, free text) and may belong to a block (a dimension such as 服务态度). A
//! single-choice option may `skip_to` a later question: choosing it skips every question
//! between (the path is [`visible_questions`]). Every text a subscriber reads comes in
//! both languages ([`LocalizedText`]).
//!
//! Answers are keyed by question id. Saving (`PUT .../response`) replaces the saved
//! answers with the ones sent, each checked on its own ([`validate_answer`]); answers to
//! questions the path skips may be saved (the subscriber may go back and change the
//! answer that skipped them). Submitting (`POST .../submit`) drops the answers the path
//! skips ([`without_skipped`]), then checks the whole ([`validate_submission`]): every
//! required question on the path answered, each answer valid, no unknown question. A
//! survey is submitted once: the same answers again answer the stored submission
//! (`replayed: true`), different ones are 409 `survey_already_submitted`.

mod answers;
mod api;
mod definition;
mod object;
mod results;

pub use answers::*;
pub use api::*;
pub use definition::*;
pub use results::*;

/// The 1-5 customer satisfaction (CSAT) rating.
pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 5;
/// The 0-10 Net Promoter Score answer: 0-6 detractors, 7-8 passives, 9-10 promoters.
pub const NPS_MAX: u8 = 10;
pub const NPS_DETRACTOR_MAX: u8 = 6;
pub const NPS_PROMOTER_MIN: u8 = 9;
/// The longest free-text answer any survey may allow, in characters once trimmed (a
/// question's `max_chars` is at most this).
pub const FREE_TEXT_MAX_CHARS: u32 = 2000;
/// Free-text answers a staff results page shows per question, newest first.
pub const RESULTS_LATEST_TEXTS: usize = 5;

/// A small survey for the rules' tests: an opening single choice whose `other` option
/// skips the block `b` (questions b1 and b2) to `q4`; then a multiple choice of at most
/// two, a rating, an NPS score and an optional free text of at most 10 characters.
#[cfg(test)]
pub(crate) fn test_survey() -> Survey {
    let t = |s: &str| LocalizedText::new(s, s);
    let option = |id: &str, skip_to: Option<&str>| ChoiceOption {
        id: id.into(),
        label: t(id),
        skip_to: skip_to.map(Into::into),
    };
    let q = |id: &str, required: bool, kind: QuestionKind| Question {
        id: id.into(),
        block: None,
        text: t(id),
        required,
        kind,
    };
    let block = Some(QuestionBlock {
        id: "b".into(),
        label: t("block"),
    });
    let steps = QuestionKind::Ordinal {
        steps: vec![t("worst"), t("bad"), t("good"), t("best")],
    };
    Survey {
        id: 1,
        title: t("title"),
        intro: t("intro"),
        estimated_minutes: 3,
        questions: vec![
            q(
                "q1",
                true,
                QuestionKind::SingleChoice {
                    options: vec![option("ours", None), option("other", Some("q4"))],
                },
            ),
            Question {
                block: block.clone(),
                ..q("b1", true, steps.clone())
            },
            Question {
                block,
                ..q("b2", false, steps)
            },
            q(
                "q4",
                true,
                QuestionKind::MultipleChoice {
                    options: vec![option("a", None), option("b", None), option("c", None)],
                    max_choices: Some(2),
                },
            ),
            q("q5", true, QuestionKind::Rating),
            q("q6", true, QuestionKind::Nps),
            q("q7", false, QuestionKind::FreeText { max_chars: 10 }),
        ],
    }
}
