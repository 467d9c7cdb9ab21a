//! Sign in with a phone number and a one-time code. Errors appear beside the field they
//! are about, in words; the typed phone number survives a reload.

use care_contract::auth::CodeSent;
use care_contract::limits::CODE_LENGTH;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::form::{check_code, check_phone, place_error, FieldError, Placement};
use super::{safe_next, use_session, SessionExpiredNote, SessionState};
use crate::api::{self, ApiError};
use crate::auth::texts::{tr, use_texts};
use crate::drafts::Draft;
use crate::server_info::use_server_info;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_title::set_page_meta;

/// The phone field is kept for this browser session only: it is personal data.
const PHONE_DRAFT: Draft = Draft::for_the_tab("care.draft.sign-in-phone.v1");

#[component]
pub fn SignInPage() -> impl IntoView {
    set_page_meta(|t| t.sign_in_title, Some("/"));
    let t = use_texts();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || safe_next(query.with_untracked(|q| q.get("next")).as_deref());

    let phone = RwSignal::new(PHONE_DRAFT.load());
    let code = RwSignal::new(String::new());
    let phone_error = RwSignal::new(None::<FieldError>);
    let code_error = RwSignal::new(None::<FieldError>);
    let form_error = RwSignal::new(None::<ApiError>);
    let sent = RwSignal::new(None::<CodeSent>);
    let resend = Countdown::new();
    let server_info = use_server_info();

    let request_code = Action::new_local(|phone: &String| api::auth::request_code(phone.clone()));
    let sign_in = Action::new_local(|(phone, code): &(String, String)| {
        api::auth::sign_in(phone.clone(), code.clone())
    });

    // Already signed in (a bookmarked sign-in link): go straight on.
    let go_next = navigate.clone();
    Effect::new(move |_| {
        if matches!(session.state.get(), SessionState::SignedIn(_)) {
            go_next(
                &next(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let show_error = move |error: ApiError| match place_error(&error) {
        Some(Placement::Phone(e)) => {
            if let FieldError::RateLimited { seconds } = e {
                resend.start(seconds);
            }
            phone_error.set(Some(e));
        }
        Some(Placement::Code(e)) => code_error.set(Some(e)),
        None => form_error.set(Some(error)),
    };
    Effect::new(move |_| match request_code.value().get() {
        Some(Ok(answer)) => {
            resend.start(answer.resend_after_secs);
            sent.set(Some(answer));
        }
        Some(Err(error)) => show_error(error),
        None => {}
    });
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(signed_in)) => {
            PHONE_DRAFT.clear();
            session.signed_in(signed_in.profile);
        }
        Some(Err(error)) => show_error(error),
        None => {}
    });

    let on_get_code = move |_| {
        form_error.set(None);
        match check_phone(&phone.get_untracked()) {
            Ok(valid) => {
                phone_error.set(None);
                request_code.dispatch(valid);
            }
            Err(e) => phone_error.set(Some(e)),
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let checked_phone = check_phone(&phone.get_untracked());
        let checked_code = check_code(&code.get_untracked());
        phone_error.set(checked_phone.as_ref().err().copied());
        code_error.set(checked_code.as_ref().err().copied());
        if let (Ok(p), Ok(c)) = (checked_phone, checked_code) {
            sign_in.dispatch((p, c));
        }
    };

    let demo_code = move || {
        server_info
            .get()
            .and_then(|info| info.ok())
            .and_then(|info| info.demo_code)
    };

    view! {
        <div class="page sign-in">
            <section class="card">
                <h2 class="card__title"><Icon kind=IconKind::Phone />{tr(|t| t.sign_in_heading)}</h2>
                <SessionExpiredNote />
                <p>{tr(|t| t.sign_in_intro)}</p>
                {move || demo_code().map(|code| view! {
                    <p class="notice notice--info" role="note">
                        <Icon kind=IconKind::Alert />
                        <span>{move || t.get().demo_notice(&code)}</span>
                    </p>
                })}
                <form class="form" on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="sign-in-phone">{tr(|t| t.phone_label)}</label>
                        <p class="field__hint" id="sign-in-phone-hint">{tr(|t| t.phone_hint)}</p>
                        <div class="field__row">
                            <input
                                id="sign-in-phone"
                                name="phone"
                                type="tel"
                                inputmode="numeric"
                                autocomplete="tel"
                                maxlength="20"
                                aria-describedby="sign-in-phone-hint sign-in-phone-error"
                                aria-invalid=move || phone_error.get().is_some().to_string()
                                prop:value=move || phone.get()
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    PHONE_DRAFT.save(&value);
                                    phone.set(value);
                                    phone_error.set(None);
                                }
                            />
                            <button
                                type="button"
                                class="button button--secondary"
                                disabled=move || request_code.pending().get() || resend.seconds_left().is_some()
                                on:click=on_get_code
                            >
                                {move || {
                                    let t = t.get();
                                    if request_code.pending().get() {
                                        t.sending_code.to_owned()
                                    } else if let Some(seconds) = resend.seconds_left() {
                                        t.resend_in(i64::from(seconds))
                                    } else {
                                        t.get_code.to_owned()
                                    }
                                }}
                            </button>
                        </div>
                        <FieldErrorText id="sign-in-phone-error" error=phone_error />
                        {move || sent.get().map(|sent| view! {
                            <p class="field__ok" role="status">
                                <Icon kind=IconKind::Check />
                                {move || t.get().code_sent(i64::from(sent.expires_in_secs.div_ceil(60)), &sent.phone_masked)}
                            </p>
                        })}
                    </div>
                    <div class="field">
                        <label for="sign-in-code">{tr(|t| t.code_label)}</label>
                        <p class="field__hint" id="sign-in-code-hint">{tr(|t| t.code_hint)}</p>
                        <input
                            id="sign-in-code"
                            name="code"
                            type="text"
                            inputmode="numeric"
                            autocomplete="one-time-code"
                            maxlength=CODE_LENGTH.to_string()
                            aria-describedby="sign-in-code-hint sign-in-code-error"
                            aria-invalid=move || code_error.get().is_some().to_string()
                            prop:value=move || code.get()
                            on:input=move |ev| {
                                code.set(event_target_value(&ev));
                                code_error.set(None);
                            }
                        />
                        <FieldErrorText id="sign-in-code-error" error=code_error />
                    </div>
                    {move || form_error.get().map(|error| view! { <ErrorNotice error /> })}
                    <button type="submit" class="button button--primary button--block" disabled=move || sign_in.pending().get()>
                        {move || if sign_in.pending().get() { t.get().signing_in } else { t.get().sign_in_button }}
                    </button>
                </form>
            </section>
        </div>
    }
}

/// The words under a field when it has a problem; an empty live region otherwise, so the
/// message is announced when it appears.
#[component]
fn FieldErrorText(id: &'static str, error: RwSignal<Option<FieldError>>) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="field__error" id=id aria-live="polite">
            {move || error.get().map(|e| view! { <Icon kind=IconKind::Alert /><span>{e.text(t.get())}</span> })}
        </p>
    }
}

/// Seconds until a new code may be requested, ticking once a second.
#[derive(Clone, Copy)]
struct Countdown {
    until_ms: RwSignal<Option<f64>>,
    now_ms: RwSignal<f64>,
}

impl Countdown {
    fn new() -> Self {
        let countdown = Countdown {
            until_ms: RwSignal::new(None),
            now_ms: RwSignal::new(js_sys::Date::now()),
        };
        if let Ok(handle) = set_interval_with_handle(
            move || countdown.now_ms.set(js_sys::Date::now()),
            std::time::Duration::from_millis(500),
        ) {
            on_cleanup(move || handle.clear());
        }
        countdown
    }

    fn start(&self, seconds: u32) {
        let now = js_sys::Date::now();
        self.now_ms.set(now);
        self.until_ms.set(Some(now + f64::from(seconds) * 1000.0));
    }

    fn seconds_left(&self) -> Option<u32> {
        let left = (self.until_ms.get()? - self.now_ms.get()) / 1000.0;
        (left > 0.0).then(|| left.ceil() as u32)
    }
}
