//! Mainland mobile numbers: normalizing what people type, and masking for display.

use std::fmt;

/// Digits in a mainland mobile number.
pub const MOBILE_DIGITS: usize = 11;

/// Why a typed phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    /// Not 11 digits after removing spaces, dashes and a +86 prefix.
    WrongLength,
    /// 11 digits, but not starting 13-19 as mainland mobile numbers do.
    NotMobile,
    /// Letters or symbols other than spaces, dashes and a leading +86.
    NotDigits,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PhoneError::Empty => "phone number is empty",
            PhoneError::WrongLength => "phone number must have 11 digits",
            PhoneError::NotMobile => "not a mainland mobile number",
            PhoneError::NotDigits => "phone number may contain only digits",
        })
    }
}

/// Turns what a person typed ("138 0013 8000", "+86-13800138000") into the 11 digits.
pub fn normalize_phone(input: &str) -> Result<String, PhoneError> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if compact.is_empty() {
        return Err(PhoneError::Empty);
    }
    let digits = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
        .unwrap_or(&compact);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PhoneError::NotDigits);
    }
    if digits.len() != MOBILE_DIGITS {
        return Err(PhoneError::WrongLength);
    }
    let b = digits.as_bytes();
    if b[0] != b'1' || !(b'3'..=b'9').contains(&b[1]) {
        return Err(PhoneError::NotMobile);
    }
    Ok(digits.to_owned())
}

/// Masks a phone number for display: 13800138000 -> 138****8000. Anything that is not an
/// 11-digit number shows as four stars and, if it has at least six characters, its last
/// two, so a malformed value can never leak in full.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() == MOBILE_DIGITS && chars.iter().all(char::is_ascii_digit) {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[7..].iter().collect();
        return format!("{head}****{tail}");
    }
    if chars.len() >= 6 {
        let tail: String = chars[chars.len() - 2..].iter().collect();
        format!("****{tail}")
    } else {
        "****".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_the_middle_four_digits() {
        assert_eq!(mask_phone("13800138000"), "138****8000");
    }

    #[test]
    fn masks_malformed_values_almost_entirely() {
        assert_eq!(mask_phone("12345"), "****");
        assert_eq!(mask_phone(""), "****");
        assert_eq!(mask_phone("138001380001"), "****01");
        assert_eq!(mask_phone("1380013800a"), "****0a");
    }

    #[test]
    fn a_malformed_value_shows_its_last_two_only_from_six_characters() {
        assert_eq!(mask_phone("12345"), "****");
        assert_eq!(mask_phone("123456"), "****56");
        // Characters, not bytes: six Chinese characters are eighteen bytes.
        assert_eq!(mask_phone("一二三四五"), "****");
        assert_eq!(mask_phone("一二三四五六"), "****五六");
    }

    #[test]
    fn normalizes_spaces_dashes_and_country_code() {
        assert_eq!(normalize_phone(" 138 0013 8000 ").unwrap(), "13800138000");
        assert_eq!(normalize_phone("+86-138-0013-8000").unwrap(), "13800138000");
        assert_eq!(normalize_phone("008613800138000").unwrap(), "13800138000");
    }

    #[test]
    fn refuses_what_is_not_a_mobile_number() {
        assert_eq!(normalize_phone("   "), Err(PhoneError::Empty));
        assert_eq!(normalize_phone("1380013800"), Err(PhoneError::WrongLength));
        assert_eq!(normalize_phone("12800138000"), Err(PhoneError::NotMobile));
        assert_eq!(normalize_phone("23800138000"), Err(PhoneError::NotMobile));
        assert_eq!(normalize_phone("138a0138000"), Err(PhoneError::NotDigits));
    }

    #[test]
    fn each_refusal_says_in_words_what_is_wrong_with_the_number() {
        // The server sends this text as the `message` of `invalid_phone`.
        let all = [
            PhoneError::Empty,
            PhoneError::WrongLength,
            PhoneError::NotMobile,
            PhoneError::NotDigits,
        ];
        let messages: Vec<String> = all.iter().map(ToString::to_string).collect();
        for (error, message) in all.iter().zip(&messages) {
            assert!(
                message.contains("phone") || message.contains("mobile"),
                "{error:?}"
            );
        }
        assert!(messages[1].contains("11 digits"));
        let mut distinct = messages.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), all.len(), "{messages:?}");
    }
}
