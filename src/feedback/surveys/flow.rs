//! Moving through a survey one question at a time: where to start or resume, what comes
//! next and before on the path (the contract's `visible_questions`, so a skip changes the
//! way forward at once), and whether the current question lets the subscriber on. Pure,
//! so tested here; the page only draws it.

use care_contract::surveys::{
    checked_answer, visible_questions, Answer, AnswerProblem, Answers, Question, Survey,
};
use serde::{Deserialize, Serialize};

/// Where the subscriber is: a question, or the last screen that sends the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Question(String),
    Review,
}

/// What the device keeps of a survey in progress (the server keeps the answers too).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyDraft {
    pub answers: Answers,
    pub step: Option<Step>,
}

/// The answers to start from: what this device kept, else what the server saved. The
/// device's are never older: every step saved them before the server was asked.
pub fn starting_answers(kept: Option<&SurveyDraft>, saved: Option<&Answers>) -> Answers {
    match (kept, saved) {
        (Some(kept), _) if !kept.answers.is_empty() => kept.answers.clone(),
        (_, Some(saved)) => saved.clone(),
        _ => Answers::new(),
    }
}

/// Where to resume: the step the device kept if it is still on the path, else the first
/// question on the path without an answer, else the review.
pub fn resume_step(survey: &Survey, answers: &Answers, kept: Option<&Step>) -> Step {
    let path = visible_questions(survey, answers);
    match kept {
        Some(Step::Review) => return Step::Review,
        Some(Step::Question(id)) if path.iter().any(|q| &q.id == id) => {
            return Step::Question(id.clone())
        }
        _ => {}
    }
    path.iter()
        .find(|q| !answers.contains_key(&q.id))
        .map_or(Step::Review, |q| Step::Question(q.id.clone()))
}

/// The step after `id` on the path the answers make now.
pub fn next_step(survey: &Survey, answers: &Answers, id: &str) -> Step {
    let path = visible_questions(survey, answers);
    let here = path.iter().position(|q| q.id == id);
    match here.and_then(|i| path.get(i + 1)) {
        Some(next) => Step::Question(next.id.clone()),
        None => Step::Review,
    }
}

/// The step before `step` on the path, or none at the first question.
pub fn previous_step(survey: &Survey, answers: &Answers, step: &Step) -> Option<Step> {
    let path = visible_questions(survey, answers);
    let i = match step {
        Step::Review => path.len(),
        Step::Question(id) => path.iter().position(|q| &q.id == id)?,
    };
    i.checked_sub(1)
        .and_then(|i| path.get(i))
        .map(|q| Step::Question(q.id.clone()))
}

/// Whether the subscriber may go on from `question`: its answer fits it, or there is
/// none and the question is optional.
pub fn may_go_on(question: &Question, answer: Option<&Answer>) -> Result<(), AnswerProblem> {
    match answer {
        Some(answer) => checked_answer(question, answer).map(drop),
        None if question.required => Err(AnswerProblem::Missing),
        None => Ok(()),
    }
}

