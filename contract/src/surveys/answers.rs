//! Answers and the rules over them: the path through a survey, each answer's check, a
//! submission's check, progress.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Question, QuestionKind, Survey, NPS_MAX, RATING_MAX, RATING_MIN};
use crate::community::{checked_text, TextProblem};
use crate::names::named_enum;

/// One answer; `type` says which kind of question it answers and `value` holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// A single choice: the option's id.
    Choice(String),
    /// A multiple choice: the options' ids, each once.
    Choices(Vec<String>),
    /// An ordinal scale: the step's index from 0 (worst).
    Step(#[serde(deserialize_with = "crate::integer::whole")] u8),
    /// A rating, 1-5.
    Rating(#[serde(deserialize_with = "crate::integer::whole")] u8),
    /// An NPS score, 0-10.
    Nps(#[serde(deserialize_with = "crate::integer::whole")] u8),
    /// Free text, 1 to the question's `max_chars` characters once trimmed.
    Text(String),
}

super::object::object_only!(Answer);

/// Answers keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

named_enum! {
    /// Why an answer is refused.
    pub enum AnswerProblem {
        /// The survey has no question with this id.
        UnknownQuestion,
        /// The answer's `type` does not fit the question's kind.
        WrongType,
        /// A choice names an option the question does not have.
        UnknownOption,
        /// A multiple choice names an option twice.
        RepeatedOption,
        /// A multiple choice with no option (leave the answer out instead).
        NoChoice,
        /// More options than the question's `max_choices`.
        TooManyChoices,
        /// A step, rating or score outside the question's range.
        OutOfRange,
        /// Text that is empty once trimmed (leave the answer out instead).
        Blank,
        /// Text longer than the question's `max_chars`.
        TooLong,
        /// Text with a control character other than line breaks and tabs.
        ControlCharacter,
        /// A required question on the path has no answer (submit only).
        Missing,
        /// An answer to a question the path skips (submit only; the server drops those
        /// before checking).
        Skipped,
    }
}

/// A question's problem, in the `answer_invalid` error's `details.problems`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionProblem {
    pub question_id: String,
    pub problem: AnswerProblem,
}

impl QuestionProblem {
    pub fn new(question_id: impl Into<String>, problem: AnswerProblem) -> Self {
        Self {
            question_id: question_id.into(),
            problem,
        }
    }
}

/// The questions asked, in order, given the answers so far: a single choice whose chosen
/// option has `skip_to` jumps forward to that question. Answers to the questions jumped
/// over do not change the path.
pub fn visible_questions<'s>(survey: &'s Survey, answers: &Answers) -> Vec<&'s Question> {
    let mut path = Vec::new();
    let mut i = 0;
    while let Some(q) = survey.questions.get(i) {
        path.push(q);
        i = skip_from(survey, i, q, answers).unwrap_or(i + 1);
    }
    path
}

/// Where the answer to question `i` jumps to, if it does.
fn skip_from(survey: &Survey, i: usize, q: &Question, answers: &Answers) -> Option<usize> {
    let QuestionKind::SingleChoice { options } = &q.kind else {
        return None;
    };
    let Some(Answer::Choice(chosen)) = answers.get(&q.id) else {
        return None;
    };
    let target = options
        .iter()
        .find(|o| &o.id == chosen)?
        .skip_to
        .as_deref()?;
    survey.skip_target(i, target)
}

