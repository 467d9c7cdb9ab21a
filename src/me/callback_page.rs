//! 找人工客服: one tap to a person. The hotline, and a request for an agent to call back on
//! a day (today and the next six, China time) in a window, with an optional note. The
//! request is sent exactly once (`SubmitOnce`), what was typed is kept in a draft until the
//! backend confirms, and the open request shows with its state and a cancel button that
//! asks first. One request may be open at a time: the form shows only when none is.

use care_contract::feedback::ContactWindow;
use care_contract::me::{
    callback_day_allowed, Callback as CallbackRequest, CallbackCreated, CallbackStatus,
    NewCallbackRequest, CALLBACK_DAYS, CALLBACK_NOTE_MAX_CHARS,
};
use care_contract::time::china_date;
use care_contract::ErrorCode;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::api;
use super::texts::{tr, use_texts, Texts};
use super::words::{callback_status_text, day_text, window_text};
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::auth::{use_session, RequireSignIn};
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::i18n::dates::now;
use crate::prefs::use_prefs;
use crate::server_info::HotlineButton;
use crate::widgets::choice_group::ChoiceGroup;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length::check_length;
use crate::widgets::length_field::LengthField;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::submit_status::SubmitStatus;

/// Where a request on its way is kept over a reload (sessionStorage).
const PENDING_CALLBACK: &str = "care.me.pending-callback.v1";

/// What the user chose and typed, kept on the device until the backend confirms.
fn draft() -> Draft {
    Draft::on_the_device("care.draft.callback.v1")
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct CallbackDraft {
    day: Option<NaiveDate>,
    window: Option<ContactWindow>,
    note: String,
}

/// Which field a refusal belongs beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RefusedField {
    Day,
    Note,
    Form,
}

fn refused_field(error: &ApiError) -> RefusedField {
    match error.code() {
        Some(ErrorCode::CallbackDayOutOfRange) => RefusedField::Day,
        Some(ErrorCode::InvalidContact) => RefusedField::Note,
        _ => RefusedField::Form,
    }
}

