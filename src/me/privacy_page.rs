//! 隐私中心: what is kept, why and how long (worded per category and purpose), the
//! marketing consent (the care preference topic `offers`, off until the subscriber turns it
//! on), "download my data" (the export saved as a JSON file), and the request to close the
//! account, confirmed with the last four digits of the phone number; a pending request is
//! said from the overview, so it is still there after a reload, and may be withdrawn.

use care_contract::care::{Preferences, Topic, TopicPreference};
use care_contract::me::{
    export_file_name, DeletionRequest, DeletionRequestBody, KeptData, PrivacyOverview,
};
use care_contract::time::china_date;
use care_contract::ErrorCode;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::api;
use super::texts::{tr, use_texts};
use super::words::{category_text, deletion_code_problem, purpose_text, retention_text};
use crate::api::ApiError;
use crate::auth::RequireSignIn;
use crate::care::api as care_api;
use crate::i18n::dates::{format_date, now};
use crate::prefs::use_prefs;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    set_page_meta(|t| t.privacy_title, Some("/me"));
    view! {
        <div class="page privacy">
            <RequireSignIn let:_signed_in>
                <PrivacyLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn PrivacyLoader() -> impl IntoView {
    let overview = LocalResource::new(api::fetch_privacy);
    view! {
        <Loaded data=overview skeleton=&[6, 3, 3] let:overview>
            <PrivacyView overview />
        </Loaded>
    }
}

#[component]
fn PrivacyView(overview: PrivacyOverview) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="privacy-kept-title">
            <h2 class="card__title" id="privacy-kept-title"><Icon kind=IconKind::User />{tr(|t| t.privacy_intro_title)}</h2>
            <p>{tr(|t| t.privacy_intro)}</p>
            <ul class="kept-list">
                {overview.kept.into_iter().map(|kept| view! { <KeptRow kept /> }).collect_view()}
            </ul>
        </section>
        <MarketingConsent />
        <ExportData />
        <Deletion pending=overview.deletion_request />
    }
}

#[component]
fn KeptRow(kept: KeptData) -> impl IntoView {
    let t = use_texts();
    view! {
        <li class="kept">
            <h3 class="kept__category">{move || category_text(kept.category, t.get())}</h3>
            <p>{move || t.get().privacy_purpose(purpose_text(kept.purpose, t.get()))}</p>
            <p class="kept__retention">{move || retention_text(kept.retention_months, t.get())}</p>
        </li>
    }
}

/// The `offers` topic of the care preferences, as one switch.
#[component]
fn MarketingConsent() -> impl IntoView {
    let preferences = LocalResource::new(care_api::fetch_preferences);
    view! {
        <section class="card" aria-labelledby="consent-title">
            <h2 class="card__title" id="consent-title"><Icon kind=IconKind::Gift />{tr(|t| t.consent_title)}</h2>
            <p class="field__hint" id="consent-hint">{tr(|t| t.consent_hint)}</p>
            <Loaded data=preferences skeleton=&[1] let:preferences>
                <ConsentSwitch preferences />
            </Loaded>
        </section>
    }
}

fn offers_of(preferences: &Preferences) -> TopicPreference {
    preferences
        .topics
        .iter()
        .copied()
        .find(|p| p.topic == Topic::Offers)
        .unwrap_or_else(|| care_contract::care::default_preference(Topic::Offers))
}

#[component]
fn ConsentSwitch(preferences: Preferences) -> impl IntoView {
    let t = use_texts();
    let offers = RwSignal::new(offers_of(&preferences));
    let save = Action::new_local(move |wanted: &TopicPreference| {
        let wanted = *wanted;
        async move {
            care_api::save_preferences(Preferences {
                topics: vec![wanted],
            })
            .await
        }
    });
    let saving = save.pending();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            offers.set(offers_of(&saved));
        }
    });
    let on = move || offers.with(|o| o.enabled);
    let toggle = move |_| {
        let wanted = TopicPreference {
            enabled: !offers.get_untracked().enabled,
            ..offers.get_untracked()
        };
        save.dispatch(wanted);
    };
    view! {
        <button type="button" role="switch" class="switch switch--large" id="consent-switch"
            aria-checked=move || on().to_string()
            aria-describedby="consent-hint consent-state"
            disabled=saving on:click=toggle>
            <span class="switch__label">{tr(|t| t.consent_switch)}</span>
            <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
        </button>
        <p class="switch__state" id="consent-state" aria-live="polite">
            {move || if saving.get() {
                t.get().consent_saving
            } else if on() {
                t.get().consent_on
            } else {
                t.get().consent_off
            }}
        </p>
        {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
    }
}

/// Makes the browser save `text` as a JSON file named `name` (a Blob, its object URL and
/// a link with `download`, clicked and removed).
fn save_json_file(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = document();
    let link = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    let _ = body.remove_child(&link);
    // Revoked after the click has handed the file to the browser.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

#[component]
fn ExportData() -> impl IntoView {
    let t = use_texts();
    let export = Action::new_local(move |_: &()| async move {
        let data = api::fetch_export().await?;
        let name = export_file_name(china_date(now()));
        let text = serde_json::to_string_pretty(&data).map_err(|_| ApiError::Decode)?;
        save_json_file(&name, &text).ok_or(ApiError::Decode)?;
        Ok::<_, ApiError>(name)
    });
    let preparing = export.pending();
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 class="card__title" id="export-title"><Icon kind=IconKind::Parcel />{tr(|t| t.export_title)}</h2>
            <p>{tr(|t| t.export_intro)}</p>
            <p class="notice notice--care export__done" role="status">
                {move || export.value().get().and_then(Result::ok).map(|file| t.get().export_done(&file))}
            </p>
            {move || export.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
            <button type="button" class="button button--primary button--block" disabled=preparing
                on:click=move |_| { export.dispatch(()); }>
                {move || if preparing.get() { t.get().export_preparing } else { t.get().export_button }}
            </button>
        </section>
    }
}

/// Where the deletion card stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Explaining,
    Confirming,
}

