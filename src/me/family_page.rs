//! 亲情号: the family an elderly subscriber calls with one tap (here and on the home
//! page): add, edit and remove them, up to the operator's number. Each is checked beside
//! its field before it is sent; an add is sent exactly once (`SubmitOnce`), and the session's
//! profile is read again after every change so the home page's call buttons follow.

use care_contract::me::{FamilyContactCreated, FamilyContactEdit, NewFamilyContact};
use care_contract::profile::FamilyContact;
use care_contract::ErrorCode;
use leptos::prelude::*;

use super::api;
use super::contact_check::{check, name_problem_text, ContactProblems};
use super::texts::{tr, use_texts, Texts};
use crate::api::submit_once::{SubmitOnce, SubmitState};
use crate::api::ApiError;
use crate::auth::{use_session, RequireSignIn};
use crate::elder::use_confirm_send;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::submit_status::SubmitStatus;

/// Where an add on its way is kept over a reload (sessionStorage).
const PENDING_ADD: &str = "care.me.pending-family-contact.v1";

#[component]
pub fn FamilyPage() -> impl IntoView {
    set_page_meta(|t| t.family_title, Some("/me"));
    view! {
        <div class="page family">
            <RequireSignIn let:_signed_in>
                <FamilyLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn FamilyLoader() -> impl IntoView {
    let list = LocalResource::new(api::fetch_family);
    view! {
        <Loaded data=list let:list>
            <FamilyManager contacts=list.contacts max=list.max_contacts />
        </Loaded>
    }
}

/// Why a change did not go through, in words.
fn refusal_text(error: &ApiError, max: u32, t: &'static Texts) -> String {
    match error.code() {
        Some(ErrorCode::FamilyContactsFull) => t.family_refused_full(i64::from(max)),
        Some(ErrorCode::FamilyNumberTaken) => t.family_refused_taken.to_owned(),
        Some(ErrorCode::InvalidContact) => t.family_refused_invalid.to_owned(),
        _ => error.message(t).to_owned(),
    }
}

#[component]
fn FamilyManager(contacts: Vec<FamilyContact>, max: u32) -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let contacts = RwSignal::new(contacts);
    // What the last change did, said politely to screen readers and shown above the list.
    let said = RwSignal::new(String::new());
    // A new add form (and its key) after each contact added.
    let adds = RwSignal::new(0_u32);
    let changed = move |words: String| {
        said.set(words);
        session.family_contacts_changed(contacts.get_untracked());
    };
    let count = move || contacts.with(Vec::len) as u32;

    view! {
        <section class="card" aria-labelledby="family-intro-title">
            <h2 class="card__title" id="family-intro-title"><Icon kind=IconKind::Heart />{tr(|t| t.family_contacts_title)}</h2>
            <p>{move || t.get().family_intro(i64::from(max))}</p>
            <p class="family__count">{move || t.get().family_count(i64::from(max), i64::from(count()))}</p>
        </section>
        <p class="notice notice--care family__said" role="status">{move || said.get()}</p>
        <ul class="family-list">
            <For each=move || contacts.get() key=|c| (c.id, c.name.clone(), c.phone.clone()) let:contact>
                <ContactCard contact contacts max on_changed=Callback::new(changed) />
            </For>
        </ul>
        {move || if count() < max {
            let _ = adds.get();
            view! {
                <AddContact max on_added=Callback::new(move |created: FamilyContactCreated| {
                    let name = created.contact.name.clone();
                    contacts.update(|list| {
                        if !list.iter().any(|c| c.id == created.contact.id) {
                            list.push(created.contact);
                        }
                    });
                    adds.update(|n| *n += 1);
                    changed(t.get_untracked().family_added(&name));
                }) />
            }.into_any()
        } else {
            view! {
                <p class="notice notice--care">{move || t.get().family_full(i64::from(max))}</p>
            }.into_any()
        }}
    }
}

/// The name and number fields, each with its hint and its problem.
#[component]
fn ContactFields(
    prefix: String,
    name: RwSignal<String>,
    phone: RwSignal<String>,
    #[prop(into)] problems: Signal<ContactProblems>,
    #[prop(into)] readonly: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let (name_id, phone_id) = (format!("{prefix}-name"), format!("{prefix}-phone"));
    let (name_more, phone_more) = (
        format!("{prefix}-name-hint {prefix}-name-error"),
        format!("{prefix}-phone-hint {prefix}-phone-error"),
    );
    view! {
        <div class="field">
            <label for=name_id.clone()>{tr(|t| t.family_name_label)}</label>
            <p class="field__hint" id=format!("{prefix}-name-hint")>{tr(|t| t.family_name_hint)}</p>
            <input id=name_id type="text" autocomplete="off" enterkeyhint="next"
                aria-describedby=name_more
                aria-invalid=move || problems.with(|p| p.name.is_some()).to_string()
                readonly=readonly prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev)) />
            <p class="field__error" id=format!("{prefix}-name-error") aria-live="polite">
                {move || problems.with(|p| p.name).map(|problem| view! {
                    <Icon kind=IconKind::Alert /><span>{move || name_problem_text(problem, t.get())}</span>
                })}
            </p>
        </div>
        <div class="field">
            <label for=phone_id.clone()>{tr(|t| t.family_phone_label)}</label>
            <p class="field__hint" id=format!("{prefix}-phone-hint")>{tr(|t| t.family_phone_hint)}</p>
            <input id=phone_id type="tel" inputmode="tel" autocomplete="off" enterkeyhint="done"
                aria-describedby=phone_more
                aria-invalid=move || problems.with(|p| p.phone).to_string()
                readonly=readonly prop:value=move || phone.get()
                on:input=move |ev| phone.set(event_target_value(&ev)) />
            <p class="field__error" id=format!("{prefix}-phone-error") aria-live="polite">
                {move || problems.with(|p| p.phone).then(|| view! {
                    <Icon kind=IconKind::Alert /><span>{tr(|t| t.family_phone_invalid)}</span>
                })}
            </p>
        </div>
    }
}