fn refusal_text(error: &ApiError, t: &'static Texts) -> &'static str {
    match error.code() {
        Some(ErrorCode::CallbackAlreadyOpen) => t.callback_refused_open,
        Some(ErrorCode::CallbackDayOutOfRange) => t.callback_refused_day,
        Some(ErrorCode::InvalidContact) => t.callback_refused_note,
        _ => error.message(t),
    }
}

#[component]
pub fn CallbackPage() -> impl IntoView {
    set_page_meta(|t| t.callback_title, Some("/me"));
    view! {
        <div class="page callback">
            <section class="card" aria-labelledby="callback-intro-title">
                <h2 class="card__title" id="callback-intro-title"><Icon kind=IconKind::Phone />{tr(|t| t.callback_intro_title)}</h2>
                <p>{tr(|t| t.callback_intro)}</p>
                <HotlineButton />
            </section>
            <RequireSignIn let:_signed_in>
                <CallbackLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn CallbackLoader() -> impl IntoView {
    let list = LocalResource::new(api::fetch_callbacks);
    view! {
        <Loaded data=list skeleton=&[6] let:list>
            <CallbackManager callbacks=list.callbacks />
        </Loaded>
    }
}

#[component]
fn CallbackManager(callbacks: Vec<CallbackRequest>) -> impl IntoView {
    let t = use_texts();
    let open = RwSignal::new(
        callbacks
            .iter()
            .find(|c| c.status == CallbackStatus::Requested)
            .cloned(),
    );
    let past = RwSignal::new(
        callbacks
            .into_iter()
            .filter(|c| c.status != CallbackStatus::Requested)
            .collect::<Vec<_>>(),
    );
    // What the last change did, said politely to screen readers.
    let said = RwSignal::new(String::new());

    view! {
        <p class="notice notice--care callback__said" role="status">{move || said.get()}</p>
        {move || match open.get() {
            Some(callback) => view! {
                <OpenCallback callback on_cancelled=Callback::new(move |cancelled: CallbackRequest| {
                    open.set(None);
                    past.update(|list| list.insert(0, cancelled));
                    said.set(t.get_untracked().callback_cancelled.to_owned());
                }) />
            }.into_any(),
            None => view! {
                <CallbackForm on_requested=Callback::new(move |created: CallbackCreated| {
                    open.set(Some(created.callback));
                    said.set(t.get_untracked().callback_requested.to_owned());
                }) />
            }.into_any(),
        }}
        <Show when=move || past.with(|p| !p.is_empty())>
            <section class="card" aria-labelledby="callback-history-title">
                <h2 class="card__title" id="callback-history-title"><Icon kind=IconKind::Clock />{tr(|t| t.callback_history_title)}</h2>
                <ul class="callback-history">
                    <For each=move || past.get() key=|c| (c.id, c.status) let:callback>
                        <li class="callback-history__item">
                            <span>{callback_when(&callback)}</span>
                            <span class="badge">{move || callback_status_text(callback.status, t.get())}</span>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// "今天 …，上午（9:00–12:00）", following the language.
fn callback_when(callback: &CallbackRequest) -> impl Fn() -> String + Send + Sync + 'static {
    let t = use_texts();
    let prefs = use_prefs();
    let (day, window) = (callback.day, callback.window);
    move || {
        let locale = prefs.with(|p| p.locale);
        let t = t.get();
        let today = china_date(now());
        t.callback_open_when(&day_text(day, today, locale, t), window_text(window, t))
    }
}

/// The open request: when, to which number, its state, and cancel after a question.
#[component]
fn OpenCallback(
    callback: CallbackRequest,
    #[prop(into)] on_cancelled: Callback<CallbackRequest>,
) -> impl IntoView {
    let t = use_texts();
    let asking = RwSignal::new(false);
    let id = callback.id;
    let cancel = Action::new_local(move |_: &()| api::cancel_callback(id));
    let cancelling = cancel.pending();
    Effect::new(move |_| {
        if let Some(Ok(cancelled)) = cancel.value().get() {
            on_cancelled.run(cancelled);
        }
    });
    let when = callback_when(&callback);
    let phone = callback.phone_masked.clone();
    let note = callback.note.clone();
    view! {
        <section class="card callback-open" aria-labelledby="callback-open-title">
            <h2 class="card__title" id="callback-open-title"><Icon kind=IconKind::Clock />{tr(|t| t.callback_open_title)}</h2>
            <p class="callback-open__status"><span class="badge badge--care">{move || callback_status_text(callback.status, t.get())}</span></p>
            <p class="callback-open__when">{when}</p>
            <p>{move || t.get().callback_open_phone(&phone)}</p>
            {note.map(|note| view! { <p class="callback-open__note">{move || t.get().callback_open_note(&note)}</p> })}
            <p class="callback-open__rule">{tr(|t| t.callback_one_at_a_time)}</p>
            {move || if asking.get() {
                view! {
                    <div class="callback-open__confirm" role="group" aria-labelledby="callback-cancel-question">
                        <p id="callback-cancel-question">{tr(|t| t.callback_cancel_confirm)}</p>
                        <div class="button-row">
                            <button type="button" class="button button--danger" disabled=cancelling
                                on:click=move |_| { cancel.dispatch(()); }>
                                {move || if cancelling.get() { t.get().callback_cancelling } else { t.get().callback_cancel_yes }}
                            </button>
                            <button type="button" class="button button--secondary" disabled=cancelling
                                on:click=move |_| asking.set(false)>
                                {tr(|t| t.callback_cancel_no)}
                            </button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button button--secondary button--block" on:click=move |_| asking.set(true)>
                        {tr(|t| t.callback_cancel)}
                    </button>
                }.into_any()
            }}
            {move || cancel.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
        </section>
    }
}

#[component]
fn CallbackForm(#[prop(into)] on_requested: Callback<CallbackCreated>) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let session = use_session();
    let today = china_date(now());
    let days: Vec<NaiveDate> = (0..CALLBACK_DAYS).map(|n| today + Days::new(n)).collect();
    let kept = draft().load_json::<CallbackDraft>().unwrap_or_default();
    let day = RwSignal::new(
        kept.day
            .filter(|d| callback_day_allowed(*d, today))
            .unwrap_or(today),
    );
    let window = RwSignal::new(kept.window.unwrap_or(ContactWindow::AnyTime));
    let note = RwSignal::new(kept.note);
    let keep = move || {
        draft().save_json(&CallbackDraft {
            day: Some(day.get_untracked()),
            window: Some(window.get_untracked()),
            note: note.get_untracked(),
        });
    };
    let tried = RwSignal::new(false);
    let note_problem = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        note.with(|n| {
            if n.trim().is_empty() {
                None
            } else {
                check_length(n, 0, CALLBACK_NOTE_MAX_CHARS).err()
            }
        })
    });

    let submit = SubmitOnce::open(
        PENDING_CALLBACK,
        |request: NewCallbackRequest| async move {
            let result = api::request_callback(request).await;
            if result.is_ok() {
                draft().clear();
            }
            result
        },
        |_: &NewCallbackRequest| true,
    );
    let state = submit.state();
    let busy = Signal::derive(move || state.with(SubmitState::may_have_happened));
    Effect::new(move |_| {
        if let SubmitState::Done(created) = state.get() {
            on_requested.run(created);
        }
    });
    let refusal = move || match state.get() {
        SubmitState::Failed(error) => Some(error),
        _ => None,
    };
    let refusal_for = move |field: RefusedField| refusal().filter(|e| refused_field(e) == field);
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if note_problem.get_untracked().is_some() {
            return;
        }
        let typed = note.get_untracked();
        let typed = typed.trim();
        let request = NewCallbackRequest {
            day: day.get_untracked(),
            window: window.get_untracked(),
            phone: None,
            note: (!typed.is_empty()).then(|| typed.to_owned()),
            idempotency_key: String::new(),
        };
        confirm.ask(tr(|t| t.confirm_callback), move || submit.submit(request));
    };
    let window_options: Vec<(ContactWindow, Signal<&'static str>)> = ContactWindow::ALL
        .iter()
        .map(|&w| (w, Signal::derive(move || window_text(w, t.get()))))
        .collect();

    view! {
        <form class="card form" novalidate on:submit=on_submit aria-labelledby="callback-form-title">
            <h2 class="card__title" id="callback-form-title"><Icon kind=IconKind::Clock />{tr(|t| t.callback_form_title)}</h2>
            <fieldset class="choice-group" aria-describedby="callback-day-error" disabled=busy>
                <legend class="choice-group__legend">{tr(|t| t.callback_day_field)}</legend>
                <div class="choice-group__options">
                    {days.into_iter().map(|d| view! {
                        <label class="choice">
                            <input type="radio" name="callback-day"
                                prop:checked=move || day.get() == d
                                on:change=move |_| { day.set(d); keep(); } />
                            <span class="choice__label">{move || day_text(d, today, prefs.with(|p| p.locale), t.get())}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p class="field__error" id="callback-day-error" aria-live="polite">
                    {move || refusal_for(RefusedField::Day).map(|error| view! {
                        <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                    })}
                </p>
            </fieldset>
            <ChoiceGroup name="callback-window" legend=tr(|t| t.callback_window_field)
                options=window_options selected=window
                on_change=Callback::new(move |w| { window.set(w); keep(); }) />
            <LengthField id="callback-note" label=tr(|t| t.callback_note_label)
                hint=tr(|t| t.callback_note_hint) max=CALLBACK_NOTE_MAX_CHARS rows=3
                value=note.into()
                problem=note_problem readonly=busy
                on_input=Callback::new(move |v: String| { note.set(v); keep(); }) />
            {move || refusal_for(RefusedField::Note).map(|error| view! {
                <p class="field__error" role="alert">
                    <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                </p>
            })}
            <p class="callback__phone">
                {move || session.profile().map(|p| t.get().callback_phone_note(&p.phone_masked))}
            </p>
            <SubmitStatus submit />
            <p class="field__error" aria-live="polite">
                {move || refusal_for(RefusedField::Form).map(|error| view! {
                    <Icon kind=IconKind::Alert /><span>{move || refusal_text(&error, t.get())}</span>
                })}
            </p>
            <button type="submit" class="button button--primary button--block" disabled=busy>
                <Icon kind=IconKind::Phone />
                {move || if busy.get() { t.get().callback_sending } else { t.get().callback_send }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, MeTexts, TextBundle};

    fn refused(code: ErrorCode) -> ApiError {
        ApiError::Http {
            status: 409,
            code,
            retry_after_secs: None,
            details: None,
        }
    }

    #[test]
    fn each_refusal_is_said_beside_its_field() {
        assert_eq!(
            refused_field(&refused(ErrorCode::CallbackDayOutOfRange)),
            RefusedField::Day
        );
        assert_eq!(
            refused_field(&refused(ErrorCode::CallbackAlreadyOpen)),
            RefusedField::Form
        );
        assert_eq!(
            refused_field(&refused(ErrorCode::InvalidContact)),
            RefusedField::Note
        );
    }

    #[test]
    fn refusals_are_worded_in_both_languages() {
        let open = refused(ErrorCode::CallbackAlreadyOpen);
        assert_eq!(
            refusal_text(&open, MeTexts::of(Locale::ZhCn)),
            "您已经有一个回电预约了，请先取消它再预约新的。"
        );
        assert_eq!(
            refusal_text(
                &refused(ErrorCode::CallbackDayOutOfRange),
                MeTexts::of(Locale::En)
            ),
            "Choose a day from today to 6 days ahead, please."
        );
    }
}
