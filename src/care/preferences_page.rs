//! 消息设置: for each topic (care wishes, offers, community, service) on or off and a
//! weekly cap. Offers stay off until the subscriber turns them on (marketing consent).
//! Each change is saved at once and said; a change that fails is undone on screen and the
//! reason shown beside its topic.

use care_contract::care::{Preferences, Topic, TopicPreference, MAX_PER_WEEK_LIMIT};
use leptos::prelude::*;

use super::api;
use super::texts::{tr, use_texts, TextKey};
use crate::auth::RequireSignIn;
use crate::widgets::error_view::ErrorNotice;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn PreferencesPage() -> impl IntoView {
    set_page_meta(|t| t.care_preferences_title, Some("/care"));
    view! {
        <div class="page care">
            <RequireSignIn let:_signed_in>
                <PreferencesLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn PreferencesLoader() -> impl IntoView {
    let preferences = LocalResource::new(api::fetch_preferences);
    view! {
        <Loaded data=preferences skeleton=&[2, 3, 3, 3, 3] let:preferences>
            <section class="card">
                <p>{tr(|t| t.prefs_intro)}</p>
            </section>
            <ul class="topic-list">
                {preferences.topics.into_iter().map(|preference| view! { <li><TopicRow preference /></li> }).collect_view()}
            </ul>
        </Loaded>
    }
}

/// A topic's name and what it covers.
pub fn topic_words(topic: Topic) -> (TextKey, TextKey) {
    match topic {
        Topic::Care => (|t| t.prefs_topic_care, |t| t.prefs_topic_care_desc),
        Topic::Offers => (|t| t.prefs_topic_offers, |t| t.prefs_topic_offers_desc),
        Topic::Community => (
            |t| t.prefs_topic_community,
            |t| t.prefs_topic_community_desc,
        ),
        Topic::Service => (|t| t.prefs_topic_service, |t| t.prefs_topic_service_desc),
    }
}

#[component]
fn TopicRow(preference: TopicPreference) -> impl IntoView {
    let t = use_texts();
    let topic = preference.topic;
    let (name, description) = topic_words(topic);
    // What the screen shows; set back to the saved value when a save fails.
    let shown = RwSignal::new(preference);
    let saved = StoredValue::new(preference);
    let save = Action::new_local(move |wanted: &TopicPreference| {
        let request = Preferences {
            topics: vec![*wanted],
        };
        async move { api::save_preferences(request).await }
    });
    Effect::new(move || match save.value().get() {
        Some(Ok(all)) => {
            if let Some(now) = all.topics.into_iter().find(|p| p.topic == topic) {
                saved.set_value(now);
                shown.set(now);
            }
        }
        Some(Err(_)) => shown.set(saved.get_value()),
        None => {}
    });
    let change = move |wanted: TopicPreference| {
        shown.set(wanted);
        save.dispatch(wanted);
    };
    let id = topic.as_str();
    let (title_id, cap_id) = (format!("topic-{id}"), format!("topic-{id}-cap"));
    let (labelled_by, described_by) = (title_id.clone(), title_id.clone());
    let enabled = move || shown.with(|p| p.enabled);
    view! {
        <section class="card topic" aria-labelledby=labelled_by>
            <h2 class="card__title" id=title_id>{tr(name)}</h2>
            <p class="topic__desc">{tr(description)}</p>
            <button type="button" role="switch" class="switch switch--large"
                aria-checked=move || enabled().to_string()
                aria-describedby=described_by
                on:click=move |_| change(TopicPreference { enabled: !enabled(), ..shown.get_untracked() })>
                <span class="switch__label">{tr(|t| t.prefs_receive)}</span>
                <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
            </button>
            <Show when=enabled fallback=|| view! { <p class="topic__off">{tr(|t| t.prefs_off_note)}</p> }>
                <div class="field topic__cap">
                    <label for=cap_id.clone()>{tr(|t| t.prefs_cap_label)}</label>
                    <select id=cap_id.clone()
                        on:change=move |ev| {
                            if let Ok(cap) = event_target_value(&ev).parse::<u32>() {
                                change(TopicPreference { max_per_week: cap, ..shown.get_untracked() });
                            }
                        }>
                        {(1..=MAX_PER_WEEK_LIMIT).map(|n| view! {
                            <option value=n.to_string() selected=move || shown.with(|p| p.max_per_week == n)>
                                {move || t.get().prefs_cap_value(i64::from(n))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <div class="topic__said" aria-live="polite">
                {move || if save.pending().get() {
                    Some(t.get().prefs_saving.to_owned())
                } else {
                    save.value().with(|r| matches!(r, Some(Ok(_)))).then(|| t.get().prefs_saved(name(t.get())))
                }}
            </div>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::super::texts::Texts;
    use super::*;
    use crate::i18n::{Locale, TextBundle};

    #[test]
    fn every_topic_has_a_name_and_a_description_in_both_languages() {
        for locale in Locale::ALL {
            let t = Texts::of(locale);
            for topic in Topic::ALL.iter().copied() {
                let (name, description) = topic_words(topic);
                assert!(!name(t).is_empty() && !description(t).is_empty());
            }
        }
        let zh = Texts::of(Locale::ZhCn);
        assert_eq!(
            zh.prefs_saved(topic_words(Topic::Offers).0(zh)),
            "已保存：优惠活动"
        );
    }
}
