//! The browser's speech synthesis, wrapped: whether there is one, read pieces in a
//! language, pause, go on, stop. Everything the engine says it has done comes back through
//! one callback, tagged with the reading it belongs to, so a late "ended" from a stopped
//! reading cannot end the next one.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use super::speech_text::pick_voice;

/// The engine, when the browser has one (some embedded browsers and older phones do not).
pub fn engine() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

/// Reads `pieces` one after another in `lang` (`zh-CN`, `en-US`), with a voice of that
/// language where the device has one. `on_end` runs once, when the last piece has been
/// read or the engine gives up (an error, or a stop). Nothing to read ends at once.
pub fn read(
    engine: &SpeechSynthesis,
    pieces: &[String],
    lang: &str,
    on_end: impl FnOnce() + 'static,
) {
    engine.cancel();
    if pieces.is_empty() {
        on_end();
        return;
    }
    let voices: Vec<SpeechSynthesisVoice> = engine
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .collect();
    let langs: Vec<String> = voices.iter().map(|v| v.lang()).collect();
    let voice = pick_voice(&langs, lang).map(|i| voices[i].clone());
    // The engine reports the last piece's end or its error (a stop is an "interrupted"
    // error): whichever comes first is the end; a second report does nothing.
    let mut on_end = Some(on_end);
    let on_end = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = on_end.take() {
            f();
        }
    })
    .into_js_value();
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.iter().enumerate() {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(piece) else {
            continue;
        };
        utterance.set_lang(lang);
        utterance.set_rate(0.9);
        if let Some(voice) = &voice {
            utterance.set_voice(Some(voice));
        }
        if i == last {
            let f = on_end.unchecked_ref::<js_sys::Function>();
            utterance.set_onend(Some(f));
            utterance.set_onerror(Some(f));
        }
        engine.speak(&utterance);
    }
}
