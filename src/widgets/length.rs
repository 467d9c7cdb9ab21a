//! How long a title, a body or a reply may be, counted the way the backend counts: in
//! characters, once trimmed. The form says what is wrong beside the field, before sending.

/// What is wrong with a text's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthProblem {
    Empty,
    TooShort { min: usize },
    TooLong { max: usize },
}

/// Characters the backend counts.
pub fn counted(text: &str) -> usize {
    text.trim().chars().count()
}

pub fn check_length(text: &str, min: usize, max: usize) -> Result<(), LengthProblem> {
    match counted(text) {
        0 => Err(LengthProblem::Empty),
        n if n < min => Err(LengthProblem::TooShort { min }),
        n if n > max => Err(LengthProblem::TooLong { max }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::community::{REPLY_MAX_CHARS, REPLY_MIN_CHARS};

    #[test]
    fn lengths_are_characters_once_trimmed_at_the_contracts_limits() {
        let check = |s: &str| check_length(s, REPLY_MIN_CHARS, REPLY_MAX_CHARS);
        assert_eq!(check("   "), Err(LengthProblem::Empty));
        assert_eq!(check(" 好 "), Err(LengthProblem::TooShort { min: 2 }));
        assert_eq!(check("好的"), Ok(()));
        assert_eq!(check(&"字".repeat(REPLY_MAX_CHARS)), Ok(()));
        assert_eq!(
            check(&"字".repeat(REPLY_MAX_CHARS + 1)),
            Err(LengthProblem::TooLong { max: 2000 })
        );
        assert_eq!(counted("\n 你好 \n"), 2);
    }
}
