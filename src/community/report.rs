//! Reporting a post: a reason (radio buttons, so a keyboard and a screen reader know them)
//! and a word for staff, then thanks. Reporting the same post again changes nothing.

use care_contract::community::{PostRef, ReportReason, ReportRequest, REPORT_DETAIL_MAX_CHARS};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api;
use super::texts::{tr, use_texts, Texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::elder::use_confirm_send;
use crate::widgets::icons::{Icon, IconKind};

pub fn reason_label(reason: ReportReason, t: &Texts) -> &'static str {
    match reason {
        ReportReason::Spam => t.report_spam,
        ReportReason::Abuse => t.report_abuse,
        ReportReason::Privacy => t.report_privacy,
        ReportReason::Misinformation => t.report_misinformation,
        ReportReason::OffTopic => t.report_off_topic,
        ReportReason::Other => t.report_other,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Closed,
    Open,
    Sending,
    Sent,
}

#[component]
pub fn ReportButton(post: PostRef) -> impl IntoView {
    let t = use_texts();
    let step = RwSignal::new(Step::Closed);
    let reason = RwSignal::new(None::<ReportReason>);
    let detail = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let tried = RwSignal::new(false);
    let form_id = format!("report-{}-{}", post.kind.as_str(), post.id);
    let confirm = use_confirm_send();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(reason) = reason.get_untracked() else {
            return;
        };
        if step.get_untracked() == Step::Sending {
            return;
        }
        confirm.ask(tr(|t| t.confirm_report), move || {
            step.set(Step::Sending);
            error.set(None);
            let detail = detail.get_untracked().trim().to_owned();
            spawn_local(async move {
                let request = ReportRequest {
                    post,
                    reason,
                    detail: (!detail.is_empty()).then_some(detail),
                };
                match api::report(request).await {
                    Ok(_) => {
                        step.try_set(Step::Sent);
                    }
                    Err(e) => {
                        error.try_set(Some(e));
                        step.try_set(Step::Open);
                    }
                }
            });
        });
    };
    view! {
        {move || match step.get() {
            Step::Closed => view! {
                <button type="button" class="button button--secondary" on:click=move |_| step.set(Step::Open)>
                    {tr(|t| t.report_action)}
                </button>
            }.into_any(),
            Step::Sent => view! {
                <p class="notice notice--care report__sent" role="status">
                    <Icon kind=IconKind::Check /><span>{tr(|t| t.report_sent)}</span>
                </p>
            }.into_any(),
            Step::Open | Step::Sending => {
                let busy = move || step.get() == Step::Sending;
                view! {
                    <form class="report" id=form_id.clone() on:submit=send novalidate>
                        <fieldset class="choice-group">
                            <legend class="choice-group__legend">{tr(|t| t.report_reason_legend)}</legend>
                            <div class="choice-group__options">
                                {ReportReason::ALL.iter().copied().map(|r| view! {
                                    <label class="choice">
                                        <input type="radio" name=format!("{}-reason", form_id) prop:checked=move || reason.get() == Some(r)
                                            on:change=move |_| reason.set(Some(r)) />
                                        <span class="choice__label">{move || reason_label(r, t.get())}</span>
                                    </label>
                                }).collect_view()}
                            </div>
                        </fieldset>
                        {move || (tried.get() && reason.get().is_none()).then(|| view! {
                            <p class="field__error" role="alert"><Icon kind=IconKind::Alert /><span>{tr(|t| t.report_reason_missing)}</span></p>
                        })}
                        <div class="field">
                            <label for=format!("{}-detail", form_id)>{tr(|t| t.report_detail)}</label>
                            <textarea id=format!("{}-detail", form_id) rows="2" maxlength=REPORT_DETAIL_MAX_CHARS.to_string()
                                prop:value=move || detail.get() on:input=move |ev| detail.set(event_target_value(&ev))></textarea>
                        </div>
                        {move || error.get().map(|e| view! {
                            <p class="notice notice--error" role="alert"><Icon kind=IconKind::Alert /><span>{move || refusal_text(&e, t.get())}</span></p>
                        })}
                        <div class="report__actions">
                            <button type="submit" class="button button--primary" disabled=busy>{tr(|t| t.report_send)}</button>
                            <button type="button" class="button button--secondary" disabled=busy on:click=move |_| step.set(Step::Closed)>
                                {tr(|t| t.report_cancel)}
                            </button>
                        </div>
                    </form>
                }.into_any()
            }
        }}
    }
}
