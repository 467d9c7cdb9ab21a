//! The delivery address and its validation.

use serde::{Deserialize, Serialize};

use super::{
    ADDRESS_DETAIL_MAX_CHARS, ADDRESS_DETAIL_MIN_CHARS, ADDRESS_NAME_MAX_CHARS,
    ADDRESS_REGION_MAX_CHARS,
};
use crate::names::named_enum;
use crate::phone::normalize_phone;

/// Where a physical item goes. Kept per subscriber for next time; shown in full only to
/// its owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryAddress {
    /// Recipient's name.
    pub name: String,
    /// Recipient's mainland mobile number (spaces, dashes and +86 allowed on input).
    pub phone: String,
    /// Province / city / district (e.g. 广东省 广州市 天河区).
    pub region: String,
    /// Street and house number.
    pub detail: String,
}

named_enum! {
    /// The address field a problem is in (`details.field` of `invalid_address`).
    pub enum AddressField {
        Name,
        Phone,
        Region,
        Detail,
    }
}

/// Checks and tidies an address: trims every field and normalizes the phone. The first
/// field in error is returned.
pub fn validate_address(address: &DeliveryAddress) -> Result<DeliveryAddress, AddressField> {
    fn text(
        value: &str,
        min: usize,
        max: usize,
        field: AddressField,
    ) -> Result<String, AddressField> {
        let trimmed = value.trim();
        let n = trimmed.chars().count();
        if n < min || n > max || trimmed.chars().any(char::is_control) {
            return Err(field);
        }
        Ok(trimmed.to_owned())
    }
    Ok(DeliveryAddress {
        name: text(&address.name, 1, ADDRESS_NAME_MAX_CHARS, AddressField::Name)?,
        phone: normalize_phone(&address.phone).map_err(|_| AddressField::Phone)?,
        region: text(
            &address.region,
            1,
            ADDRESS_REGION_MAX_CHARS,
            AddressField::Region,
        )?,
        detail: text(
            &address.detail,
            ADDRESS_DETAIL_MIN_CHARS,
            ADDRESS_DETAIL_MAX_CHARS,
            AddressField::Detail,
        )?,
    })
}

/// `GET /api/mall/address`: the kept address, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> DeliveryAddress {
        DeliveryAddress {
            name: " 张小明 ".into(),
            phone: "138 0013 8000".into(),
            region: "广东省 广州市 天河区".into(),
            detail: "天河路 385 号 1201 室".into(),
        }
    }

    #[test]
    fn a_good_address_is_tidied() {
        let a = validate_address(&address()).unwrap();
        assert_eq!(a.name, "张小明");
        assert_eq!(a.phone, "13800138000");
    }

    #[test]
    fn the_first_bad_field_is_named() {
        let mut a = address();
        a.name = "  ".into();
        assert_eq!(validate_address(&a), Err(AddressField::Name));
        let mut a = address();
        a.name = "名".repeat(21);
        assert_eq!(validate_address(&a), Err(AddressField::Name));
        let mut a = address();
        a.phone = "12345".into();
        assert_eq!(validate_address(&a), Err(AddressField::Phone));
        let mut a = address();
        a.region = String::new();
        assert_eq!(validate_address(&a), Err(AddressField::Region));
        let mut a = address();
        a.detail = "1号".into();
        assert_eq!(validate_address(&a), Err(AddressField::Detail));
        let mut a = address();
        a.detail = "天河路\n385 号".into();
        assert_eq!(validate_address(&a), Err(AddressField::Detail));
    }

    /// `address()` with one field set to `n` copies of a Chinese character (three bytes
    /// each in UTF-8, so a limit counted in bytes would refuse it), inside spaces that do
    /// not count.
    fn with_chars(field: AddressField, n: usize) -> Result<DeliveryAddress, AddressField> {
        let value = format!("  {}  ", "字".repeat(n));
        let mut a = address();
        match field {
            AddressField::Name => a.name = value,
            AddressField::Region => a.region = value,
            AddressField::Detail => a.detail = value,
            AddressField::Phone => unreachable!("the phone has no length limit of its own"),
        }
        validate_address(&a)
    }

    fn accepted(field: AddressField, n: usize) -> bool {
        match with_chars(field, n) {
            Ok(_) => true,
            Err(f) if f == field => false,
            Err(other) => panic!("{other:?} refused while testing {field:?}"),
        }
    }

    #[test]
    fn the_recipient_name_is_1_to_20_characters_after_trimming() {
        assert!(!accepted(AddressField::Name, 0));
        assert!(accepted(AddressField::Name, 1));
        assert!(accepted(AddressField::Name, 20));
        assert!(!accepted(AddressField::Name, 21));
        assert_eq!(ADDRESS_NAME_MAX_CHARS, 20);
    }

    #[test]
    fn the_region_is_1_to_50_characters_after_trimming() {
        assert!(!accepted(AddressField::Region, 0));
        assert!(accepted(AddressField::Region, 1));
        assert!(accepted(AddressField::Region, 50));
        assert!(!accepted(AddressField::Region, 51));
        assert_eq!(ADDRESS_REGION_MAX_CHARS, 50);
    }

    #[test]
    fn the_street_address_is_4_to_100_characters_after_trimming() {
        assert!(!accepted(AddressField::Detail, 3));
        assert!(accepted(AddressField::Detail, 4));
        assert!(accepted(AddressField::Detail, 100));
        assert!(!accepted(AddressField::Detail, 101));
        assert_eq!(
            (ADDRESS_DETAIL_MIN_CHARS, ADDRESS_DETAIL_MAX_CHARS),
            (4, 100)
        );
    }

    #[test]
    fn a_field_at_its_limit_is_kept_whole_without_the_spaces_around_it() {
        let a = with_chars(AddressField::Name, 20).unwrap();
        assert_eq!(a.name, "字".repeat(20));
    }

    #[test]
    fn the_refused_field_is_named_by_its_json_name() {
        // The app reads `details.field` of `invalid_address` by these words.
        for (field, name) in [
            (AddressField::Name, "name"),
            (AddressField::Phone, "phone"),
            (AddressField::Region, "region"),
            (AddressField::Detail, "detail"),
        ] {
            assert_eq!(field.as_str(), name);
            assert_eq!(
                serde_json::to_string(&field).unwrap(),
                format!("\"{name}\"")
            );
        }
    }
}
