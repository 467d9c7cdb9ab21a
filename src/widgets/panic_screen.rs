//! A panic must never leave a dead page. The hook paints a plain-DOM error screen (the
//! wasm instance cannot be trusted after a panic) with a link that reopens the app; drafts
//! and preferences are in localStorage, so nothing typed is lost.

use wasm_bindgen::JsCast;

use crate::prefs::{load_prefs, DesignTokens};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_screen();
    }));
}

/// Paints the error screen (once). Public so a test can check it without crashing the test.
pub fn show_panic_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("panic-screen").is_some() {
        return;
    }
    let prefs = load_prefs();
    let t = prefs.locale.texts();
    let reload_href = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_else(|| "/".to_owned());
    let Ok(screen) = document.create_element("div") else {
        return;
    };
    screen.set_id("panic-screen");
    screen.set_class_name("panic-screen");
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute(
        "style",
        &format!(
            "font-size:{}px",
            DesignTokens::for_prefs(&prefs).root_font_px
        ),
    );
    // Built with text nodes and attributes only: no HTML parsing of any string.
    let add = |parent: &web_sys::Element, tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    add(&screen, "h1", "panic-screen__title", t.panic_title);
    add(&screen, "p", "", t.panic_body);
    if let Some(link) = add(&screen, "a", "button button--primary", t.panic_reload) {
        let _ = link.set_attribute("href", &reload_href);
    }
    let _ = body.append_child(&screen);
    if let Some(link) = screen.query_selector("a").ok().flatten() {
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            let _ = link.focus();
        }
    }
}
