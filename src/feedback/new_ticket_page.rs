//! 我要反馈: a kind, a category, what happened, up to three photos, the number concerned
//! and how to be contacted. Everything (photos included, by their ids) is kept on the
//! device as it is typed and cleared only when the backend confirms; the ticket is sent
//! exactly once (`SubmitOnce`), then it opens.

use care_contract::feedback::{
    ContactMethod, ContactWindow, NewTicketRequest, TicketCategory, TicketCreated, TicketKind,
    DESCRIPTION_MAX_CHARS, MAX_PHOTOS,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::api;
use super::photo_picker::PhotoPicker;
use super::texts::{tr, use_texts};
use super::ticket_draft::{check, request, FormProblems, TicketDraft};
use super::words::{
    category_name, contact_method_name, contact_window_name, kind_name, refusal_text,
};
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::auth::{use_session, RequireSignIn};
use crate::drafts::Draft;
use crate::elder::use_confirm_send;
use crate::widgets::choice_group::ChoiceGroup;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::length_field::LengthField;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::submit_status::SubmitStatus;

/// Where a ticket on its way is kept over a reload (sessionStorage).
const PENDING_TICKET: &str = "care.feedback.pending-ticket.v1";

fn draft() -> Draft {
    Draft::on_the_device("care.feedback.ticket.v1")
}

async fn send(request: NewTicketRequest) -> Result<TicketCreated, ApiError> {
    let result = api::create_ticket(request).await;
    if result.is_ok() {
        draft().clear();
    }
    result
}

#[component]
pub fn NewTicketPage() -> impl IntoView {
    set_page_meta(|t| t.feedback_new_title, Some("/feedback"));
    view! {
        <div class="page new-ticket-page">
            <RequireSignIn let:_signed_in>
                <TicketForm />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn TicketForm() -> impl IntoView {
    let t = use_texts();
    let navigate = use_navigate();
    let mut start = draft().load_json::<TicketDraft>().unwrap_or_default();
    if start.kind.is_none() {
        let asked = use_query_map().read_untracked().get("kind");
        if let Some(kind) = asked.and_then(|k| k.parse::<TicketKind>().ok()) {
            start.choose_kind(kind);
        }
    }
    let form = RwSignal::new(start);
    // Every change is kept at once.
    Effect::new(move |_| form.with(|f| draft().save_json(f)));
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| form.with(check));
    let shown = move || {
        if tried.get() {
            problems.get()
        } else {
            FormProblems::default()
        }
    };
    let submit = SubmitOnce::open(PENDING_TICKET, send, |_: &NewTicketRequest| true);
    let state = submit.state();
    let busy = Signal::derive(move || state.with(SubmitState::may_have_happened));
    Effect::new(move |_| {
        if let SubmitState::Done(created) = state.get() {
            navigate(
                &format!("/feedback/tickets/{}", created.ticket.id),
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
        let found = problems.get_untracked();
        if !found.is_empty() {
            // After the fields have drawn what is wrong with them.
            request_animation_frame(move || focus_first_invalid(found.kind));
            return;
        }
        if let Some(request) = form.with_untracked(request) {
            confirm.ask(tr(|t| t.confirm_new_ticket), move || submit.submit(request));
        }
    };
    let own_number = move || {
        use_session()
            .profile()
            .map(|p| p.phone_masked)
            .unwrap_or_default()
    };
    let kinds = TicketKind::ALL
        .iter()
        .map(|&kind| (Some(kind), Signal::derive(move || kind_name(kind, t.get()))))
        .collect::<Vec<_>>();
    let methods = ContactMethod::ALL
        .iter()
        .map(|&m| (m, Signal::derive(move || contact_method_name(m, t.get()))))
        .collect::<Vec<_>>();
    view! {
        <form class="card form ticket-form" novalidate on:submit=on_submit aria-labelledby="ticket-form-title">
            <h2 class="card__title" id="ticket-form-title"><Icon kind=IconKind::Feedback />{tr(|t| t.form_heading)}</h2>
            <div class="field" aria-describedby="ticket-kind-error">
                <ChoiceGroup name="ticket-kind" legend=tr(|t| t.kind_field) options=kinds
                    selected=Signal::derive(move || form.with(|f| f.kind))
                    on_change={move |kind: Option<TicketKind>| form.update(|f| if let Some(kind) = kind { f.choose_kind(kind) })} />
                <p class="field__error" id="ticket-kind-error" aria-live="polite">
                    {move || shown().kind.then(|| view! { <Icon kind=IconKind::Alert /><span>{tr(|t| t.kind_missing)}</span> })}
                </p>
            </div>
            <div class="field">
                <label for="ticket-category">{tr(|t| t.category_field)}</label>
                <select id="ticket-category" aria-invalid=move || shown().category.to_string()
                    aria-describedby="ticket-category-error" disabled=busy
                    on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.category = v.parse().ok()) }>
                    <option value="" selected=move || form.with(|f| f.category.is_none())>{tr(|t| t.category_choose)}</option>
                    {move || {
                        let kind = form.with(|f| f.kind);
                        let categories: &[TicketCategory] = kind.map_or(TicketCategory::ALL, TicketKind::categories);
                        categories.iter().map(|&category| view! {
                            <option value=category.as_str() selected=move || form.with(|f| f.category == Some(category))>
                                {move || category_name(category, t.get())}
                            </option>
                        }).collect_view()
                    }}
                </select>
                <p class="field__error" id="ticket-category-error" aria-live="polite">
                    {move || shown().category.then(|| view! { <Icon kind=IconKind::Alert /><span>{tr(|t| t.category_missing)}</span> })}
                </p>
            </div>
            <Show when=move || form.with(|f| f.kind == Some(TicketKind::Complaint))>
                <div class="field field--check">
                    <label class="check">
                        <input type="checkbox" prop:checked=move || form.with(|f| f.high_risk) disabled=busy
                            aria-describedby="ticket-risk-hint"
                            on:change=move |ev| form.update(|f| f.high_risk = event_target_checked(&ev)) />
                        <span>{tr(|t| t.high_risk_field)}</span>
                    </label>
                    <p class="field__hint" id="ticket-risk-hint">{tr(|t| t.high_risk_hint)}</p>
                </div>
            </Show>
            <Show when=move || form.with(TicketDraft::escalated)>
                <p class="notice notice--care" role="status"><Icon kind=IconKind::Alert /><span>{tr(|t| t.escalated_note)}</span></p>
            </Show>
            <LengthField id="ticket-description" label=tr(|t| t.description_field) max=DESCRIPTION_MAX_CHARS rows=6
                hint=tr(|t| t.description_hint)
                value=Signal::derive(move || form.with(|f| f.description.clone()))
                problem=Signal::derive(move || shown().description) readonly=busy
                on_input=move |v: String| form.update(|f| f.description = v) />
            <fieldset class="field">
                <legend>{tr(|t| t.photos_field)}</legend>
                <PhotoPicker id="ticket-photos" max=MAX_PHOTOS disabled=busy
                    photos=Signal::derive(move || form.with(|f| f.photos.clone()))
                    on_added=move |photo| form.update(|f| if f.can_add_photo() { f.photos.push(photo) })
                    on_removed=move |id| form.update(|f| f.photos.retain(|p| p.id != id)) />
            </fieldset>
            <div class="field">
                <ChoiceGroup name="ticket-number" legend=tr(|t| t.number_field)
                    options=vec![(false, tr(|t| t.number_own)), (true, tr(|t| t.number_family))]
                    selected=Signal::derive(move || form.with(|f| f.for_family))
                    on_change=move |family: bool| form.update(|f| f.for_family = family) />
                <Show when=move || !form.with(|f| f.for_family)>
                    <p class="field__hint">{move || t.get().number_own_is(&own_number())}</p>
                </Show>
                <Show when=move || form.with(|f| f.for_family)>
                    <label for="ticket-family-number">{tr(|t| t.number_family_field)}</label>
                    <input id="ticket-family-number" type="tel" inputmode="tel" autocomplete="off"
                        aria-invalid=move || shown().family_number.to_string() aria-describedby="ticket-number-error"
                        readonly=busy prop:value=move || form.with(|f| f.family_number.clone())
                        on:input=move |ev| form.update(|f| f.family_number = event_target_value(&ev)) />
                    <p class="field__error" id="ticket-number-error" aria-live="polite">
                        {move || shown().family_number.then(|| view! { <Icon kind=IconKind::Alert /><span>{tr(|t| t.number_invalid)}</span> })}
                    </p>
                </Show>
            </div>
            <ChoiceGroup name="ticket-contact" legend=tr(|t| t.contact_field) options=methods
                selected=Signal::derive(move || form.with(|f| f.contact_method))
                on_change=move |m: ContactMethod| form.update(|f| f.contact_method = m) />
            <div class="field">
                <label for="ticket-window">{tr(|t| t.window_field)}</label>
                <select id="ticket-window" disabled=busy
                    on:change=move |ev| { if let Ok(w) = event_target_value(&ev).parse() { form.update(|f| f.contact_window = w) } }>
                    {ContactWindow::ALL.iter().map(|&window| view! {
                        <option value=window.as_str() selected=move || form.with(|f| f.contact_window == window)>
                            {move || contact_window_name(window, t.get())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
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
                {move || if busy.get() { t.get().ticket_sending } else { t.get().ticket_send }}
            </button>
        </form>
    }
}

/// After a refused submit, the reader goes to the first field that says why (the kind's
/// first choice when no kind is chosen: it comes first).
fn focus_first_invalid(kind_missing: bool) {
    use wasm_bindgen::JsCast;
    let selector = if kind_missing {
        ".ticket-form input[name=ticket-kind]"
    } else {
        ".ticket-form [aria-invalid=true]"
    };
    let found = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
}