#[component]
fn AddContact(max: u32, #[prop(into)] on_added: Callback<FamilyContactCreated>) -> impl IntoView {
    let t = use_texts();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let submit = SubmitOnce::open(PENDING_ADD, api::add_contact, |_: &NewFamilyContact| true);
    let state = submit.state();
    let busy = Signal::derive(move || state.with(SubmitState::may_have_happened));
    let problems = Signal::derive(move || {
        if !tried.get() {
            return ContactProblems::default();
        }
        check(&name.get(), &phone.get()).err().unwrap_or_default()
    });
    Effect::new(move |_| {
        if let SubmitState::Done(created) = state.get() {
            on_added.run(created);
        }
    });
    let confirm = use_confirm_send();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Ok((name, phone)) = check(&name.get_untracked(), &phone.get_untracked()) {
            let request = NewFamilyContact {
                name,
                phone,
                idempotency_key: String::new(),
            };
            confirm.ask(tr(|t| t.confirm_family), move || submit.submit(request));
        }
    };
    view! {
        <form class="card form" novalidate on:submit=on_submit aria-labelledby="family-add-title">
            <h2 class="card__title" id="family-add-title"><Icon kind=IconKind::Plus />{tr(|t| t.family_add_title)}</h2>
            <ContactFields prefix="family-add".to_owned() name phone problems readonly=busy />
            <SubmitStatus submit />
            {move || match state.get() {
                SubmitState::Failed(error) => Some(view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert />
                        <span>{move || refusal_text(&error, max, t.get())}</span>
                    </p>
                }),
                _ => None,
            }}
            <button type="submit" class="button button--primary button--block" disabled=busy>
                {move || if busy.get() { t.get().family_adding } else { t.get().family_add }}
            </button>
        </form>
    }
}

/// What a contact's card shows: the contact, its edit form, or the question before removing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Showing,
    Editing,
    Removing,
}

