//! 设置: elder mode (named 长辈版, as the national rules ask), text size, theme, language.
//! Preferences apply at once and are remembered on this device.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::layout::ElderSwitch;
use crate::me::texts::tr;
use crate::me::texts::TextKey;
use crate::prefs::{use_prefs, TextSize, Theme};
use crate::widgets::choice_group::ChoiceGroup;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_title::set_page_meta;

fn text_size_label(size: TextSize) -> TextKey {
    match size {
        TextSize::Standard => |t| t.text_size_standard,
        TextSize::Large => |t| t.text_size_large,
        TextSize::Larger => |t| t.text_size_larger,
        TextSize::Largest => |t| t.text_size_largest,
    }
}

fn theme_label(theme: Theme) -> TextKey {
    match theme {
        Theme::Light => |t| t.theme_light,
        Theme::Dark => |t| t.theme_dark,
        Theme::Contrast => |t| t.theme_contrast,
    }
}

fn locale_label(locale: Locale) -> TextKey {
    match locale {
        Locale::ZhCn => |_| Locale::ZhCn.native_name(),
        Locale::En => |_| Locale::En.native_name(),
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    set_page_meta(|t| t.settings_title, Some("/me"));
    let prefs = use_prefs();
    view! {
        <div class="page settings">
            <section class="card card--care" aria-labelledby="settings-elder-title">
                <h2 class="card__title" id="settings-elder-title"><Icon kind=IconKind::TextSize />{tr(|t| t.elder_mode)}</h2>
                <p>{tr(|t| t.elder_setting_desc)}</p>
                <ElderSwitch large=true />
            </section>
            <section class="card" aria-labelledby="settings-read-aloud-title">
                <h2 class="card__title" id="settings-read-aloud-title"><Icon kind=IconKind::Speaker />{tr(|t| t.read_aloud_title)}</h2>
                <p id="settings-read-aloud-desc">{tr(|t| t.read_aloud_desc)}</p>
                <button type="button" role="switch" class="switch switch--large"
                    aria-checked=move || prefs.with(|p| p.read_aloud_auto).to_string()
                    aria-describedby="settings-read-aloud-desc"
                    on:click=move |_| prefs.update(|p| p.read_aloud_auto = !p.read_aloud_auto)>
                    <span class="switch__label">{tr(|t| t.read_aloud_auto)}</span>
                    <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
                </button>
            </section>
            <section class="card">
                <ChoiceGroup
                    name="text-size"
                    legend=tr(|t| t.text_size_title)
                    options=TextSize::ALL.iter().map(|&s| (s, tr(text_size_label(s)))).collect()
                    selected=Signal::derive(move || prefs.with(|p| p.text_size))
                    on_change=move |size| prefs.update(|p| p.text_size = size)
                />
                <p class="preview">{tr(|t| t.text_size_preview)}</p>
            </section>
            <section class="card">
                <ChoiceGroup
                    name="theme"
                    legend=tr(|t| t.theme_title)
                    options=Theme::ALL.iter().map(|&th| (th, tr(theme_label(th)))).collect()
                    selected=Signal::derive(move || prefs.with(|p| p.theme))
                    on_change=move |theme| prefs.update(|p| p.theme = theme)
                />
            </section>
            <section class="card">
                <ChoiceGroup
                    name="language"
                    legend=tr(|t| t.language_title)
                    options=Locale::ALL.iter().map(|&l| (l, tr(locale_label(l)))).collect()
                    selected=Signal::derive(move || prefs.with(|p| p.locale))
                    on_change=move |locale| prefs.update(|p| p.locale = locale)
                />
            </section>
        </div>
    }
}
