//! A survey's definition: what the app renders and what answers are checked against.

use serde::{Deserialize, Serialize};

use super::FREE_TEXT_MAX_CHARS;

/// A text the subscriber reads, in both languages the app shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    /// Simplified Chinese (zh-CN).
    pub zh_cn: String,
    /// English.
    pub en: String,
}

impl LocalizedText {
    pub fn new(zh_cn: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh_cn: zh_cn.into(),
            en: en.into(),
        }
    }
}

/// A survey, its questions in the order they are asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survey {
    pub id: i64,
    pub title: LocalizedText,
    /// Why we ask and what happens with the answers.
    pub intro: LocalizedText,
    /// About how long answering takes.
    pub estimated_minutes: u32,
    pub questions: Vec<Question>,
}

/// The block (dimension) a question belongs to, e.g. 服务态度 (attitude).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionBlock {
    pub id: String,
    pub label: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Short and unique in the survey, e.g. `q1`; answers are keyed by it.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<QuestionBlock>,
    pub text: LocalizedText,
    /// Must be answered to submit (when on the path).
    pub required: bool,
    pub kind: QuestionKind,
}

/// What kind of answer a question takes; `type` names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option (answer `choice`). An option's `skip_to` jumps forward.
    SingleChoice { options: Vec<ChoiceOption> },
    /// One or more different options (answer `choices`), at most `max_choices` when set.
    MultipleChoice {
        options: Vec<ChoiceOption>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_choices: Option<u32>,
    },
    /// One step of an ordered scale, listed worst to best (answer `step`, its index from 0).
    Ordinal { steps: Vec<LocalizedText> },
    /// Satisfaction (CSAT) from 1 (very dissatisfied) to 5 (very satisfied) (answer `rating`).
    Rating,
    /// How likely to recommend us, 0 to 10 (answer `nps`).
    Nps,
    /// Free text (answer `text`) of 1 to `max_chars` characters once trimmed.
    FreeText { max_chars: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceOption {
    /// Unique in its question, e.g. `ours`.
    pub id: String,
    pub label: LocalizedText,
    /// Single choice only: choosing this option skips to this later question (the ones
    /// between are not asked and their answers do not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_to: Option<String>,
}

impl Survey {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// Where a skip to `target` from question `from` lands: a later question's index.
    pub(super) fn skip_target(&self, from: usize, target: &str) -> Option<usize> {
        self.index_of(target).filter(|&to| to > from)
    }
}

/// Whether a survey is well made (checked when the server loads one, and in tests): ids
/// unique and non-empty, texts in both languages, at least one question, options and steps
/// (two or more each, ids unique), `max_choices` between 1 and the options, `max_chars`
/// between 1 and `FREE_TEXT_MAX_CHARS`, `skip_to` only on single choice and only to a
/// later question. The error says what is wrong, for the operator.
pub fn validate_survey(survey: &Survey) -> Result<(), String> {
    let text = |t: &LocalizedText, what: &str| {
        if t.zh_cn.trim().is_empty() || t.en.trim().is_empty() {
            Err(format!("survey {}: {what} lacks a language", survey.id))
        } else {
            Ok(())
        }
    };
    text(&survey.title, "the title")?;
    text(&survey.intro, "the intro")?;
    if survey.questions.is_empty() {
        return Err(format!("survey {}: no questions", survey.id));
    }
    for (i, q) in survey.questions.iter().enumerate() {
        let at = |what: &str| format!("survey {} question {:?}: {what}", survey.id, q.id);
        if q.id.trim().is_empty() || q.id != q.id.trim() {
            return Err(at("an empty or padded id"));
        }
        if survey.index_of(&q.id) != Some(i) {
            return Err(at("the id is used twice"));
        }
        text(&q.text, &at("the text"))?;
        if let Some(block) = &q.block {
            if block.id.trim().is_empty() {
                return Err(at("an empty block id"));
            }
            text(&block.label, &at("the block label"))?;
        }
        let options = |options: &[ChoiceOption], skips: bool| {
            if options.len() < 2 {
                return Err(at("fewer than two options"));
            }
            for (j, o) in options.iter().enumerate() {
                if o.id.trim().is_empty() || options.iter().position(|p| p.id == o.id) != Some(j) {
                    return Err(at(&format!("option {:?}: empty or used twice", o.id)));
                }
                text(&o.label, &at(&format!("option {:?}", o.id)))?;
                match (&o.skip_to, skips) {
                    (None, _) => {}
                    (Some(_), false) => return Err(at("skip_to on a multiple choice")),
                    (Some(to), true) => {
                        if survey.skip_target(i, to).is_none() {
                            return Err(at(&format!("option {:?} skips back or nowhere", o.id)));
                        }
                    }
                }
            }
            Ok(())
        };
        match &q.kind {
            QuestionKind::SingleChoice { options: o } => options(o, true)?,
            QuestionKind::MultipleChoice {
                options: o,
                max_choices,
            } => {
                options(o, false)?;
                if let Some(max) = *max_choices {
                    if max == 0 || max as usize > o.len() {
                        return Err(at("max_choices outside 1 and the options"));
                    }
                }
            }
            QuestionKind::Ordinal { steps } => {
                if steps.len() < 2 {
                    return Err(at("fewer than two steps"));
                }
                for s in steps {
                    text(s, &at("a step"))?;
                }
            }
            QuestionKind::Rating | QuestionKind::Nps => {}
            QuestionKind::FreeText { max_chars } => {
                if *max_chars == 0 || *max_chars > FREE_TEXT_MAX_CHARS {
                    return Err(at("max_chars outside 1 and FREE_TEXT_MAX_CHARS"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_survey;
    use super::*;

    #[test]
    fn a_well_made_survey_passes() {
        assert_eq!(validate_survey(&test_survey()), Ok(()));
    }

    fn refused(change: impl FnOnce(&mut Survey)) -> String {
        let mut s = test_survey();
        change(&mut s);
        validate_survey(&s).expect_err("refused")
    }

    fn options(s: &mut Survey, i: usize) -> &mut Vec<ChoiceOption> {
        match &mut s.questions[i].kind {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => options,
            _ => panic!("not a choice"),
        }
    }

    #[test]
    fn a_skip_must_go_forward_to_a_question_that_exists() {
        assert!(refused(|s| options(s, 0)[1].skip_to = Some("q1".into())).contains("skips back"));
        assert!(refused(|s| options(s, 0)[1].skip_to = Some("nope".into())).contains("nowhere"));
        // Skipping to the very next question is allowed (it skips nothing) ...
        let mut s = test_survey();
        options(&mut s, 0)[1].skip_to = Some("b1".into());
        assert_eq!(validate_survey(&s), Ok(()));
        // ... but a multiple choice never skips.
        assert!(refused(|s| options(s, 3)[0].skip_to = Some("q7".into())).contains("multiple"));
    }

    #[test]
    fn ids_are_unique_and_texts_bilingual() {
        assert!(refused(|s| s.questions[1].id = "q1".into()).contains("twice"));
        assert!(refused(|s| s.questions[1].id = " b1".into()).contains("padded"));
        assert!(refused(|s| options(s, 3)[1].id = "a".into()).contains("used twice"));
        assert!(refused(|s| s.questions[2].text.en = " ".into()).contains("language"));
        assert!(refused(|s| s.title.zh_cn.clear()).contains("language"));
        assert!(refused(|s| s.questions.clear()).contains("no questions"));
        assert!(refused(|s| options(s, 0)[0].id = " ".into()).contains("empty"));
        assert!(refused(|s| options(s, 0)[0].label.zh_cn.clear()).contains("language"));
        let block = |s: &mut Survey| s.questions[1].block.as_mut().unwrap().clone();
        assert!(
            refused(|s| s.questions[1].block.as_mut().unwrap().id.clear()).contains("block id")
        );
        assert!(refused(|s| {
            let mut b = block(s);
            b.label.en.clear();
            s.questions[2].block = Some(b);
        })
        .contains("block label"));
    }

    #[test]
    fn kinds_have_sensible_sizes() {
        assert!(refused(|s| options(s, 0).truncate(1)).contains("two options"));
        assert!(refused(|s| s.questions[1].kind = QuestionKind::Ordinal {
            steps: vec![LocalizedText::new("a", "a")]
        })
        .contains("two steps"));
        let max = |m: u32| {
            move |s: &mut Survey| {
                if let QuestionKind::MultipleChoice { max_choices, .. } = &mut s.questions[3].kind {
                    *max_choices = Some(m);
                }
            }
        };
        assert!(refused(max(0)).contains("max_choices"));
        assert!(refused(max(4)).contains("max_choices"));
        let mut all = test_survey();
        max(3)(&mut all);
        assert_eq!(validate_survey(&all), Ok(()), "as many as the options");
        let mut two = test_survey();
        two.questions[1].kind = QuestionKind::Ordinal {
            steps: vec![
                LocalizedText::new("差", "bad"),
                LocalizedText::new("好", "good"),
            ],
        };
        assert_eq!(validate_survey(&two), Ok(()), "two steps");
        let chars = |m: u32| {
            move |s: &mut Survey| s.questions[6].kind = QuestionKind::FreeText { max_chars: m }
        };
        assert!(refused(chars(0)).contains("max_chars"));
        assert!(refused(chars(FREE_TEXT_MAX_CHARS + 1)).contains("max_chars"));
        let mut s = test_survey();
        chars(FREE_TEXT_MAX_CHARS)(&mut s);
        assert_eq!(validate_survey(&s), Ok(()));
    }

    #[test]
    fn kinds_and_answers_travel_tagged() {
        let s = test_survey();
        let json = serde_json::to_value(&s.questions[3].kind).unwrap();
        assert_eq!(json["type"], "multiple_choice");
        assert_eq!(json["max_choices"], 2);
        assert_eq!(json["options"][0]["id"], "a");
        assert!(json["options"][0].get("skip_to").is_none());
        assert_eq!(
            serde_json::to_value(&QuestionKind::Nps).unwrap(),
            serde_json::json!({ "type": "nps" })
        );
        let back: Survey = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
