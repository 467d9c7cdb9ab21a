//! Results for staff: NPS, CSAT and counts per question, from submitted answers only.

use serde::{Deserialize, Serialize};

use super::{
    Answer, Question, QuestionKind, NPS_DETRACTOR_MAX, NPS_MAX, NPS_PROMOTER_MIN, RATING_MAX,
    RATING_MIN, RESULTS_LATEST_TEXTS,
};

/// Net Promoter Score: the percentage of promoters (9-10) minus the percentage of
/// detractors (0-6), from -100 to 100, rounded to the nearest whole number with halves away
/// from zero (12.5 is 13, -12.5 is -13). `None` without scores.
pub fn nps(scores: &[u8]) -> Option<i32> {
    NpsResult::from_scores(scores).map(|r| r.score)
}

/// The mean rating, rounded to two decimals with halves away from zero (4.335 is 4.34).
/// `None` without ratings.
pub fn csat_average(ratings: &[u8]) -> Option<f64> {
    if ratings.is_empty() {
        return None;
    }
    let sum: u64 = ratings.iter().map(|&r| u64::from(r)).sum();
    let hundredths = rounded_ratio(100 * sum as i64, ratings.len() as i64);
    Some(hundredths as f64 / 100.0)
}

/// `numerator / denominator` (denominator positive) rounded to the nearest whole number,
/// halves away from zero, in integers (no floating-point surprises).
fn rounded_ratio(numerator: i64, denominator: i64) -> i64 {
    let sign = if numerator < 0 { -1 } else { 1 };
    (2 * numerator + sign * denominator) / (2 * denominator)
}

/// The NPS of a set of scores and how they split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsResult {
    /// -100 to 100 (see [`nps`]).
    pub score: i32,
    /// Scores 9-10.
    pub promoters: u64,
    /// Scores 7-8.
    pub passives: u64,
    /// Scores 0-6.
    pub detractors: u64,
    pub count: u64,
}

impl NpsResult {
    pub fn from_scores(scores: &[u8]) -> Option<Self> {
        if scores.is_empty() {
            return None;
        }
        let count = |f: &dyn Fn(u8) -> bool| scores.iter().filter(|&&s| f(s)).count() as u64;
        let promoters = count(&|s| (NPS_PROMOTER_MIN..=NPS_MAX).contains(&s));
        let detractors = count(&|s| s <= NPS_DETRACTOR_MAX);
        let passives = scores.len() as u64 - promoters - detractors;
        let n = scores.len() as i64;
        let score = rounded_ratio(100 * (promoters as i64 - detractors as i64), n) as i32;
        Some(Self {
            score,
            promoters,
            passives,
            detractors,
            count: n as u64,
        })
    }
}

/// Customer satisfaction over the rating answers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CsatResult {
    /// The mean rating, 1-5, two decimals (see [`csat_average`]).
    pub average: f64,
    /// Ratings of 4 or 5.
    pub satisfied: u64,
    pub count: u64,
}

