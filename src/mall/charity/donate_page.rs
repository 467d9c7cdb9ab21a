//! 爱心捐赠: one charity project, the balance, how much to give, the confirmation and the
//! thanks. A donation left unanswered by a reload is asked again with its key.

use care_contract::mall::{CharityProject, MallSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::amount::blocked_text;
use super::amount_form::AmountForm;
use super::confirm::DonateConfirm;
use super::list::ProjectFacts;
use super::{api, drafts};
use crate::api::ApiError;
use crate::auth::RequireSignIn;
use crate::mall::api::fetch_summary;
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn DonatePage() -> impl IntoView {
    // Back to the catalogue's charity category, where the projects are listed.
    set_page_meta(|t| t.donate_title, Some("/mall?category=charity"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    view! {
        <div class="page donate-page">
            <RequireSignIn let:_signed_in>
                {move || match id.get() {
                    Some(id) => view! { <DonateLoader id /> }.into_any(),
                    None => view! { <ProjectNotFound /> }.into_any(),
                }}
            </RequireSignIn>
        </div>
    }
}

#[component]
fn DonateLoader(id: i64) -> impl IntoView {
    // The project and the balance, side by side; a project that is not in the list is
    // a 404, said as "not found".
    let loaded = LocalResource::new(move || async move {
        let (projects, summary) = futures::try_join!(api::fetch_projects(), fetch_summary())?;
        match projects.into_iter().find(|p| p.id == id) {
            Some(project) => Ok((project, summary)),
            None => Err(ApiError::not_found()),
        }
    });
    view! {
        <Loaded data=loaded skeleton=&[3, 4] not_found=ProjectNotFound let:((project, summary))>
            <Donate project summary />
        </Loaded>
    }
}

/// Which step the page is on: choosing an amount, or confirming one.
#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Confirm { points: i64 },
}

#[component]
fn Donate(project: CharityProject, summary: MallSummary) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let project_id = project.id;
    let (name_zh, name_en) = (project.name_zh.clone(), project.name_en.clone());
    let name = Signal::derive(move || localized(locale.get(), &name_zh, &name_en).to_owned());
    let balance = summary.balance;
    // A donation a reload interrupted: its confirmation opens again and carries on.
    let step = RwSignal::new(match drafts::interrupted(project_id) {
        Some(pending) => Step::Confirm {
            points: pending.points,
        },
        None => Step::Choose,
    });
    // Only the account reasons come here (too new, not verified, in arrears).
    let blocked = summary.account_blocked;
    let body = move || {
        if let Some(reason) = blocked {
            return view! {
                <p class="notice" role="note">
                    <Icon kind=IconKind::Alert />
                    <span>{move || blocked_text(reason, t.get()).unwrap_or_default()}</span>
                </p>
            }
            .into_any();
        }
        match step.get() {
            Step::Confirm { points } => view! {
                <DonateConfirm project_id project_name=name points balance
                    on_back=move |_| step.set(Step::Choose) />
            }
            .into_any(),
            Step::Choose if balance <= 0 => view! {
                <section class="card empty-state">
                    <p>{tr(|t| t.donate_no_points)}</p>
                    <A href="/mall" attr:class="button button--primary">{tr(|t| t.donate_back_to_mall)}</A>
                </section>
            }
            .into_any(),
            Step::Choose => view! {
                <AmountForm project_id balance
                    on_next=move |points| step.set(Step::Confirm { points }) />
            }
            .into_any(),
        }
    };
    view! {
        <section class="card" aria-labelledby="donate-project-title">
            <h2 class="card__title" id="donate-project-title"><Icon kind=IconKind::Heart />{name}</h2>
            <ProjectFacts project />
        </section>
        {body}
    }
}

#[component]
fn ProjectNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Compass /></div>
            <h2>{tr(|t| t.donate_project_not_found)}</h2>
            <A href="/mall" attr:class="button button--primary">{tr(|t| t.donate_back_to_mall)}</A>
        </section>
    }
}
