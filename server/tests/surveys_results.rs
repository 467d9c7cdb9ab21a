//! Survey results for staff over real HTTP: respondents, CSAT and NPS exact after known
//! submissions (on top of the demo subscribers' seeded ones), counts per option, step and
//! score, the newest free texts; saved answers do not count; members are refused.

mod common;
mod community_support;

use care_contract::surveys::*;
use common::*;
use community_support::*;
use serde_json::json;

const CARE: i64 = 1;
const PULSE: i64 = 2;

fn results_path(id: i64) -> String {
    format!("/api/staff/surveys/{id}/results")
}

fn scores(tally: &QuestionTally) -> Vec<u64> {
    match tally {
        QuestionTally::Scores { counts } => counts.iter().map(|c| c.count).collect(),
        QuestionTally::Steps { counts } => counts.clone(),
        QuestionTally::Options { counts } => counts.iter().map(|c| c.count).collect(),
        QuestionTally::Texts { .. } => panic!("texts"),
    }
}

fn texts(tally: &QuestionTally) -> Vec<&str> {
    match tally {
        QuestionTally::Texts { latest } => latest.iter().map(String::as_str).collect(),
        other => panic!("{other:?}"),
    }
}

async fn pulse(member: &Member, nps: u8, rating: u8, text: Option<&str>) {
    let mut answers = json!({
        "p1": { "type": "nps", "value": nps },
        "p2": { "type": "rating", "value": rating },
    });
    if let Some(t) = text {
        answers["p4"] = json!({ "type": "text", "value": t });
    }
    let r = member
        .post(
            &format!("/api/surveys/{PULSE}/submit"),
            json!({ "answers": answers }),
        )
        .await;
    decode::<SubmitReceipt>(r, 200).await;
}

#[tokio::test]
async fn the_seeded_demo_responses_give_the_results_screen_numbers() {
    let server = community_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    let r: SurveyResults = staff.fetch(&results_path(PULSE)).await;
    assert_eq!(r.survey_id, PULSE);
    assert_eq!((r.respondents, r.in_progress), (3, 0));
    // Seeded: 10/5, 8/4, 3/2.
    let nps = r.nps.unwrap();
    assert_eq!(
        (nps.promoters, nps.passives, nps.detractors, nps.score),
        (1, 1, 1, 0)
    );
    let csat = r.csat.unwrap();
    assert_eq!((csat.average, csat.satisfied, csat.count), (3.67, 2, 3));
    let care: SurveyResults = staff.fetch(&results_path(CARE)).await;
    assert_eq!(care.respondents, 3);
    assert_eq!(care.nps, None);
    assert_eq!(care.csat, None);
    // q1: ours, other, not sure.
    assert_eq!(scores(&care.questions[0].tally), [2, 1, 0]);
    // The block was answered by our two customers only.
    assert_eq!(care.questions[1].answered, 2);
    assert_eq!(care.questions.len(), 13);
}

#[tokio::test]
async fn nps_and_csat_are_exact_after_known_submissions() {
    let server = community_server().await;
    let staff = Member::sign_in(&server, STAFF).await;
    // Seeded: NPS 10, 8, 3 and ratings 5, 4, 2. Add 7 so the 10 scores are 5 promoters,
    // 3 passives, 2 detractors: NPS 30.
    let added = [(9, 5), (10, 4), (9, 5), (10, 3), (7, 4), (8, 1), (6, 3)];
    for (i, (nps, rating)) in added.into_iter().enumerate() {
        let m = Member::fresh(&server).await;
        later(&server, 60);
        pulse(&m, nps, rating, Some(&format!("意见{i}"))).await;
    }
    // A saved, unsubmitted answer does not count.
    let saving = Member::fresh(&server).await;
    let r = saving
        .put(
            &format!("/api/surveys/{PULSE}/response"),
            json!({ "answers": { "p1": { "type": "nps", "value": 0 } } }),
        )
        .await;
    decode::<SurveyResponse>(r, 200).await;

    let r: SurveyResults = staff.fetch(&results_path(PULSE)).await;
    assert_eq!((r.respondents, r.in_progress), (10, 1));
    assert_eq!(
        r.nps,
        Some(NpsResult {
            score: 30,
            promoters: 5,
            passives: 3,
            detractors: 2,
            count: 10
        })
    );
    // Ratings 5 4 2 + 5 4 5 3 4 1 3 = 36 over 10.
    let csat = r.csat.unwrap();
    assert_eq!((csat.average, csat.satisfied, csat.count), (3.6, 6, 10));
    let by_score = scores(&r.questions[0].tally);
    assert_eq!(by_score, [0, 0, 0, 1, 0, 0, 1, 1, 2, 2, 3]);
    assert_eq!(scores(&r.questions[1].tally), [1, 1, 2, 3, 3]);
    // Seeded: plan; bill and signal.
    assert_eq!(scores(&r.questions[2].tally), [1, 0, 1, 1, 0]);
    assert_eq!(r.questions[2].answered, 2);
    // Free text: 2 seeded + 7 added; the newest five, newest first.
    assert_eq!(r.questions[3].answered, 9);
    assert_eq!(
        texts(&r.questions[3].tally),
        ["意见6", "意见5", "意见4", "意见3", "意见2"]
    );
}

#[tokio::test]
async fn only_staff_see_results() {
    let server = community_server().await;
    let member = Member::fresh(&server).await;
    expect_error(member.get(&results_path(PULSE)).await, 403, "forbidden").await;
    let zhang = Member::sign_in(&server, ZHANG).await;
    expect_error(zhang.get(&results_path(CARE)).await, 403, "forbidden").await;
    expect_error(
        server.get(&results_path(PULSE)).await,
        401,
        "unauthenticated",
    )
    .await;
    let staff = Member::sign_in(&server, STAFF).await;
    expect_error(staff.get(&results_path(99)).await, 404, "survey_not_found").await;
}
