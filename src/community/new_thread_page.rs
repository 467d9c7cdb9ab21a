//! 发帖: a board, a title, the body and an optional poll. Everything typed is kept in
//! localStorage as it is typed and cleared only when the backend confirms; the thread is
//! sent exactly once (`SubmitOnce`), then the new thread opens.

use care_contract::community::{
    Board, CreateThreadRequest, NewPoll, ThreadCreated, POLL_MAX_OPEN_DAYS, POLL_MAX_OPTIONS,
    POLL_MIN_OPTIONS, POLL_OPTION_MAX_CHARS, THREAD_BODY_MAX_CHARS, THREAD_BODY_MIN_CHARS,
    TITLE_MAX_CHARS, TITLE_MIN_CHARS,
};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use serde::{Deserialize, Serialize};

use super::api;
use super::community_page::board_name;
use super::composer::length_text;
use super::length::{check_length, counted, LengthProblem};
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::auth::RequireSignIn;
use crate::drafts::LocalDraft;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::submit_status::SubmitStatus;

/// Where a thread on its way is kept over a reload (sessionStorage).
const PENDING_THREAD: &str = "care.community.pending-thread.v1";

fn draft() -> LocalDraft {
    LocalDraft::new("care.community.thread.v1")
}

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

async fn send(request: CreateThreadRequest) -> Result<ThreadCreated, ApiError> {
    let result = api::create_thread(request).await;
    if result.is_ok() {
        draft().clear();
    }
    result
}

#[component]
pub fn NewThreadPage() -> impl IntoView {
    set_page_meta(|t| t.new_thread_title, Some("/community"));
    let boards = LocalResource::new(api::fetch_boards);
    view! {
        <div class="page new-thread-page">
            <RequireSignIn let:_signed_in>
                <Loaded data=boards skeleton=&[6] let:list>
                    <ThreadForm boards=list.boards.into_iter().filter(|b| b.can_post).collect() />
                </Loaded>
            </RequireSignIn>
        </div>
    }
}