impl CsatResult {
    pub fn from_ratings(ratings: &[u8]) -> Option<Self> {
        Some(Self {
            average: csat_average(ratings)?,
            satisfied: ratings.iter().filter(|&&r| r >= RATING_MAX - 1).count() as u64,
            count: ratings.len() as u64,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionCount {
    pub option_id: String,
    pub count: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreCount {
    pub score: u8,
    pub count: u64,
}

/// A question's answers counted; `type` says how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionTally {
    /// Single and multiple choice: every option in the question's order, with how many
    /// chose it (a multiple choice counts each option chosen).
    Options { counts: Vec<OptionCount> },
    /// Ordinal: how many chose each step, by step index (worst first).
    Steps { counts: Vec<u64> },
    /// Rating (1-5) and NPS (0-10): every score in range, lowest first.
    Scores { counts: Vec<ScoreCount> },
    /// Free text: the newest answers, at most `RESULTS_LATEST_TEXTS`, newest first.
    Texts { latest: Vec<String> },
}

/// One question's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionResults {
    pub question_id: String,
    /// Submissions that answer it.
    pub answered: u64,
    pub tally: QuestionTally,
}

/// Counts a question's answers, given newest first; answers of another type are left out.
pub fn tally(question: &Question, answers: &[&Answer]) -> QuestionResults {
    let fits = |a: &&&Answer| super::validate_answer(question, a).is_ok();
    let answers: Vec<&Answer> = answers.iter().filter(fits).copied().collect();
    let scores = |from: u8, to: u8| {
        let counts = (from..=to)
            .map(|score| ScoreCount {
                score,
                count: answers
                    .iter()
                    .filter(|a| matches!(a, Answer::Rating(s) | Answer::Nps(s) if *s == score))
                    .count() as u64,
            })
            .collect();
        QuestionTally::Scores { counts }
    };
    let tally = match &question.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            let counts = options
                .iter()
                .map(|o| OptionCount {
                    option_id: o.id.clone(),
                    count: answers
                        .iter()
                        .filter(|a| match a {
                            Answer::Choice(id) => *id == o.id,
                            Answer::Choices(ids) => ids.contains(&o.id),
                            _ => false,
                        })
                        .count() as u64,
                })
                .collect();
            QuestionTally::Options { counts }
        }
        QuestionKind::Ordinal { steps } => {
            let mut counts = vec![0; steps.len()];
            for a in &answers {
                if let Answer::Step(s) = a {
                    counts[usize::from(*s)] += 1;
                }
            }
            QuestionTally::Steps { counts }
        }
        QuestionKind::Rating => scores(RATING_MIN, RATING_MAX),
        QuestionKind::Nps => scores(0, NPS_MAX),
        QuestionKind::FreeText { .. } => QuestionTally::Texts {
            latest: answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .take(RESULTS_LATEST_TEXTS)
                .collect(),
        },
    };
    QuestionResults {
        question_id: question.id.clone(),
        answered: answers.len() as u64,
        tally,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_survey;
    use super::*;

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent() {
        // 5 promoters, 3 passives, 2 detractors of 10: 50% - 20% = 30.
        assert_eq!(nps(&[9, 10, 9, 10, 10, 7, 8, 7, 6, 0]), Some(30));
        assert_eq!(nps(&[7, 8, 7, 8]), Some(0));
        assert_eq!(nps(&[10, 9]), Some(100));
        assert_eq!(nps(&[0, 6, 3]), Some(-100));
        assert_eq!(nps(&[]), None);
        // The edges of each group: 6 detracts, 7 and 8 are passive, 9 promotes.
        assert_eq!(nps(&[6]), Some(-100));
        assert_eq!(nps(&[7]), Some(0));
        assert_eq!(nps(&[8]), Some(0));
        assert_eq!(nps(&[9]), Some(100));
    }

    #[test]
    fn nps_rounds_to_whole_numbers_halves_away_from_zero() {
        // 1 of 3: 33.33 -> 33; 2 of 3: 66.67 -> 67.
        assert_eq!(nps(&[9, 7, 7]), Some(33));
        assert_eq!(nps(&[9, 9, 7]), Some(67));
        assert_eq!(nps(&[0, 7, 7]), Some(-33));
        assert_eq!(nps(&[0, 0, 7]), Some(-67));
        // 1 of 8: 12.5 -> 13; -12.5 -> -13.
        assert_eq!(nps(&[10, 7, 7, 7, 7, 7, 7, 7]), Some(13));
        assert_eq!(nps(&[1, 7, 7, 7, 7, 7, 7, 7]), Some(-13));
    }

    #[test]
    fn the_nps_result_says_how_the_scores_split() {
        let r = NpsResult::from_scores(&[9, 10, 9, 10, 10, 7, 8, 7, 6, 0]).unwrap();
        assert_eq!(
            r,
            NpsResult {
                score: 30,
                promoters: 5,
                passives: 3,
                detractors: 2,
                count: 10
            }
        );
        assert_eq!(NpsResult::from_scores(&[]), None);
    }

    #[test]
    fn csat_is_the_mean_rating_to_two_decimals() {
        assert_eq!(csat_average(&[5, 4, 3]), Some(4.0));
        assert_eq!(csat_average(&[5, 4]), Some(4.5));
        assert_eq!(csat_average(&[5, 4, 4]), Some(4.33));
        assert_eq!(csat_average(&[1, 2, 2]), Some(1.67));
        // 4.335 rounds up (half away from zero): 867 / 200.
        let mut ratings = vec![5; 67];
        ratings.extend(vec![4; 133]);
        assert_eq!(csat_average(&ratings), Some(4.34));
        assert_eq!(csat_average(&[]), None);
        let r = CsatResult::from_ratings(&[5, 4, 3, 1]).unwrap();
        assert_eq!((r.average, r.satisfied, r.count), (3.25, 2, 4));
        assert_eq!(CsatResult::from_ratings(&[]), None);
    }

    #[test]
    fn tallies_count_every_option_step_and_score() {
        let s = test_survey();
        let q = |id: &str| s.question(id).unwrap();
        let (a, b) = (
            Answer::Choice("ours".into()),
            Answer::Choice("other".into()),
        );
        let r = tally(q("q1"), &[&a, &b, &a]);
        assert_eq!(r.answered, 3);
        assert_eq!(
            r.tally,
            QuestionTally::Options {
                counts: vec![
                    OptionCount {
                        option_id: "ours".into(),
                        count: 2
                    },
                    OptionCount {
                        option_id: "other".into(),
                        count: 1
                    },
                ]
            }
        );
        let (m1, m2) = (
            Answer::Choices(vec!["a".into(), "c".into()]),
            Answer::Choices(vec!["c".into()]),
        );
        let counts = |t: QuestionTally| match t {
            QuestionTally::Options { counts } => counts.iter().map(|c| c.count).collect::<Vec<_>>(),
            QuestionTally::Steps { counts } => counts,
            QuestionTally::Scores { counts } => counts.iter().map(|c| c.count).collect(),
            QuestionTally::Texts { .. } => panic!("texts"),
        };
        assert_eq!(counts(tally(q("q4"), &[&m1, &m2]).tally), [1, 0, 2]);
        let steps = [Answer::Step(0), Answer::Step(3), Answer::Step(3)];
        assert_eq!(
            counts(tally(q("b1"), &steps.iter().collect::<Vec<_>>()).tally),
            [1, 0, 0, 2]
        );
        let ratings = [Answer::Rating(5), Answer::Rating(1), Answer::Rating(5)];
        let r = tally(q("q5"), &ratings.iter().collect::<Vec<_>>());
        let QuestionTally::Scores { counts: scores } = &r.tally else {
            panic!()
        };
        assert_eq!(scores.first().map(|c| c.score), Some(1));
        assert_eq!(scores.last().map(|c| c.score), Some(5));
        assert_eq!(counts(r.tally), [1, 0, 0, 0, 2]);
        let n = [Answer::Nps(0), Answer::Nps(10)];
        assert_eq!(
            counts(tally(q("q6"), &n.iter().collect::<Vec<_>>()).tally),
            [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        );
        // An answer that does not fit is left out.
        let wrong = [Answer::Rating(9), Answer::Nps(3)];
        assert_eq!(
            tally(q("q5"), &wrong.iter().collect::<Vec<_>>()).answered,
            0
        );
    }

    #[test]
    fn a_text_tally_keeps_the_newest_few() {
        let s = test_survey();
        let texts: Vec<Answer> = (0..7).map(|i| Answer::Text(format!("t{i}"))).collect();
        let r = tally(s.question("q7").unwrap(), &texts.iter().collect::<Vec<_>>());
        assert_eq!(r.answered, 7);
        assert_eq!(
            r.tally,
            QuestionTally::Texts {
                latest: ["t0", "t1", "t2", "t3", "t4"].map(String::from).to_vec()
            }
        );
        assert_eq!(RESULTS_LATEST_TEXTS, 5);
    }
}