/// The answer as it is kept (text trimmed), or why it does not fit the question.
pub fn checked_answer(question: &Question, answer: &Answer) -> Result<Answer, AnswerProblem> {
    use AnswerProblem::*;
    let known = |options: &[super::ChoiceOption], id: &str| options.iter().any(|o| o.id == id);
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Choice(id)) => {
            if !known(options, id) {
                return Err(UnknownOption);
            }
        }
        (
            QuestionKind::MultipleChoice {
                options,
                max_choices,
            },
            Answer::Choices(ids),
        ) => {
            if ids.is_empty() {
                return Err(NoChoice);
            }
            if ids.iter().any(|id| !known(options, id)) {
                return Err(UnknownOption);
            }
            if ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id)) {
                return Err(RepeatedOption);
            }
            if max_choices.is_some_and(|max| ids.len() > max as usize) {
                return Err(TooManyChoices);
            }
        }
        (QuestionKind::Ordinal { steps }, Answer::Step(step)) => {
            if usize::from(*step) >= steps.len() {
                return Err(OutOfRange);
            }
        }
        (QuestionKind::Rating, Answer::Rating(r)) => {
            if !(RATING_MIN..=RATING_MAX).contains(r) {
                return Err(OutOfRange);
            }
        }
        (QuestionKind::Nps, Answer::Nps(score)) => {
            if *score > NPS_MAX {
                return Err(OutOfRange);
            }
        }
        (QuestionKind::FreeText { max_chars }, Answer::Text(text)) => {
            return checked_text(text, 1, *max_chars as usize, true)
                .map(Answer::Text)
                .map_err(|p| match p {
                    TextProblem::TooShort => Blank,
                    TextProblem::TooLong => TooLong,
                    TextProblem::ControlCharacter => ControlCharacter,
                });
        }
        _ => return Err(WrongType),
    }
    Ok(answer.clone())
}

/// Whether an answer fits its question: the type fits the kind, steps, ratings and scores
/// are in range, options exist (each once, at most `max_choices`), text is 1 to
/// `max_chars` characters once trimmed with no control character but line breaks and tabs.
pub fn validate_answer(question: &Question, answer: &Answer) -> Result<(), AnswerProblem> {
    checked_answer(question, answer).map(|_| ())
}

/// Saved answers as kept: each checked on its own ([`checked_answer`], text trimmed);
/// answers to questions the path skips are kept too. Every problem, in survey order, then
/// unknown questions.
pub fn checked_answers(
    survey: &Survey,
    answers: &Answers,
) -> Result<Answers, Vec<QuestionProblem>> {
    let mut kept = Answers::new();
    let mut problems = Vec::new();
    for q in &survey.questions {
        if let Some(a) = answers.get(&q.id) {
            match checked_answer(q, a) {
                Ok(a) => {
                    kept.insert(q.id.clone(), a);
                }
                Err(p) => problems.push(QuestionProblem::new(&q.id, p)),
            }
        }
    }
    for id in answers.keys() {
        if survey.question(id).is_none() {
            problems.push(QuestionProblem::new(id, AnswerProblem::UnknownQuestion));
        }
    }
    if problems.is_empty() {
        Ok(kept)
    } else {
        Err(problems)
    }
}

/// The answers without those to questions the path skips (answers to unknown questions
/// stay, for [`validate_submission`] to refuse).
pub fn without_skipped(survey: &Survey, answers: &Answers) -> Answers {
    let path = visible_questions(survey, answers);
    answers
        .iter()
        .filter(|(id, _)| path.iter().any(|q| &q.id == *id) || survey.question(id).is_none())
        .map(|(id, a)| (id.clone(), a.clone()))
        .collect()
}

