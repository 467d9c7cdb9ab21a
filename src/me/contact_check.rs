//! What is wrong with a family contact as typed, by the contract's own rules (the backend
//! checks the same), so each problem is said beside its field before anything is sent.

use care_contract::community::TextProblem;
use care_contract::me::{contact_name, contact_phone, CONTACT_NAME_MAX_CHARS};

use super::texts::Texts;

/// A field's problem, or none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactProblems {
    pub name: Option<NameProblem>,
    pub phone: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong,
    NotOneLine,
}

/// The name and number as they would be kept, or what is wrong with them.
pub fn check(name: &str, phone: &str) -> Result<(String, String), ContactProblems> {
    let name = contact_name(name).map_err(|problem| match problem {
        TextProblem::TooShort => NameProblem::Missing,
        TextProblem::TooLong => NameProblem::TooLong,
        _ => NameProblem::NotOneLine,
    });
    let phone = contact_phone(phone);
    match (name, phone) {
        (Ok(name), Ok(phone)) => Ok((name, phone)),
        (name, phone) => Err(ContactProblems {
            name: name.err(),
            phone: phone.is_err(),
        }),
    }
}

/// A name's problem in words.
pub fn name_problem_text(problem: NameProblem, t: &'static Texts) -> String {
    match problem {
        NameProblem::Missing => t.family_name_missing.to_owned(),
        NameProblem::TooLong => t.family_name_too_long(CONTACT_NAME_MAX_CHARS as i64),
        NameProblem::NotOneLine => t.family_name_invalid.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, MeTexts, TextBundle};

    #[test]
    fn a_good_contact_is_kept_trimmed_and_as_digits() {
        assert_eq!(
            check(" 女儿 ", "137 0013 7000"),
            Ok(("女儿".to_owned(), "13700137000".to_owned()))
        );
        assert_eq!(
            check("家里座机", "010-8888 6666"),
            Ok(("家里座机".to_owned(), "01088886666".to_owned()))
        );
    }

    #[test]
    fn each_field_says_its_own_problem() {
        let problems = check("  ", "12345").unwrap_err();
        assert_eq!(problems.name, Some(NameProblem::Missing));
        assert!(problems.phone);
        let problems = check(&"儿".repeat(21), "13700137000").unwrap_err();
        assert_eq!(
            problems,
            ContactProblems {
                name: Some(NameProblem::TooLong),
                phone: false
            }
        );
        assert!(check("女儿", "88886666").unwrap_err().name.is_none());
    }

    #[test]
    fn name_problems_have_words_in_both_languages() {
        assert_eq!(
            name_problem_text(NameProblem::TooLong, MeTexts::of(Locale::ZhCn)),
            "称呼最多 20 个字"
        );
        assert_eq!(
            name_problem_text(NameProblem::TooLong, MeTexts::of(Locale::En)),
            "A name is at most 20 characters"
        );
    }
}
