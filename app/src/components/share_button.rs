//! "Copy link" on a place page. An island: one of the few parts of the app
//! that run in the browser. Without JavaScript the button stays hidden and the
//! link box beside it does the job.
use leptos::prelude::*;

#[island]
pub fn ShareButton(
    /// The link to copy.
    url: String,
    /// Button text, already translated on the server (islands carry no
    /// translation tables, which keeps the WebAssembly small).
    label: String,
    /// Announced after a successful copy.
    copied: String,
    /// Announced when the browser refuses; the link box is selected instead.
    failed: String,
) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    let (status, set_status) = signal(String::new());
    // Effects only run in the browser: the button appears once it works.
    Effect::new(move |_| set_ready.set(true));
    let on_click = move |_| {
        let (copied, failed) = (copied.clone(), failed.clone());
        set_status.set(String::new());
        copy_to_clipboard(url.clone(), move |ok| {
            if ok {
                set_status.set(copied.clone());
            } else {
                select_link_box();
                set_status.set(failed.clone());
            }
        });
    };
    view! {
        <button type="button" class="share-button" hidden=move || !ready.get() on:click=on_click>
            {label}
        </button>
        <span class="share-status" role="status">{move || status.get()}</span>
    }
}

#[cfg(feature = "hydrate")]
fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return done(false);
    };
    // `navigator.clipboard` is missing outside secure contexts (plain http on
    // a LAN address): check before calling into it.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

#[cfg(not(feature = "hydrate"))]
fn copy_to_clipboard(_text: String, _done: impl FnOnce(bool) + 'static) {}

#[cfg(feature = "hydrate")]
fn select_link_box() {
    use wasm_bindgen::JsCast;
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("share-url"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

#[cfg(not(feature = "hydrate"))]
fn select_link_box() {}
