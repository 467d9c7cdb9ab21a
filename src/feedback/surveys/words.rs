//! The surveys' words for why an answer cannot go yet. Pure, so tested here.

use care_contract::surveys::AnswerProblem;

use crate::feedback::texts::Texts;

pub fn problem_text(problem: AnswerProblem, t: &'static Texts) -> &'static str {
    match problem {
        AnswerProblem::Missing | AnswerProblem::NoChoice | AnswerProblem::Blank => {
            t.survey_needs_answer
        }
        AnswerProblem::TooManyChoices => t.survey_too_many_choices,
        AnswerProblem::TooLong => t.survey_too_long,
        AnswerProblem::ControlCharacter => t.survey_control_character,
        AnswerProblem::UnknownQuestion
        | AnswerProblem::WrongType
        | AnswerProblem::UnknownOption
        | AnswerProblem::RepeatedOption
        | AnswerProblem::OutOfRange
        | AnswerProblem::Skipped => t.survey_answer_again,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::texts::of;
    use crate::i18n::Locale;

    #[test]
    fn every_problem_reads_in_both_languages() {
        for locale in [Locale::ZhCn, Locale::En] {
            for &problem in AnswerProblem::ALL {
                assert!(!problem_text(problem, of(locale)).is_empty(), "{problem:?}");
            }
        }
        assert_eq!(
            problem_text(AnswerProblem::Missing, of(Locale::ZhCn)),
            "请先回答这一题"
        );
        assert_eq!(
            problem_text(AnswerProblem::TooLong, of(Locale::En)),
            "That is longer than this question takes: please shorten it"
        );
    }
}