/// "Question 3 of 14": the position on the path and its length.
pub fn position(survey: &Survey, answers: &Answers, id: &str) -> (usize, usize) {
    let path = visible_questions(survey, answers);
    let at = path.iter().position(|q| q.id == id).map_or(0, |i| i + 1);
    (at, path.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::surveys::{ChoiceOption, LocalizedText, QuestionKind};

    fn text(s: &str) -> LocalizedText {
        LocalizedText::new(s, s)
    }

    fn option(id: &str, skip_to: Option<&str>) -> ChoiceOption {
        ChoiceOption {
            id: id.into(),
            label: text(id),
            skip_to: skip_to.map(Into::into),
        }
    }

    fn question(id: &str, required: bool, kind: QuestionKind) -> Question {
        Question {
            id: id.into(),
            block: None,
            text: text(id),
            required,
            kind,
        }
    }

    /// Which operator (others skip the block q2–q3), then q4 optional text.
    fn survey() -> Survey {
        Survey {
            id: 1,
            title: text("s"),
            intro: text("i"),
            estimated_minutes: 3,
            questions: vec![
                question(
                    "q1",
                    true,
                    QuestionKind::SingleChoice {
                        options: vec![option("ours", None), option("other", Some("q4"))],
                    },
                ),
                question("q2", true, QuestionKind::Rating),
                question(
                    "q3",
                    true,
                    QuestionKind::Ordinal {
                        steps: vec![text("bad"), text("poor"), text("good"), text("great")],
                    },
                ),
                question("q4", false, QuestionKind::FreeText { max_chars: 10 }),
            ],
        }
    }

    fn answers(list: &[(&str, Answer)]) -> Answers {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn a_skip_changes_the_way_forward_and_back() {
        let s = survey();
        let ours = answers(&[("q1", Answer::Choice("ours".into()))]);
        let other = answers(&[("q1", Answer::Choice("other".into()))]);
        assert_eq!(next_step(&s, &ours, "q1"), Step::Question("q2".into()));
        assert_eq!(next_step(&s, &other, "q1"), Step::Question("q4".into()));
        assert_eq!(
            previous_step(&s, &other, &Step::Question("q4".into())),
            Some(Step::Question("q1".into()))
        );
        assert_eq!(
            previous_step(&s, &ours, &Step::Question("q4".into())),
            Some(Step::Question("q3".into()))
        );
        assert_eq!(next_step(&s, &other, "q4"), Step::Review);
        assert_eq!(
            previous_step(&s, &other, &Step::Review),
            Some(Step::Question("q4".into()))
        );
        assert_eq!(
            previous_step(&s, &other, &Step::Question("q1".into())),
            None
        );
        assert_eq!(position(&s, &other, "q4"), (2, 2));
        assert_eq!(position(&s, &ours, "q4"), (4, 4));
    }

    #[test]
    fn resuming_goes_to_the_kept_step_or_the_first_unanswered_question() {
        let s = survey();
        let some = answers(&[
            ("q1", Answer::Choice("ours".into())),
            ("q2", Answer::Rating(4)),
        ]);
        assert_eq!(resume_step(&s, &some, None), Step::Question("q3".into()));
        assert_eq!(
            resume_step(&s, &some, Some(&Step::Question("q2".into()))),
            Step::Question("q2".into())
        );
        // A kept step the path now skips is not resumed.
        let other = answers(&[("q1", Answer::Choice("other".into()))]);
        assert_eq!(
            resume_step(&s, &other, Some(&Step::Question("q3".into()))),
            Step::Question("q4".into())
        );
        let all = answers(&[
            ("q1", Answer::Choice("other".into())),
            ("q4", Answer::Text("ok".into())),
        ]);
        assert_eq!(resume_step(&s, &all, None), Step::Review);
    }

    #[test]
    fn the_devices_answers_win_over_the_servers_unless_it_has_none() {
        let device = SurveyDraft {
            answers: answers(&[("q2", Answer::Rating(5))]),
            step: None,
        };
        let server = answers(&[("q2", Answer::Rating(1))]);
        assert_eq!(
            starting_answers(Some(&device), Some(&server)),
            device.answers
        );
        assert_eq!(
            starting_answers(Some(&SurveyDraft::default()), Some(&server)),
            server
        );
        assert_eq!(starting_answers(None, None), Answers::new());
    }

    #[test]
    fn a_required_question_needs_a_fitting_answer_an_optional_one_may_be_left() {
        let s = survey();
        assert_eq!(
            may_go_on(&s.questions[1], None),
            Err(AnswerProblem::Missing)
        );
        assert_eq!(
            may_go_on(&s.questions[1], Some(&Answer::Rating(6))),
            Err(AnswerProblem::OutOfRange)
        );
        assert_eq!(may_go_on(&s.questions[1], Some(&Answer::Rating(5))), Ok(()));
        assert_eq!(may_go_on(&s.questions[3], None), Ok(()));
        assert_eq!(
            may_go_on(&s.questions[3], Some(&Answer::Text("x".repeat(11)))),
            Err(AnswerProblem::TooLong)
        );
    }
}
