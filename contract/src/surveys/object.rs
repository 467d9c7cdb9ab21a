//! Request bodies from JSON objects only. serde's derive also takes a JSON array for a
//! struct (its fields in order: `[{}]` is `{"answers": {}}`) and for an adjacently tagged
//! enum (`["nps", 9]`), which the OpenAPI document forbids: a request it forbids must be
//! refused (400), not read.

/// Implements `Serialize` and `Deserialize` for a type derived with
/// `#[serde(remote = "Self")]` (which makes the derived code inherent functions), reading
/// it from a JSON object only.
macro_rules! object_only {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct ObjectOnly;
                impl<'de> serde::de::Visitor<'de> for ObjectOnly {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a JSON object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        map: A,
                    ) -> Result<$t, A::Error> {
                        <$t>::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                d.deserialize_map(ObjectOnly)
            }
        }
    };
}

pub(crate) use object_only;

#[cfg(test)]
mod tests {
    use super::super::{Answer, SaveAnswersRequest, SubmitSurveyRequest};

    #[test]
    fn answers_and_their_requests_are_read_from_objects_only() {
        let answer: Answer = serde_json::from_str(r#"{"value":9,"type":"nps"}"#).unwrap();
        assert_eq!(answer, Answer::Nps(9));
        assert!(serde_json::from_str::<Answer>(r#"["nps",9]"#).is_err());
        assert!(serde_json::from_str::<Answer>("9").is_err());
        let save: SaveAnswersRequest =
            serde_json::from_str(r#"{"answers":{"p1":{"type":"nps","value":9}}}"#).unwrap();
        assert_eq!(save.answers["p1"], Answer::Nps(9));
        assert!(serde_json::from_str::<SaveAnswersRequest>("[{}]").is_err());
        assert!(serde_json::from_str::<SaveAnswersRequest>("{}").is_err());
        assert!(serde_json::from_str::<SubmitSurveyRequest>("[{}]").is_err());
        let submit: SubmitSurveyRequest = serde_json::from_str(r#"{"answers":{}}"#).unwrap();
        assert!(submit.answers.is_empty());
        // They travel as before.
        assert_eq!(
            serde_json::to_string(&save).unwrap(),
            r#"{"answers":{"p1":{"type":"nps","value":9}}}"#
        );
    }
}
