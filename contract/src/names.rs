//! Enums whose variants travel by name: in JSON, query strings and the database, always in
//! snake_case, and all listed (for the OpenAPI document's enums and for exhaustive tests).

/// Declares such an enum: the derives, the snake_case names for serde and strum, the
/// OpenAPI schema, and `ALL` (every variant, in declaration order) and `as_str`. More
/// derives (`Default`) and attributes go inside as on any enum.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            serde::Serialize,
            serde::Deserialize,
            strum::IntoStaticStr,
            strum::EnumString,
            strum::VariantArray,
        )]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = <$name as strum::VariantArray>::VARIANTS;

            /// The snake_case name used in JSON, query strings and the database.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    named_enum! {
        /// A test enum.
        pub enum Example {
            FirstOne,
            /// With a doc comment.
            Second,
        }
    }

    #[test]
    fn names_are_snake_case_everywhere() {
        assert_eq!(Example::ALL, &[Example::FirstOne, Example::Second]);
        assert_eq!(Example::FirstOne.as_str(), "first_one");
        assert_eq!(
            serde_json::to_string(&Example::FirstOne).unwrap(),
            "\"first_one\""
        );
        assert_eq!("second".parse::<Example>().unwrap(), Example::Second);
    }
}
