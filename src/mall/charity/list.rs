//! 公益捐赠: the charity projects that take points, each with what it has raised and what
//! this user gave, and a way to give.

use care_contract::mall::CharityProject;
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;

#[component]
pub fn CharityList() -> impl IntoView {
    let projects = LocalResource::new(api::fetch_projects);
    view! {
        <section class="charity" aria-labelledby="charity-title">
            <h2 class="section-title" id="charity-title">{tr(|t| t.charity_title)}</h2>
            <p class="charity__intro">{tr(|t| t.charity_intro)}</p>
            <Loaded data=projects skeleton=&[3] let:list>
                {if list.is_empty() {
                    view! { <p class="card empty-state">{tr(|t| t.charity_empty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="charity__list">
                            {list.into_iter().map(|project| view! {
                                <li><ProjectCard project /></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn ProjectCard(project: CharityProject) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let id = project.id;
    let heading = format!("charity-{id}");
    let labelled_by = heading.clone();
    let (name_zh, name_en) = (project.name_zh.clone(), project.name_en.clone());
    view! {
        <article class="card charity-card" aria-labelledby=labelled_by>
            <h3 class="charity-card__name" id=heading>
                <Icon kind=IconKind::Heart />
                <span>{move || localized(locale.get(), &name_zh, &name_en).to_owned()}</span>
            </h3>
            <ProjectFacts project=project.clone() />
            // The visible words start the accessible name (WCAG 2.5.3); the project makes
            // each of the links on this list distinct.
            <A href=format!("/mall/charity/{id}") attr:class="button button--primary button--block"
                attr:aria-label=move || format!("{}{}", t.get().charity_give,
                    t.get().charity_give_hidden(localized(locale.get(), &project.name_zh, &project.name_en)))>
                {tr(|t| t.charity_give)}
            </A>
        </article>
    }
}

/// What a project is for, what everyone raised, and what this user gave.
#[component]
pub fn ProjectFacts(project: CharityProject) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let CharityProject {
        description_zh,
        description_en,
        raised_points,
        donors,
        my_points,
        ..
    } = project;
    view! {
        <p class="charity-card__desc">{move || localized(locale.get(), &description_zh, &description_en).to_owned()}</p>
        <p class="charity-card__stats">
            {move || t.get().charity_raised(donors, raised_points)}
        </p>
        {(my_points > 0).then(|| view! {
            <p class="charity-card__mine">
                <Icon kind=IconKind::Check />
                <span>{move || t.get().charity_mine(my_points)}</span>
            </p>
        })}
    }
}
