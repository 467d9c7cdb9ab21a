//! Component tests in headless Chromium (wasm-bindgen-test). Each mounts a real component
//! into a fresh element, clicks it like a user, and checks the document.
#![cfg(target_arch = "wasm32")]

use care_app::api::ApiError;
use care_app::community::markup_view::{PostBody, LINK_REL};
use care_app::layout::ElderSwitch;
use care_app::me::SettingsPage;
use care_app::prefs::{provide_prefs, PREFS_KEY};
use care_app::widgets::elder_prompt::ElderPrompt;
use care_app::widgets::error_view::ErrorView;
use care_app::widgets::page_title::provide_page_meta;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn html() -> HtmlElement {
    document().document_element().unwrap().dyn_into().unwrap()
}

/// A clean slate: no stored preferences, no tokens left by an earlier test, and a fresh
/// element to mount into.
fn fresh_container(stored_prefs: Option<&str>) -> HtmlElement {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    match stored_prefs {
        Some(value) => storage.set_item(PREFS_KEY, value).unwrap(),
        None => storage.remove_item(PREFS_KEY).unwrap(),
    }
    html().remove_attribute("style").unwrap();
    let container: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

fn click(container: &HtmlElement, selector: &str) {
    let element: HtmlElement = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap();
    element.click();
}

fn token(name: &str) -> String {
    html().style().get_property_value(name).unwrap()
}

fn stored_prefs() -> String {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.get_item(PREFS_KEY).unwrap().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_elder_switch_changes_the_document_tokens_and_remembers_them() {
    let container = fresh_container(None);
    let _app = mount_to(container.clone(), || {
        provide_prefs();
        view! { <ElderSwitch /> }
    });
    leptos::task::tick().await;
    assert_eq!(token("font-size"), "16px");
    assert_eq!(token("--tap"), "2.75rem");
    let switch = container.query_selector("[role=switch]").unwrap().unwrap();
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert_eq!(switch.text_content().unwrap().trim(), "长辈版");

    click(&container, "[role=switch]");
    leptos::task::tick().await;

    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    assert_eq!(html().get_attribute("data-elder").as_deref(), Some("on"));
    assert_eq!(token("font-size"), "20px");
    assert_eq!(token("--tap"), "3rem");
    assert_eq!(token("--line-height"), "1.6");
    let computed = web_sys::window()
        .unwrap()
        .get_computed_style(&html())
        .unwrap()
        .unwrap();
    assert_eq!(computed.get_property_value("font-size").unwrap(), "20px");
    assert!(
        stored_prefs().contains(r#""elder_mode":true"#),
        "{}",
        stored_prefs()
    );

    click(&container, "[role=switch]");
    leptos::task::tick().await;
    assert_eq!(token("font-size"), "16px");
    assert_eq!(html().get_attribute("data-elder").as_deref(), Some("off"));
}

#[wasm_bindgen_test]
async fn the_text_size_setting_scales_the_root_font_up_to_30px_and_more() {
    let container = fresh_container(Some(r#"{"elder_prompt_answered":true}"#));
    let _app = mount_to(container.clone(), || {
        provide_prefs();
        provide_page_meta();
        view! { <SettingsPage /> }
    });
    leptos::task::tick().await;
    let radios = container
        .query_selector_all("input[name=text-size]")
        .unwrap();
    assert_eq!(radios.length(), 4, "four text-size steps");

    let mut sizes = Vec::new();
    for i in 0..radios.length() {
        radios
            .item(i)
            .unwrap()
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        leptos::task::tick().await;
        sizes.push(
            token("font-size")
                .trim_end_matches("px")
                .parse::<f64>()
                .unwrap(),
        );
    }
    assert_eq!(sizes, vec![16.0, 20.0, 24.0, 30.0]);
    assert!(
        stored_prefs().contains(r#""text_size":"largest""#),
        "{}",
        stored_prefs()
    );

    // Elder mode on top of the largest size goes further still.
    click(&container, "[role=switch]");
    leptos::task::tick().await;
    assert_eq!(token("font-size"), "37.5px");
}

#[wasm_bindgen_test]
async fn stored_preferences_are_applied_when_the_app_starts() {
    let container = fresh_container(Some(
        r#"{"elder_mode":true,"text_size":"large","theme":"contrast","locale":"en","elder_prompt_answered":true}"#,
    ));
    let _app = mount_to(container.clone(), || {
        provide_prefs();
        view! { <ElderSwitch /> }
    });
    leptos::task::tick().await;
    assert_eq!(token("font-size"), "25px");
    assert_eq!(
        html().get_attribute("data-theme").as_deref(),
        Some("contrast")
    );
    assert_eq!(html().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(container.text_content().unwrap().trim(), "Elder mode");
}

#[wasm_bindgen_test]
async fn the_first_visit_prompt_turns_elder_mode_on_and_does_not_come_back() {
    let container = fresh_container(None);
    let _app = mount_to(container.clone(), || {
        provide_prefs();
        view! { <ElderPrompt /> }
    });
    leptos::task::tick().await;
    let dialog = container
        .query_selector("[role=dialog]")
        .unwrap()
        .expect("the prompt shows on a first visit");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    click(&container, ".dialog__actions .button--primary");
    leptos::task::tick().await;
    assert!(container.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(token("font-size"), "20px");
    assert!(stored_prefs().contains(r#""elder_prompt_answered":true"#));
}

#[wasm_bindgen_test]
async fn the_error_view_says_what_happened_and_retries() {
    let container = fresh_container(Some(r#"{"elder_prompt_answered":true}"#));
    let retries = RwSignal::new(0);
    let _app = mount_to(container.clone(), move || {
        provide_prefs();
        view! { <ErrorView error=ApiError::Timeout on_retry=move |_| retries.update(|n| *n += 1) /> }
    });
    leptos::task::tick().await;
    let alert = container.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert
        .text_content()
        .unwrap()
        .contains("等了很久服务器都没有回应"));
    click(&container, "button");
    click(&container, "button");
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn a_panic_leaves_a_readable_screen_with_a_way_back_not_a_dead_page() {
    fresh_container(Some(r#"{"elder_mode":true,"elder_prompt_answered":true}"#));
    care_app::widgets::panic_screen::show_panic_screen();
    care_app::widgets::panic_screen::show_panic_screen(); // a second panic adds nothing
    let screens = document().query_selector_all("#panic-screen").unwrap();
    assert_eq!(screens.length(), 1);
    let screen: HtmlElement = screens.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    let text = screen.text_content().unwrap();
    assert!(text.contains("页面出错了"), "{text}");
    assert!(text.contains("重新打开"), "{text}");
    // Sized for the user's preferences even though the app is gone: elder mode, 20 px.
    assert_eq!(
        screen.style().get_property_value("font-size").unwrap(),
        "20px"
    );
    let link = screen.query_selector("a").unwrap().expect("a reload link");
    let href = link.get_attribute("href").unwrap();
    assert_eq!(href, web_sys::window().unwrap().location().href().unwrap());
    assert_eq!(
        document().active_element().map(|e| e.tag_name()),
        Some("A".to_owned()),
        "focus moves to the reload link"
    );
    screen.remove();
}

/// Waits until `check` holds, polling every 50 ms, for at most `ms`.
async fn eventually(ms: u32, check: impl Fn() -> bool) -> bool {
    for _ in 0..ms / 50 {
        if check() {
            return true;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    check()
}

/// A request for the exactly-once tests: anything with a key will do.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct TestRequest {
    what: u32,
    key: String,
}

impl care_app::api::submit_once::Idempotent for TestRequest {
    fn key(&self) -> &str {
        &self.key
    }
    fn with_key(self, key: String) -> Self {
        Self { key, ..self }
    }
}

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_lost_answer_is_sent_again_with_the_same_key_and_a_second_tap_is_ignored() {
    use care_app::api::submit_once::{SubmitOnce, SubmitState};
    use std::cell::RefCell;
    use std::rc::Rc;

    const KEPT: &str = "care.test.pending-lost.v1";
    session_storage().remove_item(KEPT).unwrap();
    let sent = Rc::new(RefCell::new(Vec::<TestRequest>::new()));
    let attempt = {
        let sent = Rc::clone(&sent);
        move |request: TestRequest| {
            sent.borrow_mut().push(request);
            let first = sent.borrow().len() == 1;
            async move {
                if first {
                    Err(ApiError::Timeout)
                } else {
                    Ok(42)
                }
            }
        }
    };
    let owner = Owner::new();
    let submit = owner.with(|| SubmitOnce::open(KEPT, attempt, |_| true));
    let request = TestRequest {
        what: 7,
        key: String::new(),
    };
    submit.submit(request.clone());
    submit.submit(request); // the double tap
    assert!(
        eventually(500, || submit.state().get_untracked()
            == SubmitState::Confirming)
        .await,
        "a timeout means the outcome is unknown, not a failure"
    );
    assert!(
        session_storage().get_item(KEPT).unwrap().is_some(),
        "kept while its outcome is unknown, for a reload"
    );
    assert!(
        eventually(3_000, || submit.state().get_untracked()
            == SubmitState::Done(42))
        .await
    );
    let sent = sent.borrow();
    assert_eq!(
        sent.len(),
        2,
        "one first attempt and one confirmation: {sent:?}"
    );
    assert_eq!(
        sent[0], sent[1],
        "the confirmation is the same request, same key"
    );
    assert_eq!(sent[0].key, submit.key());
    assert!(
        session_storage().get_item(KEPT).unwrap().is_none(),
        "forgotten once answered"
    );
}

#[wasm_bindgen_test]
async fn a_refusal_is_final_and_the_next_try_gets_a_new_key() {
    use care_app::api::submit_once::{SubmitOnce, SubmitState};
    use care_contract::ErrorCode;
    use std::cell::RefCell;
    use std::rc::Rc;

    const KEPT: &str = "care.test.pending-refused.v1";
    let refused = ApiError::Http {
        status: 409,
        code: ErrorCode::InsufficientPoints,
        retry_after_secs: None,
        details: None,
    };
    let keys = Rc::new(RefCell::new(Vec::<String>::new()));
    let attempt = {
        let (keys, refused) = (Rc::clone(&keys), refused.clone());
        move |request: TestRequest| {
            keys.borrow_mut().push(request.key);
            let answer = refused.clone();
            async move { Err::<u32, _>(answer) }
        }
    };
    let owner = Owner::new();
    let submit = owner.with(|| SubmitOnce::open(KEPT, attempt, |_| true));
    submit.submit(TestRequest {
        what: 1,
        key: String::new(),
    });
    assert!(
        eventually(500, || submit.state().get_untracked()
            == SubmitState::Failed(refused.clone()))
        .await
    );
    assert!(
        session_storage().get_item(KEPT).unwrap().is_none(),
        "nothing to resume"
    );
    submit.submit(TestRequest {
        what: 1,
        key: String::new(),
    });
    assert!(eventually(500, || keys.borrow().len() == 2).await);
    let keys = keys.borrow();
    assert_ne!(
        keys[0], keys[1],
        "nothing happened, so a new request is a new key"
    );
}

#[wasm_bindgen_test]
async fn a_request_a_reload_interrupted_is_sent_again_with_its_own_key() {
    use care_app::api::submit_once::{SubmitOnce, SubmitState};
    use std::cell::RefCell;
    use std::rc::Rc;

    const KEPT: &str = "care.test.pending-reload.v1";
    let before_reload = TestRequest {
        what: 3,
        key: "KeptKeyFromBeforeTheReload".into(),
    };
    session_storage()
        .set_item(KEPT, &serde_json::to_string(&before_reload).unwrap())
        .unwrap();
    assert_eq!(
        SubmitOnce::<TestRequest, u32>::interrupted(KEPT, |r| r.what == 3),
        Some(before_reload.clone())
    );
    assert_eq!(
        SubmitOnce::<TestRequest, u32>::interrupted(KEPT, |r| r.what == 4),
        None
    );
    let sent = Rc::new(RefCell::new(Vec::<TestRequest>::new()));
    let attempt = {
        let sent = Rc::clone(&sent);
        move |request: TestRequest| {
            sent.borrow_mut().push(request);
            async { Ok(5) }
        }
    };
    let owner = Owner::new();
    let submit = owner.with(|| SubmitOnce::open(KEPT, attempt, |r: &TestRequest| r.what == 3));
    assert!(
        eventually(500, || submit.state().get_untracked()
            == SubmitState::Done(5))
        .await
    );
    assert_eq!(
        *sent.borrow(),
        vec![before_reload],
        "sent again as it was, same key"
    );
}

#[wasm_bindgen_test]
async fn a_post_body_shows_markup_as_nodes_and_hostile_html_as_text() {
    let container = fresh_container(None);
    let source = "**加粗** <img src=x onerror=\"window.__xss=1\">\n\n\
                  <script>window.__xss=2</script>\n\n\
                  - [帮助](https://example.cn/help)\n\
                  - [拨打](tel:10000)\n\
                  - [坏链接](javascript:window.__xss=3)\n\n\
                  <a href=\"javascript:window.__xss=4\" onclick=\"window.__xss=5\">点我</a>";
    let _handle = mount_to(
        container.clone(),
        move || view! { <PostBody source=source /> },
    );
    let body = container.query_selector(".post-body").unwrap().unwrap();
    for forbidden in [
        "img",
        "script",
        "[onerror]",
        "[onclick]",
        "a[href^=javascript]",
    ] {
        assert!(
            body.query_selector(forbidden).unwrap().is_none(),
            "{forbidden} was created"
        );
    }
    let text = body.text_content().unwrap();
    assert!(text.contains("<img src=x onerror="), "{text}");
    assert!(text.contains("<script>window.__xss=2</script>"), "{text}");
    assert_eq!(
        body.query_selector("strong")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "加粗"
    );
    let links = body.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2, "only the web and phone links are links");
    let web: web_sys::Element = links.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        web.get_attribute("href").unwrap(),
        "https://example.cn/help"
    );
    assert_eq!(web.get_attribute("rel").unwrap(), LINK_REL);
    assert_eq!(web.get_attribute("target").unwrap(), "_blank");
    let phone: web_sys::Element = links.item(1).unwrap().dyn_into().unwrap();
    assert_eq!(phone.get_attribute("href").unwrap(), "tel:10000");
    assert!(phone.get_attribute("target").is_none());
    assert!(
        text.contains("坏链接"),
        "an unsafe link keeps its words: {text}"
    );
    let xss = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__xss".into()).unwrap();
    assert!(xss.is_undefined(), "a script ran: {xss:?}");
}
