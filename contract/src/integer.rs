//! Integers in request bodies as JSON Schema counts them: `7`, `7.0` and `7e0` are the same
//! integer (`"type": "integer"` is any number without a fractional part), so a client whose
//! JSON library writes whole numbers as floats is understood. serde alone refuses `7.0`
//! for an integer field. Use on a request field:
//! `#[serde(deserialize_with = "crate::integer::whole")]`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// 2^63 as an `f64`: every whole `f64` below it (and at or above -2^63) is an `i64`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// A whole number that fits `T`, written as an integer or as a number with no fraction.
pub fn whole<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    deserializer.deserialize_any(Whole(PhantomData))
}

/// [`whole`] for an optional field: `null` is `None`. With `#[serde(default)]` beside it,
/// an absent field is `None` too.
pub fn whole_option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    deserializer.deserialize_option(MaybeWhole(PhantomData))
}

/// [`whole`] for each item of a list (`[7, 8.0]` is `[7, 8]`).
pub fn whole_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    struct Item<T>(T);
    impl<'de, T: TryFrom<i64> + TryFrom<u64>> serde::Deserialize<'de> for Item<T> {
        fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
            whole(d).map(Item)
        }
    }
    let items: Vec<Item<T>> = serde::Deserialize::deserialize(deserializer)?;
    Ok(items.into_iter().map(|Item(v)| v).collect())
}

struct MaybeWhole<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for MaybeWhole<T>
where
    T: TryFrom<i64> + TryFrom<u64>,
{
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        whole(deserializer).map(Some)
    }
}

struct Whole<T>(PhantomData<T>);

impl<T> Whole<T> {
    fn out_of_range<E: de::Error>(value: impl fmt::Display) -> E {
        E::custom(format_args!(
            "integer {value} out of range for {}",
            std::any::type_name::<T>()
        ))
    }
}

impl<T> Visitor<'_> for Whole<T>
where
    T: TryFrom<i64> + TryFrom<u64>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::try_from(v).map_err(|_| Self::out_of_range(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::try_from(v).map_err(|_| Self::out_of_range(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        if v.fract() != 0.0 || !v.is_finite() {
            return Err(E::invalid_type(de::Unexpected::Float(v), &self));
        }
        if !(-TWO_POW_63..TWO_POW_63).contains(&v) {
            return Err(Self::out_of_range(v));
        }
        // Whole and in range: the conversion is exact.
        self.visit_i64(v as i64)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Body {
        #[serde(deserialize_with = "super::whole")]
        big: i64,
        #[serde(deserialize_with = "super::whole")]
        small: u32,
    }

    #[derive(Debug, Deserialize)]
    struct Maybe {
        #[serde(default, deserialize_with = "super::whole_option")]
        id: Option<i64>,
    }

    fn maybe(json: &str) -> Result<Option<i64>, String> {
        serde_json::from_str::<Maybe>(json)
            .map(|m| m.id)
            .map_err(|e| e.to_string())
    }

    #[derive(Debug, Deserialize)]
    struct List {
        #[serde(default, deserialize_with = "super::whole_vec")]
        ids: Vec<i64>,
    }

    #[test]
    fn a_list_of_whole_numbers_counts_each_however_it_is_written() {
        let ids = |json: &str| serde_json::from_str::<List>(json).map(|l| l.ids);
        assert_eq!(ids(r#"{"ids": [7, 8.0, -9e0]}"#).unwrap(), [7, 8, -9]);
        assert_eq!(ids("{}").unwrap(), Vec::<i64>::new());
        assert!(ids(r#"{"ids": [7.5]}"#).is_err());
        assert!(ids(r#"{"ids": ["7"]}"#).is_err());
        assert!(ids(r#"{"ids": 7}"#).is_err());
    }

    #[test]
    fn an_optional_whole_number_may_be_null_or_absent() {
        assert_eq!(maybe(r#"{"id": 7.0}"#), Ok(Some(7)));
        assert_eq!(maybe(r#"{"id": -7}"#), Ok(Some(-7)));
        assert_eq!(maybe(r#"{"id": null}"#), Ok(None));
        assert_eq!(maybe(r#"{}"#), Ok(None));
        assert!(maybe(r#"{"id": 7.5}"#).is_err());
        assert!(maybe(r#"{"id": "7"}"#).is_err());
    }

    fn parse(json: &str) -> Result<(i64, u32), String> {
        serde_json::from_str::<Body>(json)
            .map(|b| (b.big, b.small))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_count_however_they_are_written() {
        assert_eq!(parse(r#"{"big": 7, "small": 7}"#), Ok((7, 7)));
        assert_eq!(parse(r#"{"big": -7.0, "small": 7.0}"#), Ok((-7, 7)));
        assert_eq!(parse(r#"{"big": 7e0, "small": 1E2}"#), Ok((7, 100)));
        assert_eq!(parse(r#"{"big": -0.0, "small": 0}"#), Ok((0, 0)));
        assert_eq!(
            parse(r#"{"big": 9223372036854775807, "small": 4294967295}"#),
            Ok((i64::MAX, u32::MAX))
        );
        assert_eq!(
            parse(r#"{"big": -9.223372036854775808e18, "small": 1}"#),
            Ok((i64::MIN, 1))
        );
        assert_eq!(
            parse(r#"{"big": 1e17, "small": 1}"#),
            Ok((100_000_000_000_000_000, 1))
        );
    }

    #[test]
    fn fractions_other_types_and_numbers_out_of_range_are_refused() {
        for json in [
            r#"{"big": 7.5, "small": 1}"#,
            r#"{"big": "7", "small": 1}"#,
            r#"{"big": null, "small": 1}"#,
            r#"{"big": true, "small": 1}"#,
            r#"{"big": 9223372036854775808, "small": 1}"#,
            r#"{"big": 9.223372036854775807e18, "small": 1}"#,
            r#"{"big": 1e400, "small": 1}"#,
            r#"{"big": 1, "small": -1}"#,
            r#"{"big": 1, "small": 4294967296}"#,
            r#"{"big": 1, "small": 4294967296.0}"#,
            r#"{"big": 1, "small": 0.5}"#,
        ] {
            assert!(parse(json).is_err(), "{json} was accepted");
        }
    }
}