#[component]
fn ContactCard(
    contact: FamilyContact,
    contacts: RwSignal<Vec<FamilyContact>>,
    max: u32,
    #[prop(into)] on_changed: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let mode = RwSignal::new(Mode::Showing);
    let id = contact.id;
    let shown_name = contact.name.clone();

    let name = RwSignal::new(contact.name.clone());
    let phone = RwSignal::new(contact.phone.clone());
    let tried = RwSignal::new(false);
    let problems = Signal::derive(move || {
        if !tried.get() {
            return ContactProblems::default();
        }
        check(&name.get(), &phone.get()).err().unwrap_or_default()
    });
    let save =
        Action::new_local(move |edit: &FamilyContactEdit| api::edit_contact(id, edit.clone()));
    let remove = Action::new_local(move |_: &()| api::remove_contact(id));
    let saving = save.pending();
    let removing = remove.pending();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            contacts.update(|list| {
                if let Some(c) = list.iter_mut().find(|c| c.id == saved.id) {
                    *c = saved.clone();
                }
            });
            on_changed.run(t.get_untracked().family_saved.to_owned());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            let gone = contacts
                .with_untracked(|list| list.iter().find(|c| c.id == id).map(|c| c.name.clone()));
            contacts.update(|list| list.retain(|c| c.id != id));
            on_changed.run(t.get_untracked().family_removed(&gone.unwrap_or_default()));
        }
    });
    let failure = move || {
        let failed = |v: Option<Result<_, ApiError>>| v.and_then(Result::err);
        failed(save.value().get().map(|r| r.map(drop))).or_else(|| failed(remove.value().get()))
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Ok((name, phone)) = check(&name.get_untracked(), &phone.get_untracked()) {
            save.dispatch(FamilyContactEdit { name, phone });
        }
    };
    let edit_name = shown_name.clone();
    let remove_name = shown_name.clone();
    let call_name = shown_name.clone();

    view! {
        <li class="card family-contact">
            <h2 class="card__title">{shown_name.clone()}</h2>
            <p class="family-contact__phone">{contact.phone.clone()}</p>
            <a class="button button--primary button--block" href=format!("tel:{}", contact.phone)>
                <Icon kind=IconKind::Phone />{move || t.get().family_call(&call_name)}
            </a>
            {move || match mode.get() {
                Mode::Showing => view! {
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| mode.set(Mode::Editing)>
                            {tr(|t| t.family_edit)}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| mode.set(Mode::Removing)>
                            {tr(|t| t.family_remove)}
                        </button>
                    </div>
                }.into_any(),
                Mode::Editing => {
                    let edit_name = edit_name.clone();
                    view! {
                        <form class="form family-contact__edit" novalidate on:submit=on_save
                            aria-label=move || t.get().family_edit_title(&edit_name)>
                            <ContactFields prefix=format!("family-{id}") name phone problems readonly=saving />
                            <div class="button-row">
                                <button type="submit" class="button button--primary" disabled=saving>
                                    {move || if saving.get() { t.get().family_saving } else { t.get().family_save }}
                                </button>
                                <button type="button" class="button button--secondary" disabled=saving
                                    on:click=move |_| { mode.set(Mode::Showing); tried.set(false); }>
                                    {tr(|t| t.family_cancel)}
                                </button>
                            </div>
                        </form>
                    }.into_any()
                }
                Mode::Removing => {
                    let remove_name = remove_name.clone();
                    view! {
                        <div class="family-contact__confirm" role="group" aria-label=move || t.get().family_remove_confirm(&remove_name)>
                            <p>{
                                let remove_name = remove_name.clone();
                                move || t.get().family_remove_confirm(&remove_name)
                            }</p>
                            <div class="button-row">
                                <button type="button" class="button button--danger" disabled=removing
                                    on:click=move |_| { remove.dispatch(()); }>
                                    {move || if removing.get() { t.get().family_removing } else { t.get().family_remove_yes }}
                                </button>
                                <button type="button" class="button button--secondary" disabled=removing
                                    on:click=move |_| mode.set(Mode::Showing)>
                                    {tr(|t| t.family_cancel)}
                                </button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
            {move || failure().map(|error| view! {
                <p class="notice notice--error" role="alert">
                    <Icon kind=IconKind::Alert />
                    <span>{move || refusal_text(&error, max, t.get())}</span>
                </p>
            })}
        </li>
    }
}
