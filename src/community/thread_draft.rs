//! What the new-thread form holds, as its draft keeps it, and the plain rules that check it
//! against the contract's limits before anything is sent.

use care_contract::community::{
    CreateThreadRequest, NewPoll, POLL_MAX_OPEN_DAYS, POLL_OPTION_MAX_CHARS, THREAD_BODY_MAX_CHARS,
    THREAD_BODY_MIN_CHARS, TITLE_MAX_CHARS, TITLE_MIN_CHARS,
};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::widgets::length::{check_length, LengthProblem};

/// Everything the form holds, as the draft keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadDraft {
    pub board_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub with_poll: bool,
    pub options: Vec<String>,
    pub closes_on: Option<NaiveDate>,
}

/// What is wrong with the form, field by field, in the order the fields come.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormProblems {
    pub board: bool,
    pub title: Option<LengthProblem>,
    pub body: Option<LengthProblem>,
    /// By option: empty or too long.
    pub options: Vec<Option<LengthProblem>>,
    /// Two options say the same.
    pub duplicate_option: bool,
    pub closes_on: bool,
}

impl FormProblems {
    pub fn is_empty(&self) -> bool {
        *self
            == FormProblems {
                options: vec![None; self.options.len()],
                ..FormProblems::default()
            }
    }
}

/// Checks the draft against the contract's limits; `today` is China's date.
pub fn check(draft: &ThreadDraft, today: NaiveDate) -> FormProblems {
    let options: Vec<Option<LengthProblem>> = if draft.with_poll {
        draft
            .options
            .iter()
            .map(|o| check_length(o, 1, POLL_OPTION_MAX_CHARS).err())
            .collect()
    } else {
        Vec::new()
    };
    let mut seen = std::collections::BTreeSet::new();
    let duplicate_option = draft.with_poll
        && draft
            .options
            .iter()
            .map(|o| o.trim())
            .filter(|o| !o.is_empty())
            .any(|o| !seen.insert(o.to_owned()));
    let last_day = today.checked_add_days(Days::new(u64::from(POLL_MAX_OPEN_DAYS)));
    FormProblems {
        board: draft.board_id.is_none(),
        title: check_length(&draft.title, TITLE_MIN_CHARS, TITLE_MAX_CHARS).err(),
        body: check_length(&draft.body, THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS).err(),
        options,
        duplicate_option,
        closes_on: draft.with_poll
            && !draft
                .closes_on
                .is_some_and(|d| d >= today && last_day.is_some_and(|last| d <= last)),
    }
}

/// The request the draft makes (its key is `SubmitOnce`'s).
pub fn request(draft: &ThreadDraft) -> Option<CreateThreadRequest> {
    Some(CreateThreadRequest {
        board_id: draft.board_id?,
        title: draft.title.trim().to_owned(),
        body: draft.body.trim().to_owned(),
        poll: match (draft.with_poll, draft.closes_on) {
            (true, Some(closes_on)) => Some(NewPoll {
                options: draft.options.iter().map(|o| o.trim().to_owned()).collect(),
                closes_on,
            }),
            _ => None,
        },
        idempotency_key: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn good() -> ThreadDraft {
        ThreadDraft {
            board_id: Some(1),
            title: "宽带晚上总掉线".into(),
            body: "每天晚上八点以后就断网，重启光猫也没用。".into(),
            ..ThreadDraft::default()
        }
    }

    #[test]
    fn a_complete_thread_has_no_problems_and_becomes_its_request() {
        assert!(check(&good(), today()).is_empty());
        let r = request(&good()).unwrap();
        assert_eq!(
            (r.board_id, r.title.as_str(), r.poll),
            (1, "宽带晚上总掉线", None)
        );
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let p = check(&ThreadDraft::default(), today());
        assert!(p.board);
        assert_eq!(p.title, Some(LengthProblem::Empty));
        assert_eq!(p.body, Some(LengthProblem::Empty));
        let short = ThreadDraft {
            title: "掉线".into(),
            ..good()
        };
        assert_eq!(
            check(&short, today()).title,
            Some(LengthProblem::TooShort {
                min: TITLE_MIN_CHARS
            })
        );
    }

    #[test]
    fn a_poll_needs_distinct_options_and_a_closing_day_within_the_window() {
        let poll = ThreadDraft {
            with_poll: true,
            options: vec!["白天".into(), "晚上".into()],
            closes_on: today().checked_add_days(Days::new(u64::from(POLL_MAX_OPEN_DAYS))),
            ..good()
        };
        assert!(check(&poll, today()).is_empty());
        assert_eq!(
            request(&poll).unwrap().poll.unwrap().options,
            vec!["白天", "晚上"]
        );
        let late = ThreadDraft {
            closes_on: today().checked_add_days(Days::new(u64::from(POLL_MAX_OPEN_DAYS) + 1)),
            ..poll.clone()
        };
        assert!(check(&late, today()).closes_on);
        let past = ThreadDraft {
            closes_on: today().pred_opt(),
            ..poll.clone()
        };
        assert!(check(&past, today()).closes_on);
        let same = ThreadDraft {
            options: vec!["白天".into(), " 白天 ".into()],
            ..poll.clone()
        };
        assert!(check(&same, today()).duplicate_option);
        let blank = ThreadDraft {
            options: vec!["白天".into(), " ".into()],
            ..poll
        };
        assert_eq!(
            check(&blank, today()).options,
            vec![None, Some(LengthProblem::Empty)]
        );
    }

    #[test]
    fn without_a_poll_its_options_are_ignored() {
        let no_poll = ThreadDraft {
            options: vec![String::new(); 2],
            ..good()
        };
        assert!(check(&no_poll, today()).is_empty());
        assert_eq!(request(&no_poll).unwrap().poll, None);
    }
}
