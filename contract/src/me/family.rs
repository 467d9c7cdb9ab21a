//! Family contacts (亲情号): whom the subscriber calls with one tap. A name is what the
//! subscriber calls them (女儿), 1-20 characters once trimmed; a number is a mainland mobile
//! or a fixed line with its area code (parents and grandparents often have a home line),
//! kept as digits only so it dials as it is.

use serde::{Deserialize, Serialize};

use crate::community::{checked_text, TextProblem};
use crate::phone::{normalize_phone, PhoneError};
use crate::profile::FamilyContact;

/// A contact's name, in characters once trimmed.
pub const CONTACT_NAME_MAX_CHARS: usize = 20;
/// How many contacts a subscriber may keep unless the operator says otherwise.
pub const DEFAULT_MAX_FAMILY_CONTACTS: u32 = 5;

/// A contact's name as kept: trimmed, 1-20 characters, one line.
pub fn contact_name(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, 1, CONTACT_NAME_MAX_CHARS, false)
}

/// A number as typed ("137 0013 7000", "+86 13700137000", "010-8888 6666") as the digits
/// kept: a mobile number (`normalize_phone`), or a fixed line: 0, then an area code and
/// local number of 11 digits in all (010 and 02x with 8 digits) or 11-12 (03xx-09xx with
/// 7 or 8). `pattern::contact_phone_input` is the same rule for the OpenAPI document.
pub fn contact_phone(raw: &str) -> Result<String, PhoneError> {
    let mobile = normalize_phone(raw);
    if mobile.is_ok() {
        return mobile;
    }
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let b = compact.as_bytes();
    if b.len() < 2 || b[0] != b'0' || !compact.bytes().all(|c| c.is_ascii_digit()) {
        return mobile;
    }
    let fits = match b[1] {
        b'1' | b'2' => b.len() == 11,
        b'3'..=b'9' => b.len() == 11 || b.len() == 12,
        _ => false,
    };
    if fits {
        Ok(compact)
    } else {
        Err(PhoneError::WrongLength)
    }
}

/// `POST /api/me/family-contacts`: add one, exactly once per key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFamilyContact {
    /// What the subscriber calls them: 女儿, "my son".
    pub name: String,
    /// A mainland mobile or a fixed line with its area code; not the subscriber's own,
    /// not one of their contacts already.
    pub phone: String,
    pub idempotency_key: String,
}

/// `PUT /api/me/family-contacts/{id}`: the name and number as they are now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyContactEdit {
    pub name: String,
    pub phone: String,
}

/// The answer to an add: 201 when made now, 200 when the key had made it (`replayed`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyContactCreated {
    pub contact: FamilyContact,
    pub replayed: bool,
}

/// `GET /api/me/family-contacts`: oldest first, and how many may be kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyContactList {
    pub contacts: Vec<FamilyContact>,
    pub max_contacts: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_one_to_twenty_characters() {
        assert_eq!(contact_name("  女儿 ").as_deref(), Ok("女儿"));
        assert_eq!(contact_name("   "), Err(TextProblem::TooShort));
        assert!(contact_name(&"儿".repeat(20)).is_ok());
        assert_eq!(contact_name(&"儿".repeat(21)), Err(TextProblem::TooLong));
        assert_eq!(contact_name("a\nb"), Err(TextProblem::ControlCharacter));
    }

    #[test]
    fn a_mobile_number_is_kept_as_its_eleven_digits() {
        assert_eq!(
            contact_phone("+86 137-0013-7000").as_deref(),
            Ok("13700137000")
        );
    }

    #[test]
    fn a_fixed_line_needs_its_area_code() {
        assert_eq!(contact_phone("010-8888 6666").as_deref(), Ok("01088886666"));
        assert_eq!(
            contact_phone("0755 1234 5678").as_deref(),
            Ok("075512345678")
        );
        assert_eq!(contact_phone("0871-1234567").as_deref(), Ok("08711234567"));
        // Without the area code, or one digit short or long.
        assert!(contact_phone("88886666").is_err());
        assert!(contact_phone("010-888866666").is_err());
        assert!(contact_phone("0755-123456").is_err());
        // Not a number, or an international prefix.
        assert!(contact_phone("").is_err());
        assert!(contact_phone("010-8888666a").is_err());
        assert!(contact_phone("00123456789").is_err());
    }
}