/// Whether answers may be submitted: every required question on the path answered, each
/// answer valid, none to a skipped or unknown question. Every problem, in survey order,
/// then unknown questions.
pub fn validate_submission(survey: &Survey, answers: &Answers) -> Result<(), Vec<QuestionProblem>> {
    let path = visible_questions(survey, answers);
    let mut problems = Vec::new();
    for q in &survey.questions {
        let on_path = path.iter().any(|p| p.id == q.id);
        let problem = match (answers.get(&q.id), on_path) {
            (Some(_), false) => Some(AnswerProblem::Skipped),
            (Some(a), true) => validate_answer(q, a).err(),
            (None, true) if q.required => Some(AnswerProblem::Missing),
            (None, _) => None,
        };
        if let Some(p) = problem {
            problems.push(QuestionProblem::new(&q.id, p));
        }
    }
    for id in answers.keys() {
        if survey.question(id).is_none() {
            problems.push(QuestionProblem::new(id, AnswerProblem::UnknownQuestion));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// How far along: (questions on the path with an answer, questions on the path).
pub fn progress(survey: &Survey, answers: &Answers) -> (u32, u32) {
    let path = visible_questions(survey, answers);
    let answered = path.iter().filter(|q| answers.contains_key(&q.id)).count();
    (answered as u32, path.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::super::test_survey;
    use super::*;
    use AnswerProblem::*;

    fn answers(list: &[(&str, Answer)]) -> Answers {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }
    fn choice(id: &str) -> Answer {
        Answer::Choice(id.into())
    }
    fn choices(ids: &[&str]) -> Answer {
        Answer::Choices(ids.iter().map(|s| s.to_string()).collect())
    }
    fn ids(path: Vec<&Question>) -> Vec<&str> {
        path.into_iter().map(|q| q.id.as_str()).collect()
    }
    fn problem(q: &str, p: AnswerProblem) -> QuestionProblem {
        QuestionProblem::new(q, p)
    }
    /// A complete submission for the `ours` path.
    fn complete() -> Answers {
        answers(&[
            ("q1", choice("ours")),
            ("b1", Answer::Step(3)),
            ("q4", choices(&["a"])),
            ("q5", Answer::Rating(4)),
            ("q6", Answer::Nps(9)),
        ])
    }

    #[test]
    fn answers_travel_as_type_and_value() {
        let json = |a: &Answer| serde_json::to_string(a).unwrap();
        assert_eq!(json(&choice("ours")), r#"{"type":"choice","value":"ours"}"#);
        assert_eq!(
            json(&choices(&["a", "b"])),
            r#"{"type":"choices","value":["a","b"]}"#
        );
        assert_eq!(json(&Answer::Step(0)), r#"{"type":"step","value":0}"#);
        assert_eq!(json(&Answer::Rating(5)), r#"{"type":"rating","value":5}"#);
        assert_eq!(json(&Answer::Nps(10)), r#"{"type":"nps","value":10}"#);
        assert_eq!(
            json(&Answer::Text("好".into())),
            r#"{"type":"text","value":"好"}"#
        );
        let whole: Answer = serde_json::from_str(r#"{"type":"nps","value":7.0}"#).unwrap();
        assert_eq!(whole, Answer::Nps(7));
        assert!(serde_json::from_str::<Answer>(r#"{"type":"nps","value":256}"#).is_err());
        assert!(serde_json::from_str::<Answer>(r#"{"type":"nps","value":-1}"#).is_err());
    }

    #[test]
    fn the_path_skips_the_block_for_another_operator() {
        let s = test_survey();
        let all = ["q1", "b1", "b2", "q4", "q5", "q6", "q7"];
        assert_eq!(ids(visible_questions(&s, &Answers::new())), all);
        assert_eq!(
            ids(visible_questions(&s, &answers(&[("q1", choice("ours"))]))),
            all
        );
        assert_eq!(
            ids(visible_questions(&s, &answers(&[("q1", choice("other"))]))),
            ["q1", "q4", "q5", "q6", "q7"]
        );
        // Answers inside the skipped block change nothing; an unknown option skips nothing.
        let skipped = answers(&[("q1", choice("other")), ("b1", Answer::Step(1))]);
        assert_eq!(
            ids(visible_questions(&s, &skipped)),
            ["q1", "q4", "q5", "q6", "q7"]
        );
        assert_eq!(
            ids(visible_questions(&s, &answers(&[("q1", choice("x"))]))),
            all
        );
        // A wrong type for the opening question skips nothing either.
        assert_eq!(
            ids(visible_questions(&s, &answers(&[("q1", Answer::Nps(1))]))),
            all
        );
    }

    #[test]
    fn each_answer_is_checked_against_its_question() {
        let s = test_survey();
        let q = |id: &str| s.question(id).unwrap();
        assert_eq!(validate_answer(q("q1"), &choice("ours")), Ok(()));
        assert_eq!(
            validate_answer(q("q1"), &choice("mars")),
            Err(UnknownOption)
        );
        assert_eq!(
            validate_answer(q("q1"), &choices(&["ours"])),
            Err(WrongType)
        );
        assert_eq!(validate_answer(q("b1"), &Answer::Step(0)), Ok(()));
        assert_eq!(validate_answer(q("b1"), &Answer::Step(3)), Ok(()));
        assert_eq!(validate_answer(q("b1"), &Answer::Step(4)), Err(OutOfRange));
        assert_eq!(validate_answer(q("b1"), &Answer::Rating(3)), Err(WrongType));
        assert_eq!(
            validate_answer(q("q5"), &Answer::Rating(0)),
            Err(OutOfRange)
        );
        assert_eq!(validate_answer(q("q5"), &Answer::Rating(1)), Ok(()));
        assert_eq!(validate_answer(q("q5"), &Answer::Rating(5)), Ok(()));
        assert_eq!(
            validate_answer(q("q5"), &Answer::Rating(6)),
            Err(OutOfRange)
        );
        assert_eq!(validate_answer(q("q5"), &Answer::Nps(5)), Err(WrongType));
        assert_eq!(validate_answer(q("q6"), &Answer::Nps(0)), Ok(()));
        assert_eq!(validate_answer(q("q6"), &Answer::Nps(10)), Ok(()));
        assert_eq!(validate_answer(q("q6"), &Answer::Nps(11)), Err(OutOfRange));
        assert_eq!(validate_answer(q("q7"), &Answer::Step(1)), Err(WrongType));
    }

    #[test]
    fn a_multiple_choice_names_known_options_once_up_to_its_maximum() {
        let s = test_survey();
        let q = s.question("q4").unwrap();
        assert_eq!(validate_answer(q, &choices(&["a", "c"])), Ok(()));
        assert_eq!(validate_answer(q, &choices(&["c"])), Ok(()));
        assert_eq!(validate_answer(q, &choices(&[])), Err(NoChoice));
        assert_eq!(
            validate_answer(q, &choices(&["a", "z"])),
            Err(UnknownOption)
        );
        assert_eq!(
            validate_answer(q, &choices(&["a", "a"])),
            Err(RepeatedOption)
        );
        assert_eq!(
            validate_answer(q, &choices(&["a", "b", "c"])),
            Err(TooManyChoices)
        );
        assert_eq!(validate_answer(q, &choice("a")), Err(WrongType));
        // Without a maximum, every option may be chosen.
        let mut open = q.clone();
        if let QuestionKind::MultipleChoice { max_choices, .. } = &mut open.kind {
            *max_choices = None;
        }
        assert_eq!(validate_answer(&open, &choices(&["a", "b", "c"])), Ok(()));
    }

    #[test]
    fn free_text_is_1_to_max_chars_once_trimmed_and_kept_trimmed() {
        let s = test_survey();
        let q = s.question("q7").unwrap();
        let text = |t: &str| Answer::Text(t.into());
        assert_eq!(checked_answer(q, &text("  很好\n ")), Ok(text("很好")));
        assert_eq!(
            checked_answer(q, &text(&"字".repeat(10))),
            Ok(text(&"字".repeat(10)))
        );
        assert_eq!(
            checked_answer(q, &text(&format!(" {} ", "字".repeat(10)))),
            Ok(text(&"字".repeat(10)))
        );
        assert_eq!(validate_answer(q, &text(&"字".repeat(11))), Err(TooLong));
        assert_eq!(validate_answer(q, &text(" \n\u{3000}")), Err(Blank));
        assert_eq!(validate_answer(q, &text("a\nb\tc")), Ok(()));
        assert_eq!(validate_answer(q, &text("a\u{0}b")), Err(ControlCharacter));
        // Other kinds come back unchanged.
        assert_eq!(
            checked_answer(s.question("q6").unwrap(), &Answer::Nps(3)),
            Ok(Answer::Nps(3))
        );
    }

    #[test]
    fn saving_checks_each_answer_and_keeps_skipped_ones() {
        let s = test_survey();
        let sent = answers(&[
            ("q1", choice("other")),
            ("b1", Answer::Step(2)),
            ("q7", Answer::Text(" 好 ".into())),
        ]);
        let kept = checked_answers(&s, &sent).unwrap();
        assert_eq!(kept["b1"], Answer::Step(2));
        assert_eq!(kept["q7"], Answer::Text("好".into()));
        assert_eq!(checked_answers(&s, &Answers::new()), Ok(Answers::new()));
        let bad = answers(&[
            ("zz", choice("a")),
            ("q6", Answer::Nps(11)),
            ("q5", Answer::Rating(0)),
            ("q1", choice("ours")),
        ]);
        assert_eq!(
            checked_answers(&s, &bad),
            Err(vec![
                problem("q5", OutOfRange),
                problem("q6", OutOfRange),
                problem("zz", UnknownQuestion),
            ])
        );
    }

    #[test]
    fn a_submission_answers_every_required_question_on_the_path() {
        let s = test_survey();
        assert_eq!(validate_submission(&s, &complete()), Ok(()));
        let mut missing = complete();
        missing.remove("b1");
        missing.remove("q6");
        assert_eq!(
            validate_submission(&s, &missing),
            Err(vec![problem("b1", Missing), problem("q6", Missing)])
        );
        // Optional questions may be left out; an empty submission lists every required one.
        assert_eq!(
            validate_submission(&s, &Answers::new()),
            Err(["q1", "b1", "q4", "q5", "q6"]
                .map(|q| problem(q, Missing))
                .to_vec())
        );
    }

    #[test]
    fn another_operator_skips_the_block_and_may_not_answer_it() {
        let s = test_survey();
        let mut other = complete();
        other.insert("q1".into(), choice("other"));
        other.remove("b1");
        assert_eq!(validate_submission(&s, &other), Ok(()));
        other.insert("b2".into(), Answer::Step(1));
        assert_eq!(
            validate_submission(&s, &other),
            Err(vec![problem("b2", Skipped)])
        );
        // The server drops them first.
        let dropped = without_skipped(&s, &other);
        assert!(!dropped.contains_key("b2"));
        assert_eq!(dropped.len(), 4);
        assert_eq!(validate_submission(&s, &dropped), Ok(()));
        // `without_skipped` keeps answers on the path and to unknown questions.
        let mut unknown = complete();
        unknown.insert("zz".into(), Answer::Nps(1));
        assert_eq!(without_skipped(&s, &unknown), unknown);
        assert_eq!(
            validate_submission(&s, &unknown),
            Err(vec![problem("zz", UnknownQuestion)])
        );
    }

    #[test]
    fn a_submission_lists_every_invalid_answer() {
        let s = test_survey();
        let mut bad = complete();
        bad.insert("q5".into(), Answer::Rating(6));
        bad.insert("q7".into(), Answer::Text("".into()));
        assert_eq!(
            validate_submission(&s, &bad),
            Err(vec![problem("q5", OutOfRange), problem("q7", Blank)])
        );
    }

    #[test]
    fn progress_counts_answered_questions_on_the_path() {
        let s = test_survey();
        assert_eq!(progress(&s, &Answers::new()), (0, 7));
        assert_eq!(progress(&s, &answers(&[("q1", choice("ours"))])), (1, 7));
        assert_eq!(progress(&s, &answers(&[("q1", choice("other"))])), (1, 5));
        // A skipped answer does not count.
        let skipped = answers(&[("q1", choice("other")), ("b1", Answer::Step(0))]);
        assert_eq!(progress(&s, &skipped), (1, 5));
        assert_eq!(progress(&s, &complete()), (5, 7));
        assert_eq!(
            super::super::Progress::of(&s, &skipped),
            super::super::Progress {
                answered: 1,
                total: 5
            }
        );
    }

    #[test]
    fn problems_travel_as_snake_case() {
        for &p in AnswerProblem::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
        assert_eq!(UnknownQuestion.as_str(), "unknown_question");
        assert_eq!(TooManyChoices.as_str(), "too_many_choices");
    }
}
