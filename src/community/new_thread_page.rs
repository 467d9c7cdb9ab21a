//! 发帖: a board, a title, the body and an optional poll. Everything typed is kept in
//! localStorage as it is typed and cleared only when the backend confirms; the thread is
//! sent exactly once (`SubmitOnce`), then the new thread opens.

use care_contract::community::{
    Board, CreateThreadRequest, ThreadCreated, POLL_MIN_OPTIONS, THREAD_BODY_MAX_CHARS,
    TITLE_MAX_CHARS,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::api;
use super::community_page::board_name;
use super::poll_editor::PollEditor;
use super::texts::{tr, use_texts};
use super::thread_draft::{check, request, FormProblems, ThreadDraft};
use super::words::refusal_text;
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::auth::RequireSignIn;
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length_field::LengthField;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::submit_status::SubmitStatus;

/// Where a thread on its way is kept over a reload (sessionStorage).
const PENDING_THREAD: &str = "care.community.pending-thread.v1";

fn draft() -> Draft {
    Draft::on_the_device("care.community.thread.v1")
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
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !problems.get_untracked().is_empty() {
            // After the fields have drawn what is wrong with them.
            request_animation_frame(focus_first_invalid);
            return;
        }
        if let Some(request) = form.with_untracked(request) {
            confirm.ask(tr(|t| t.confirm_new_thread), move || submit.submit(request));
        }
    };
    view! {
        <form class="card form thread-form" novalidate on:submit=on_submit aria-labelledby="thread-form-title">
            <h2 class="card__title" id="thread-form-title"><Icon kind=IconKind::Chat />{tr(|t| t.new_thread_heading)}</h2>
            <div class="field">
                <label for="thread-board">{tr(|t| t.board_field)}</label>
                <select id="thread-board" aria-invalid=move || shown().board.to_string()
                    aria-describedby="thread-board-error" disabled=busy
                    on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.board_id = v.parse().ok()) }>
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
            <LengthField id="thread-title" label=tr(|t| t.title_field) max=TITLE_MAX_CHARS
                value=Signal::derive(move || form.with(|f| f.title.clone()))
                problem=Signal::derive(move || shown().title) readonly=Signal::derive(busy)
                on_input=move |v: String| form.update(|f| f.title = v) />
            <LengthField id="thread-body" label=tr(|t| t.body_field) max=THREAD_BODY_MAX_CHARS rows=8
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
                <PollEditor form shown=Signal::derive(shown) today />
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