#[component]
fn Deletion(pending: Option<DeletionRequest>) -> impl IntoView {
    let t = use_texts();
    let pending = RwSignal::new(pending);
    let said = RwSignal::new(String::new());
    view! {
        <section class="card deletion" aria-labelledby="deletion-title">
            <h2 class="card__title" id="deletion-title"><Icon kind=IconKind::Alert />{tr(|t| t.deletion_title)}</h2>
            <p class="notice notice--care deletion__said" role="status">{move || said.get()}</p>
            {move || match pending.get() {
                Some(request) => view! {
                    <PendingDeletion request on_withdrawn=Callback::new(move |()| {
                        pending.set(None);
                        said.set(t.get_untracked().deletion_withdrawn.to_owned());
                    }) />
                }.into_any(),
                None => view! {
                    <AskDeletion on_requested=Callback::new(move |request: DeletionRequest| {
                        said.set(String::new());
                        pending.set(Some(request));
                    }) />
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn PendingDeletion(
    request: DeletionRequest,
    #[prop(into)] on_withdrawn: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let withdraw = Action::new_local(move |_: &()| api::withdraw_deletion());
    let withdrawing = withdraw.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = withdraw.value().get() {
            on_withdrawn.run(());
        }
    });
    let day = china_date(request.requested_at);
    view! {
        <div class="deletion__pending" role="group" aria-labelledby="deletion-pending-title">
            <h3 id="deletion-pending-title"><Icon kind=IconKind::Clock />{tr(|t| t.deletion_pending_title)}</h3>
            <p>{move || t.get().deletion_pending(&format_date(day, prefs.with(|p| p.locale)))}</p>
            {move || withdraw.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
            <button type="button" class="button button--secondary button--block" disabled=withdrawing
                on:click=move |_| { withdraw.dispatch(()); }>
                {move || if withdrawing.get() { t.get().deletion_withdrawing } else { t.get().deletion_withdraw }}
            </button>
        </div>
    }
}

#[component]
fn AskDeletion(#[prop(into)] on_requested: Callback<DeletionRequest>) -> impl IntoView {
    let t = use_texts();
    let step = RwSignal::new(Step::Explaining);
    let code = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let send =
        Action::new_local(move |body: &DeletionRequestBody| api::request_deletion(body.clone()));
    let sending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(recorded)) = send.value().get() {
            on_requested.run(recorded.request);
        }
    });
    // A mismatch is the field's problem; anything else is said beside the button.
    let refusal = move || send.value().get().and_then(Result::err);
    let mismatch =
        move || refusal().is_some_and(|e| e.code() == Some(ErrorCode::ConfirmationMismatch));
    let malformed = move || tried.get() && code.with(|c| deletion_code_problem(c));
    let problem = move || {
        if malformed() {
            Some(t.get().deletion_code_invalid)
        } else if mismatch() {
            Some(t.get().deletion_code_mismatch)
        } else {
            None
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        send.value().set(None);
        let typed = code.get_untracked().trim().to_owned();
        if !deletion_code_problem(&typed) {
            send.dispatch(DeletionRequestBody {
                confirm_last_four: typed,
            });
        }
    };
    view! {
        <p>{tr(|t| t.deletion_intro)}</p>
        {move || match step.get() {
            Step::Explaining => view! {
                <button type="button" class="button button--secondary button--block"
                    on:click=move |_| step.set(Step::Confirming)>
                    {tr(|t| t.deletion_start)}
                </button>
            }.into_any(),
            Step::Confirming => view! {
                <form class="form deletion__form" novalidate on:submit=on_submit aria-labelledby="deletion-confirm-title">
                    <h3 id="deletion-confirm-title">{tr(|t| t.deletion_confirm_title)}</h3>
                    <div class="field">
                        <label for="deletion-code">{tr(|t| t.deletion_code_label)}</label>
                        <p class="field__hint" id="deletion-code-hint">{tr(|t| t.deletion_code_hint)}</p>
                        <input id="deletion-code" type="text" inputmode="numeric" autocomplete="off"
                            maxlength="4" class="deletion__code"
                            aria-describedby="deletion-code-hint deletion-code-error"
                            aria-invalid=move || problem().is_some().to_string()
                            readonly=sending prop:value=move || code.get()
                            on:input=move |ev| code.set(event_target_value(&ev)) />
                        <p class="field__error" id="deletion-code-error" aria-live="polite">
                            {move || problem().map(|words| view! { <Icon kind=IconKind::Alert /><span>{words}</span> })}
                        </p>
                    </div>
                    {move || refusal().filter(|e| e.code() != Some(ErrorCode::ConfirmationMismatch))
                        .map(|error| view! { <ErrorNotice error /> })}
                    <div class="button-row">
                        <button type="submit" class="button button--danger" disabled=sending>
                            {move || if sending.get() { t.get().deletion_sending } else { t.get().deletion_confirm }}
                        </button>
                        <button type="button" class="button button--secondary" disabled=sending
                            on:click=move |_| { step.set(Step::Explaining); tried.set(false); code.set(String::new()); send.value().set(None); }>
                            {tr(|t| t.deletion_cancel)}
                        </button>
                    </div>
                </form>
            }.into_any(),
        }}
    }
}
