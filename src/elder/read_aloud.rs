//! 语音朗读: reads the screen's title and main content aloud in the app's language, with
//! pause, go on and stop; with the setting on, each new screen is read as it opens. Where
//! the browser has no speech synthesis, pressing the button says so.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::speech;
use super::speech_text::{speech_pieces, MAX_PIECE_CHARS};
use crate::i18n::tr;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Speech {
    Idle,
    Speaking,
    Paused,
}

/// The screen as a listener needs it: its title, then what `<main>` shows.
fn screen_text() -> String {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return String::new();
    };
    let text_of = |selector: &str| {
        document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|e| e.inner_text())
            .unwrap_or_default()
    };
    format!("{}\n{}", text_of(".top-bar__title"), text_of("#main"))
}

/// A new screen is ready to be read when its content has come: nothing in `<main>` is
/// still loading and the page's code is not on its way.
fn screen_is_ready() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let found = |selector: &str| document.query_selector(selector).ok().flatten().is_some();
    !found("#main [aria-busy='true']") && !found(".page-loading") && found("#main h2")
}

#[component]
pub fn ReadAloudControls() -> impl IntoView {
    let prefs = use_prefs();
    let state = RwSignal::new(Speech::Idle);
    let unsupported = RwSignal::new(false);
    // Which reading is current: a reading that was stopped (or a wait for a screen the
    // user has already left) checks it and does nothing.
    let current = StoredValue::new(0u32);
    let next_reading = move || {
        let n = current.get_value().wrapping_add(1);
        current.set_value(n);
        n
    };

    let start = move || {
        let Some(engine) = speech::engine() else {
            unsupported.set(true);
            return;
        };
        let reading = next_reading();
        let lang = prefs.with_untracked(|p| p.locale.tag());
        let pieces = speech_pieces(&screen_text(), MAX_PIECE_CHARS);
        state.set(Speech::Speaking);
        speech::read(&engine, &pieces, lang, move || {
            if current.try_get_value() == Some(reading) {
                state.try_set(Speech::Idle);
            }
        });
    };
    let stop = move || {
        next_reading();
        if let Some(engine) = speech::engine() {
            engine.cancel();
        }
        state.set(Speech::Idle);
    };
    let pause = move || {
        if let Some(engine) = speech::engine() {
            engine.pause();
        }
        state.set(Speech::Paused);
    };
    let resume = move || {
        if let Some(engine) = speech::engine() {
            engine.resume();
        }
        state.set(Speech::Speaking);
    };
    on_cleanup(move || {
        if let Some(engine) = speech::engine() {
            engine.cancel();
        }
    });

    // A new screen: stop reading the old one; with the setting on, read the new one once
    // its content has come (checked every quarter second, for at most ten seconds).
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            stop();
            unsupported.set(false);
            if prefs.with_untracked(|p| p.read_aloud_auto) {
                let waiting_for = current.get_value();
                spawn_local(async move {
                    for _ in 0..40 {
                        gloo_timers::future::TimeoutFuture::new(250).await;
                        if current.try_get_value() != Some(waiting_for) {
                            return;
                        }
                        if screen_is_ready() {
                            start();
                            return;
                        }
                    }
                });
            }
        }
        now
    });

    let reading = move || state.get() != Speech::Idle;
    view! {
        <div class="read-aloud">
            <Show
                when=reading
                fallback=move || view! {
                    <button type="button" class="button button--secondary elder-tools__button" on:click=move |_| start()>
                        <Icon kind=IconKind::Speaker />
                        <span>{tr(|t| t.read_aloud)}</span>
                    </button>
                }
            >
                <Show
                    when=move || state.get() == Speech::Paused
                    fallback=move || view! {
                        <button type="button" class="button button--secondary elder-tools__button" on:click=move |_| pause()>
                            <Icon kind=IconKind::Pause />
                            <span>{tr(|t| t.read_aloud_pause)}</span>
                        </button>
                    }
                >
                    <button type="button" class="button button--secondary elder-tools__button" on:click=move |_| resume()>
                        <Icon kind=IconKind::Play />
                        <span>{tr(|t| t.read_aloud_resume)}</span>
                    </button>
                </Show>
                <button type="button" class="button button--secondary elder-tools__button" on:click=move |_| stop()>
                    <Icon kind=IconKind::Stop />
                    <span>{tr(|t| t.read_aloud_stop)}</span>
                </button>
            </Show>
        </div>
        <p class="elder-tools__notice" role="status">
            {move || unsupported.get().then(|| tr(|t| t.read_aloud_unsupported))}
        </p>
    }
}