#[component]
fn ThreadForm(boards: Vec<Board>) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let query = use_query_map();
    let navigate = use_navigate();
    let today = care_contract::time::china_date(crate::i18n::dates::now());
    let mut start = draft().load_json::<ThreadDraft>().unwrap_or_default();
    if start.board_id.is_none() {
        start.board_id = query
            .read_untracked()
            .get("board")
            .and_then(|b| b.parse().ok());
    }
    if !boards.iter().any(|b| Some(b.id) == start.board_id) {
        start.board_id = None;
    }
    if start.options.len() < POLL_MIN_OPTIONS {
        start.options.resize(POLL_MIN_OPTIONS, String::new());
    }
    let form = RwSignal::new(start);
    // Every change is kept at once.
    Effect::new(move |_| form.with(|f| draft().save_json(f)));
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| form.with(|f| check(f, today)));
    let shown = move || {
        if tried.get() {
            problems.get()
        } else {
            FormProblems::default()
        }
    };
    let submit = SubmitOnce::open(PENDING_THREAD, send, |_: &CreateThreadRequest| true);
    let state = submit.state();
    let busy = move || state.with(SubmitState::may_have_happened);
    Effect::new(move |_| {
        if let SubmitState::Done(created) = state.get() {
            navigate(
                &format!("/community/threads/{}", created.thread.id),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !problems.get_untracked().is_empty() {
            // After the fields have drawn what is wrong with them.
            request_animation_frame(focus_first_invalid);
            return;
        }
        if let Some(request) = form.with_untracked(request) {
            submit.submit(request);
        }
    };
    let set = move |change: fn(&mut ThreadDraft, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            form.update(|f| change(f, value));
        }
    };
    let max_day = today
        .checked_add_days(Days::new(u64::from(POLL_MAX_OPEN_DAYS)))
        .unwrap_or(today);
    view! {
        <form class="card form thread-form" novalidate on:submit=on_submit aria-labelledby="thread-form-title">
            <h2 class="card__title" id="thread-form-title"><Icon kind=IconKind::Chat />{tr(|t| t.new_thread_heading)}</h2>
            <div class="field">
                <label for="thread-board">{tr(|t| t.board_field)}</label>
                <select id="thread-board" aria-invalid=move || shown().board.to_string()
                    aria-describedby="thread-board-error" disabled=busy
                    on:change=set(|f, v| f.board_id = v.parse().ok())>
                    <option value="" selected=move || form.with(|f| f.board_id.is_none())>{tr(|t| t.board_choose)}</option>
                    {boards.into_iter().map(|board| {
                        let id = board.id;
                        view! {
                            <option value=id.to_string() selected=move || form.with(|f| f.board_id == Some(id))>
                                {move || board_name(&board, locale.get())}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <p class="field__error" id="thread-board-error" aria-live="polite">
                    {move || shown().board.then(|| view! { <Icon kind=IconKind::Alert /><span>{tr(|t| t.board_missing)}</span> })}
                </p>
            </div>
            <LengthField id="thread-title" label=tr(|t| t.title_field) max=TITLE_MAX_CHARS multiline=false
                value=Signal::derive(move || form.with(|f| f.title.clone()))
                problem=Signal::derive(move || shown().title) readonly=Signal::derive(busy)
                on_input=move |v: String| form.update(|f| f.title = v) />
            <LengthField id="thread-body" label=tr(|t| t.body_field) max=THREAD_BODY_MAX_CHARS multiline=true
                hint=tr(|t| t.markup_hint)
                value=Signal::derive(move || form.with(|f| f.body.clone()))
                problem=Signal::derive(move || shown().body) readonly=Signal::derive(busy)
                on_input=move |v: String| form.update(|f| f.body = v) />
            <div class="field field--check">
                <label class="check">
                    <input type="checkbox" prop:checked=move || form.with(|f| f.with_poll) disabled=busy
                        on:change=move |ev| form.update(|f| f.with_poll = event_target_checked(&ev)) />
                    <span>{tr(|t| t.poll_add)}</span>
                </label>
            </div>
            <Show when=move || form.with(|f| f.with_poll)>
                <fieldset class="poll-editor">
                    <legend>{tr(|t| t.poll_options_legend)}</legend>
                    {move || (0..form.with(|f| f.options.len())).map(|i| {
                        let id = format!("poll-option-{i}");
                        let error_id = format!("poll-option-{i}-error");
                        view! {
                            <div class="field poll-editor__option">
                                <label for=id.clone()>{move || t.get().poll_option_label(i as i64 + 1)}</label>
                                <div class="search__row">
                                    <input id=id type="text" maxlength=POLL_OPTION_MAX_CHARS.to_string()
                                        aria-describedby=error_id.clone()
                                        aria-invalid=move || shown().options.get(i).is_some_and(Option::is_some).to_string()
                                        prop:value=move || form.with(|f| f.options.get(i).cloned().unwrap_or_default())
                                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| if let Some(o) = f.options.get_mut(i) { *o = v }) } />
                                    <Show when=move || form.with(|f| f.options.len() > POLL_MIN_OPTIONS)>
                                        <button type="button" class="button button--secondary"
                                            aria-label=move || t.get().poll_option_remove(i as i64 + 1)
                                            on:click=move |_| form.update(|f| { if f.options.len() > POLL_MIN_OPTIONS { f.options.remove(i); } })>
                                            <Icon kind=IconKind::Minus />
                                        </button>
                                    </Show>
                                </div>
                                <p class="field__error" id=error_id aria-live="polite">
                                    {move || shown().options.get(i).copied().flatten().map(|p| view! {
                                        <Icon kind=IconKind::Alert /><span>{move || length_text(p, t.get())}</span>
                                    })}
                                </p>
                            </div>
                        }
                    }).collect_view()}
                    <Show when=move || form.with(|f| f.options.len() < POLL_MAX_OPTIONS)>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| form.update(|f| f.options.push(String::new()))>
                            <Icon kind=IconKind::Plus />{tr(|t| t.poll_option_add)}
                        </button>
                    </Show>
                    {move || shown().duplicate_option.then(|| view! {
                        <p class="field__error" role="alert"><Icon kind=IconKind::Alert /><span>{tr(|t| t.poll_option_duplicate)}</span></p>
                    })}
                    <div class="field">
                        <label for="poll-closes">{tr(|t| t.poll_closes_field)}</label>
                        <input id="poll-closes" type="date" min=today.to_string() max=max_day.to_string()
                            aria-describedby="poll-closes-error"
                            aria-invalid=move || shown().closes_on.to_string()
                            prop:value=move || form.with(|f| f.closes_on.map(|d| d.to_string()).unwrap_or_default())
                            on:input=set(|f, v| f.closes_on = v.parse().ok()) />
                        <p class="field__error" id="poll-closes-error" aria-live="polite">
                            {move || shown().closes_on.then(|| view! {
                                <Icon kind=IconKind::Alert /><span>{move || t.get().poll_closes_invalid(i64::from(POLL_MAX_OPEN_DAYS))}</span>
                            })}
                        </p>
                    </div>
                </fieldset>
            </Show>
            <SubmitStatus submit />
            {move || match state.get() {
                SubmitState::Failed(error) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
            <button type="submit" class="button button--primary button--block" disabled=busy>
                {move || if busy() { t.get().thread_sending } else { t.get().thread_send }}
            </button>
        </form>
    }
}

/// A text field with its count and its length problem beside it.
#[component]
fn LengthField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    max: usize,
    multiline: bool,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    value: Signal<String>,
    problem: Signal<Option<LengthProblem>>,
    readonly: Signal<bool>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");
    let described = format!("{hint_id} {count_id} {error_id}");
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {if multiline {
                view! {
                    <textarea id=id rows="8" aria-describedby=described.clone()
                        aria-invalid=move || problem.get().is_some().to_string() readonly=readonly
                        prop:value=move || value.get() on:input=input></textarea>
                }.into_any()
            } else {
                view! {
                    <input id=id type="text" aria-describedby=described.clone()
                        aria-invalid=move || problem.get().is_some().to_string() readonly=readonly
                        prop:value=move || value.get() on:input=input />
                }.into_any()
            }}
            <div class="field__count" id=count_id>{move || format!("{}/{max}", value.with(|v| counted(v)))}</div>
            <p class="field__error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| view! { <Icon kind=IconKind::Alert /><span>{move || length_text(p, t.get())}</span> })}
            </p>
        </div>
    }
}

/// After a refused submit, the reader goes to the first field that says why.
fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    let found = document()
        .query_selector(".thread-form [aria-invalid=true]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
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
